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
    }

    /// A list of the integers in `range`.
    init(integers range: ClosedRange<Int>) {
        kind = .ints
        ints = Array(range)
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
    /// out of range.
    @inline(__always)
    func store(_ value: Value, at n: Int) -> Bool {
        guard n >= 0, n < count else { return false }
        switch (kind, value) {
        case (.bools, .bool(let b)): bools[n] = b
        case (.ints, .int(let i)): ints[n] = i
        case (.values, _): values[n] = value
        default:
            generalize()
            values[n] = value
        }
        return true
    }

    @inline(__always)
    func append(_ value: consuming Value) {
        // Not `switch (kind, value)`: the tuple would copy the value.
        switch kind {
        case .values where !values.isEmpty:
            values.append(value)
            return
        case .bools:
            if case .bool(let b) = value {
                bools.append(b)
                return
            }
        case .ints:
            if case .int(let i) = value {
                ints.append(i)
                return
            }
        case .values:
            break
        }
        if isEmpty {
            adopt(kindOf: value)
            switch value {
            case .bool(let b): bools.append(b)
            case .int(let i): ints.append(i)
            default: values.append(value)
            }
        } else {
            generalize()
            values.append(value)
        }
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
    /// list becomes a general one first.
    func withValues<R>(_ body: (inout [Value]) throws -> R) rethrows -> R {
        generalize()
        return try body(&values)
    }

    /// Stores the elements as general values from now on.
    private func generalize() {
        switch kind {
        case .bools: values = bools.map(Value.bool); bools = []
        case .ints: values = ints.map(Value.int); ints = []
        case .values: return
        }
        kind = .values
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
