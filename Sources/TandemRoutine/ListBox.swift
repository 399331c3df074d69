/// A list in the running program: shared by reference, as in Python.
///
/// A list whose elements are all booleans, or all integers, keeps them
/// unboxed (1 or 8 bytes each rather than a 16-byte ``Value``), in the way
/// V8 keeps "elements kinds": a sieve over two million flags then fits in
/// the cache, and storing a flag releases nothing. The first element of
/// another kind turns the list into a general one, for good; an empty list
/// takes the kind of its first element.
final class ListBox {
    /// How the elements are stored.
    enum Kind { case bools, ints, values }

    private(set) var kind: Kind
    private var bools: [Bool] = []
    private var ints: [Int] = []
    private var values: [Value] = []
    /// The bytes this list counts against the running routine's
    /// ``MemoryBudget``: its storage and a share for the box.
    private var charged = 0
    /// How many elements the charged storage holds: an append past it
    /// asks the budget for room first.
    private var chargedCapacity = 0

    /// What a list counts for besides its elements (the box, the arrays' headers).
    static let boxBytes = 96

    init(_ items: [Value]) {
        if items.allSatisfy({ if case .bool = $0 { true } else { false } }) {
            kind = .bools
            bools = items.map { if case .bool(let b) = $0 { b } else { false } }
        } else if items.allSatisfy({ if case .int = $0 { true } else { false } }) {
            kind = .ints
            ints = items.map { if case .int(let i) = $0 { i } else { 0 } }
        } else {
            kind = .values
            values = items
        }
        recharge()
    }

    /// A list of the integers in `range`.
    init(integers range: ClosedRange<Int>) {
        kind = .ints
        ints = Array(range)
        recharge()
    }

    deinit { MemoryBudget.charge(-charged) }

    /// The bytes of one element as this list stores them.
    private var elementBytes: Int {
        switch kind {
        case .bools: 1
        case .ints: 8
        case .values: 16
        }
    }

    /// Counts the storage as it is now against the budget.
    private func recharge() {
        let capacity = switch kind {
        case .bools: bools.capacity
        case .ints: ints.capacity
        case .values: values.capacity
        }
        let bytes = ListBox.boxBytes + capacity * elementBytes
        MemoryBudget.charge(bytes - charged)
        charged = bytes
        chargedCapacity = capacity
    }

    /// Doubles the storage, when the budget has room for it: the storage is
    /// full and an element is about to be added.
    @inline(never)
    private func grow(_ range: SourceRange) throws {
        let capacity = Swift.max(8, 2 * count)
        try MemoryBudget.reserve(MemoryBudget.bytes(capacity - chargedCapacity, of: elementBytes), range)
        switch kind {
        case .bools: bools.reserveCapacity(capacity)
        case .ints: ints.reserveCapacity(capacity)
        case .values: values.reserveCapacity(capacity)
        }
        recharge()
    }

    var count: Int {
        @inline(__always) get {
            switch kind {
            case .bools: bools.count
            case .ints: ints.count
            case .values: values.count
            }
        }
    }

    var isEmpty: Bool { count == 0 }

    /// The element at `n`, which must be in range.
    subscript(n: Int) -> Value {
        @inline(__always) get {
            switch kind {
            case .bools: .bool(bools[n])
            case .ints: .int(ints[n])
            case .values: values[n]
            }
        }
    }

    /// The element at `n`, or nil when `n` is out of range.
    @inline(__always)
    func element(at n: Int) -> Value? {
        switch kind {
        case .bools: n >= 0 && n < bools.count ? .bool(bools[n]) : nil
        case .ints: n >= 0 && n < ints.count ? .int(ints[n]) : nil
        case .values: n >= 0 && n < values.count ? values[n] : nil
        }
    }

    /// The list at `n`, unretained (this list keeps it alive), or nil when
    /// `n` is out of range or holds something else: for `pegs[i]` paths.
    @inline(__always)
    func listRef(at n: Int) -> Unmanaged<ListBox>? {
        guard kind == .values, n >= 0, n < values.count else { return nil }
        return values.withUnsafeBufferPointer { $0[n].listRef }
    }

    /// Replaces the element at `n`; false (and nothing stored) when `n` is
    /// out of range. Throws when a compact list must become a general one
    /// and the budget has no room for that.
    @inline(__always)
    func store(_ value: Value, at n: Int, _ range: SourceRange) throws -> Bool {
        guard n >= 0, n < count else { return false }
        switch (kind, value) {
        case (.bools, .bool(let b)): bools[n] = b
        case (.ints, .int(let i)): ints[n] = i
        case (.values, _): values[n] = value
        default:
            try generalize(range)
            values[n] = value
        }
        return true
    }

    /// Adds `value` at the end; throws, adding nothing, when the storage
    /// must grow and the budget has no room.
    @inline(__always)
    func append(_ value: consuming Value, _ range: SourceRange) throws {
        // Not `switch (kind, value)`: the tuple would copy the value.
        switch kind {
        case .values where !values.isEmpty:
            if values.count >= chargedCapacity { try grow(range) }
            values.append(value)
            return
        case .bools:
            if case .bool(let b) = value {
                if bools.count >= chargedCapacity { try grow(range) }
                bools.append(b)
                return
            }
        case .ints:
            if case .int(let i) = value {
                if ints.count >= chargedCapacity { try grow(range) }
                ints.append(i)
                return
            }
        case .values:
            break
        }
        try appendChangingKind(value, range)
    }

    /// Appends to an empty list, which takes the kind of `value`, or an
    /// element of another kind, which makes the list a general one.
    @inline(never)
    private func appendChangingKind(_ value: Value, _ range: SourceRange) throws {
        if isEmpty {
            adopt(kindOf: value)
            switch value {
            case .bool(let b): bools.append(b)
            case .int(let i): ints.append(i)
            default: values.append(value)
            }
        } else {
            try generalize(range)
            if values.count >= chargedCapacity { try grow(range) }
            values.append(value)
        }
        recharge()
    }

    /// Removes and returns the last element, or nil when the list is empty.
    @inline(__always)
    func popLast() -> Value? {
        switch kind {
        case .bools: bools.popLast().map(Value.bool)
        case .ints: ints.popLast().map(Value.int)
        case .values: values.popLast()
        }
    }

    /// The elements as values: a copy, for operations that are not hot.
    var items: [Value] {
        switch kind {
        case .bools: bools.map(Value.bool)
        case .ints: ints.map(Value.int)
        case .values: values
        }
    }

    /// Runs `body` on the elements as general values, in place for a general
    /// list (no copies, so no reference counting per element).
    @inline(__always)
    func withValueBuffer<R>(_ body: (UnsafeBufferPointer<Value>) throws -> R) rethrows -> R {
        if kind == .values { return try values.withUnsafeBufferPointer(body) }
        return try items.withUnsafeBufferPointer(body)
    }

    /// Runs `body` over the elements as they are now (changes that `body`
    /// makes to the list do not change what it visits), stopping early when
    /// it returns false.
    @inline(__always)
    func forEachElement(_ body: (Value) throws -> Bool) rethrows {
        switch kind {
        case .bools:
            for b in bools { guard try body(.bool(b)) else { return } }
        case .ints:
            for i in ints { guard try body(.int(i)) else { return } }
        case .values:
            for v in values { guard try body(v) else { return } }
        }
    }

    /// Changes the elements as general values (insert, remove): a compact
    /// list becomes a general one first. `range` is where a budget error goes.
    func withValues<R>(_ range: SourceRange, _ body: (inout [Value]) throws -> R) throws -> R {
        try generalize(range)
        if values.count >= chargedCapacity { try grow(range) }
        defer { recharge() }
        return try body(&values)
    }

    /// Stores the elements as general values from now on (16 bytes each
    /// rather than 1 or 8: the budget is asked first).
    private func generalize(_ range: SourceRange) throws {
        guard kind != .values else { return }
        try MemoryBudget.reserve(MemoryBudget.bytes(count, of: 16), range)
        switch kind {
        case .bools: values = bools.map(Value.bool); bools = []
        case .ints: values = ints.map(Value.int); ints = []
        case .values: return
        }
        kind = .values
        recharge()
    }

    /// An empty list takes the kind of its first element.
    private func adopt(kindOf value: Value) {
        bools = []; ints = []; values = []
        switch value {
        case .bool: kind = .bools
        case .int: kind = .ints
        default: kind = .values
        }
    }
}
