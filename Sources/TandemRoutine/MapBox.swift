/// A map in the running program: text keys in insertion order, shared by
/// reference like a list.
///
/// Keys and values sit in two parallel arrays, so `keys(m)`, `values(m)`
/// and `for k in m` walk them in order without sorting. A small map (the
/// records routines build: a habit, a body, a tally) is searched in order:
/// comparing a short key, which Swift stores inline, costs less than
/// hashing it. Past ``indexedFrom`` keys a dictionary finds the position.
/// Each `m["key"]` in the source also remembers where it last found its key
/// (``position(of:hint:)``), so a record read in a loop finds its fields
/// at the first comparison.
final class MapBox {
    private(set) var keys: [String]
    private(set) var values: [Value]
    /// Key → position, once the map has ``indexedFrom`` keys.
    private var index: [String: Int]?
    /// The bytes counted against the running routine's ``MemoryBudget``.
    private var charged = 0
    /// The bytes of the keys too long for Swift to keep inline, counted as strings are.
    private var keyBytes = 0
    /// The literal this map was made by, while it still has exactly that
    /// literal's keys (a key added or removed forgets it): a place in the
    /// source that read a field of a map of the same shape finds it at the
    /// same position without comparing keys.
    private(set) var shape: MapShape?

    /// From how many keys on a dictionary finds them.
    static let indexedFrom = 12
    /// What a map counts for besides its entries.
    static let boxBytes = 128

    init() {
        keys = []
        values = []
        recharge()
    }

    /// A map of the pairs in order; a key given twice keeps its first place and its last value.
    init(keys newKeys: [String], values newValues: [Value]) {
        keys = []
        values = []
        keys.reserveCapacity(newKeys.count)
        values.reserveCapacity(newKeys.count)
        for (key, value) in zip(newKeys, newValues) { insertOrReplace(key, value) }
        recharge()
    }

    /// A map with the keys of a literal, all different, and their values.
    init(_ shape: MapShape, values: [Value]) {
        keys = shape.keys
        self.shape = shape
        self.values = values
        keyBytes = shape.keyBytes
        if keys.count >= MapBox.indexedFrom { index = shape.index }
        recharge()
    }

    deinit { MemoryBudget.charge(-charged) }

    var count: Int { keys.count }

    /// Counts the storage as it is now against the budget: 32 bytes an
    /// entry (the key and the value), the index's share, and long keys' text.
    private func recharge() {
        var bytes = MapBox.boxBytes + keys.capacity * 32 + keyBytes
        if index != nil { bytes += keys.count * 48 }
        let charged = bytes
        MemoryBudget.charge(charged - self.charged)
        self.charged = charged
    }

    /// The position of `key`, or nil.
    @inline(__always)
    func position(of key: String) -> Int? {
        if let index { return index[key] }
        var n = 0
        let count = keys.count
        while n < count {
            if keys[n] == key { return n }
            n += 1
        }
        return nil
    }

    /// The position of `key`, trying `hint` (where it was last time) first.
    @inline(__always)
    func position(of key: String, hint: Int) -> Int? {
        if hint < keys.count, keys[hint] == key { return hint }
        return position(of: key)
    }

    /// The value of `key`, or nil when the map does not have it.
    func value(of key: String) -> Value? {
        position(of: key).map { values[$0] }
    }

    /// The value at a position, which must be in range.
    @inline(__always)
    func value(at position: Int) -> Value { values[position] }

    /// Replaces the value at a position, which must be in range.
    @inline(__always)
    func replace(at position: Int, with value: Value) { values[position] = value }

    /// Sets `key` to `value`: in place when the map has it, else at the end
    /// (asking the memory budget first when the storage must grow).
    func set(_ key: String, _ value: Value, _ range: SourceRange) throws {
        if let n = position(of: key) {
            values[n] = value
            return
        }
        let longKey = StringBox.chargedBytes(key.utf8.count)
        if longKey != 0 { try MemoryBudget.reserve(longKey, range) }
        let grows = keys.count == keys.capacity
        if grows {
            let capacity = Swift.max(4, 2 * keys.count)
            try MemoryBudget.reserve(MemoryBudget.bytes(capacity - keys.count, of: 80), range)
            keys.reserveCapacity(capacity)
            values.reserveCapacity(capacity)
        }
        append(key, value)
        if grows || longKey != 0 || keys.count == MapBox.indexedFrom { recharge() }
    }

    private func insertOrReplace(_ key: String, _ value: Value) {
        if let n = position(of: key) { values[n] = value } else { append(key, value) }
    }

    private func append(_ key: String, _ value: Value) {
        keyBytes += StringBox.chargedBytes(key.utf8.count)
        shape = nil
        keys.append(key)
        values.append(value)
        if index != nil {
            index![key] = keys.count - 1
        } else if keys.count >= MapBox.indexedFrom {
            var built: [String: Int] = [:]
            built.reserveCapacity(keys.count * 2)
            for (n, key) in keys.enumerated() { built[key] = n }
            index = built
        }
    }

    /// Removes `key`; its value, or nil when the map did not have it.
    func remove(_ key: String) -> Value? {
        guard let n = position(of: key) else { return nil }
        shape = nil
        keyBytes -= StringBox.chargedBytes(keys.remove(at: n).utf8.count)
        let value = values.remove(at: n)
        if index != nil {
            index![key] = nil
            for m in n..<keys.count { index![keys[m]] = m }
        }
        return value
    }
}

/// The keys of a map literal whose keys are all written as text and all
/// different, worked out once when the literal is compiled: each map it
/// makes shares the array (and the index, for a large one).
final class MapShape {
    let keys: [String]
    /// The bytes of keys too long for Swift to keep inline (see ``MapBox``).
    let keyBytes: Int
    let index: [String: Int]?
    /// What ``MemoryBudget/reserve(_:_:)`` is asked before each map is made.
    let reservedBytes: Int?

    init(keys: [String]) {
        self.keys = keys
        keyBytes = keys.reduce(0) { $0 + StringBox.chargedBytes($1.utf8.count) }
        index = keys.count >= MapBox.indexedFrom ? Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }) : nil
        reservedBytes = MemoryBudget.bytes(keys.count, of: 80)
    }
}
