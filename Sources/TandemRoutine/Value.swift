import Foundation
import TandemKit

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
    func append(_ value: Value) {
        switch (kind, value) {
        case (.bools, .bool(let b)): bools.append(b)
        case (.ints, .int(let i)): ints.append(i)
        case (.values, _) where !values.isEmpty: values.append(value)
        default:
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

/// A string in the running program, boxed so that a ``Value`` holds at most
/// one class reference: copying a value is then one retain, and a value
/// takes 9 bytes (a 16-byte stride in lists and frames).
final class StringBox {
    let value: String
    init(_ value: String) { self.value = value }

    /// Whether every character is one ASCII byte, so that characters can be
    /// counted and found by byte (without walking grapheme clusters).
    var isASCII: Bool {
        var text = value
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
    }

    /// How many characters (as people count them: "é" is one) the text has.
    var characterCount: Int { isASCII ? value.utf8.count : value.count }

    /// The character at `index`, which must be in `0..<characterCount`.
    func character(at index: Int) -> String {
        if isASCII {
            let utf8 = value.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: index)
            return String(value[start..<utf8.index(after: start)])
        }
        return String(value[value.index(value.startIndex, offsetBy: index)])
    }
}

/// A value in the running program: numbers, booleans and nil inline, one
/// class reference for strings and lists.
enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case decimal(Double)
    case str(StringBox)
    case list(ListBox)
    case duration(Int)

    @inline(__always)
    static func string(_ s: String) -> Value { .str(StringBox(s)) }

    /// The list this value holds, without retaining it: for hot paths that
    /// use the list while the slot it was read from keeps it alive.
    @inline(__always)
    var listRef: Unmanaged<ListBox>? {
        if case .list(let box) = self { return Unmanaged.passUnretained(box) }
        return nil
    }

    var typeName: String {
        switch self {
        case .none: "nil"
        case .bool: "boolean"
        case .int: "integer"
        case .decimal: "decimal"
        case .str: "string"
        case .list: "list"
        case .duration: "duration"
        }
    }

    /// How `say` and interpolation show the value.
    var text: String {
        switch self {
        case .str(let s): s.value
        default: description
        }
    }

    /// How the value is written in a list or echoed at the REPL.
    var description: String {
        switch self {
        case .none: "nil"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .decimal(let d): Value.format(d)
        case .str(let box): "\"" + box.value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "{", with: "\\{") + "\""
        case .list(let box): "[" + box.items.map(\.description).joined(separator: ", ") + "]"
        case .duration(let seconds): Value.format(duration: seconds)
        }
    }

    static func format(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }

    static func format(duration seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        var rest = seconds.magnitude
        var text = seconds < 0 ? "-" : ""
        let hours = rest / 3600; rest %= 3600
        let minutes = rest / 60; rest %= 60
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if rest > 0 { text += "\(rest)s" }
        return text
    }

    /// Structural equality: numbers compare by value, lists element by element.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.decimal(let x), .decimal(let y)): x == y
        case (.int(let x), .decimal(let y)): Double(x) == y
        case (.decimal(let x), .int(let y)): x == Double(y)
        case (.str(let x), .str(let y)): x === y || x.value == y.value
        case (.duration(let x), .duration(let y)): x == y
        case (.list(let x), .list(let y)):
            x === y || (x.count == y.count && (0..<x.count).allSatisfy { equal(x[$0], y[$0]) })
        default: false
        }
    }

    /// The value as module functions see it.
    var routineValue: RoutineValue {
        switch self {
        case .none: .none
        case .bool(let b): .bool(b)
        case .int(let i): .integer(i)
        case .decimal(let d): .decimal(d)
        case .str(let s): .string(s.value)
        case .list(let box): .list(box.items.map(\.routineValue))
        case .duration(let s): .duration(s)
        }
    }

    init(_ value: RoutineValue) {
        switch value {
        case .none: self = .none
        case .bool(let b): self = .bool(b)
        case .integer(let i): self = .int(i)
        case .decimal(let d): self = .decimal(d)
        case .string(let s): self = .string(s)
        case .list(let items): self = .list(ListBox(items.map(Value.init)))
        case .duration(let s): self = .duration(s)
        }
    }
}

extension RoutineValue {
    /// How `say` shows the value: strings as they are, numbers plainly,
    /// lists as `[1, 2, "a"]`.
    public var displayText: String { Value(self).text }
    /// How the REPL echoes the value: strings in quotes.
    public var literalText: String { Value(self).description }
}
