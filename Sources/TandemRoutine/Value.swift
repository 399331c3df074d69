import Foundation
import TandemKit

/// A string in the running program, boxed so that a ``Value`` holds at most
/// one class reference: copying a value is then one retain, and a value
/// takes 9 bytes (a 16-byte stride in lists and frames).
///
/// A string longer than Swift keeps inline counts against the running
/// routine's ``MemoryBudget`` while it lives.
final class StringBox {
    let value: String
    init(_ value: String) {
        self.value = value
        let charged = StringBox.chargedBytes(value.utf8.count)
        if charged != 0 { MemoryBudget.charge(charged) }
    }

    deinit {
        let charged = StringBox.chargedBytes(value.utf8.count)
        if charged != 0 { MemoryBudget.charge(-charged) }
    }

    /// Whether every character is one ASCII byte, so that characters can be
    /// counted and found by byte (without walking grapheme clusters).
    var isASCII: Bool {
        var text = value
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return true }
            let raw = UnsafeRawPointer(start)
            var offset = 0
            // Eight bytes at a time: no byte of ASCII has its top bit set.
            while offset + 8 <= bytes.count {
                if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                offset += 8
            }
            while offset < bytes.count {
                if bytes[offset] >= 0x80 { return false }
                offset += 1
            }
            return true
        }
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
    case map(MapBox)

    @inline(__always)
    static func string(_ s: String) -> Value { .str(StringBox(s)) }

    /// The list this value holds, without retaining it: for hot paths that
    /// use the list while the slot it was read from keeps it alive.
    @inline(__always)
    var listRef: Unmanaged<ListBox>? {
        if case .list(let box) = self { return Unmanaged.passUnretained(box) }
        return nil
    }

    /// The map this value holds, without retaining it (as ``listRef``).
    @inline(__always)
    var mapRef: Unmanaged<MapBox>? {
        if case .map(let box) = self { return Unmanaged.passUnretained(box) }
        return nil
    }

    /// The string this value holds, without retaining it (as ``listRef``).
    @inline(__always)
    var stringRef: Unmanaged<StringBox>? {
        if case .str(let box) = self { return Unmanaged.passUnretained(box) }
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
        case .map: "map"
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
        case .list(let box): ListDescription.describe(box)
        case .map(let box): ListDescription.describe(box)
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
        case (.list, .list), (.map, .map): equalContainers(a, b)
        default: false
        }
    }

    /// Lists element by element, maps key by key in any order (`{"a": 1,
    /// "b": 2} == {"b": 2, "a": 1}`). `pairs` are the pairs being compared
    /// further up, kept only once they nest deeply (so comparing flat ones
    /// costs nothing more): a pair met again is taken as equal, which ends
    /// the comparison of lists and maps that contain themselves (two such
    /// are equal when no element tells them apart).
    private static func equalContainers(_ a: Value, _ b: Value) -> Bool {
        var pairs = ListPairs()
        return equalElements(a, b, &pairs)
    }

    private static func equalElements(_ a: Value, _ b: Value, _ pairs: inout ListPairs) -> Bool {
        switch (a, b) {
        case (.list(let x), .list(let y)):
            return equalParts(x, y, x.count, y.count, &pairs) { n, pairs in equalElements(x[n], y[n], &pairs) }
        case (.map(let x), .map(let y)):
            return equalParts(x, y, x.count, y.count, &pairs) { n, pairs in
                guard let other = y.value(of: x.keys[n]) else { return false }
                return equalElements(x.value(at: n), other, &pairs)
            }
        default:
            return equal(a, b)
        }
    }

    private static func equalParts(
        _ x: AnyObject, _ y: AnyObject, _ count: Int, _ otherCount: Int, _ pairs: inout ListPairs,
        _ same: (Int, inout ListPairs) -> Bool
    ) -> Bool {
        if x === y { return true }
        guard count == otherCount else { return false }
        guard pairs.enter(x, y) else { return true }
        defer { pairs.leave() }
        for n in 0..<count where !same(n, &pairs) { return false }
        return true
    }

    /// The value as module functions see it.
    var routineValue: RoutineValue {
        switch self {
        case .none: .none
        case .bool(let b): .bool(b)
        case .int(let i): .integer(i)
        case .decimal(let d): .decimal(d)
        case .str(let s): .string(s.value)
        case .list, .map: Value.routineContainer(self)
        case .duration(let s): .duration(s)
        }
    }

    /// A list or map as module functions see it; one inside itself (which
    /// a ``RoutineValue`` cannot hold) is cut to the text `[...]` or `{...}`.
    private static func routineContainer(_ value: Value) -> RoutineValue {
        var open: Set<ObjectIdentifier> = []
        return routineContainer(value, &open)
    }

    private static func routineContainer(_ value: Value, _ open: inout Set<ObjectIdentifier>) -> RoutineValue {
        switch value {
        case .list(let box):
            guard open.insert(ObjectIdentifier(box)).inserted else { return .string("[...]") }
            defer { open.remove(ObjectIdentifier(box)) }
            return .list(box.items.map { routineContainer($0, &open) })
        case .map(let box):
            guard open.insert(ObjectIdentifier(box)).inserted else { return .string("{...}") }
            defer { open.remove(ObjectIdentifier(box)) }
            return .map(RoutineMap(zip(box.keys, box.values.map { routineContainer($0, &open) }).map { ($0, $1) }))
        default:
            return value.routineValue
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
        case .map(let map): self = .map(MapBox(keys: map.keys, values: map.values.map(Value.init)))
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

/// The pairs of lists that ``Value/equal(_:_:)`` is comparing, outermost
/// first: nothing is kept for the first levels of nesting, so that common
/// comparisons allocate nothing; deeper, each pair is remembered, and a pair
/// met again ends that branch (the lists contain themselves).
struct ListPairs {
    private static let untrackedDepth = 32
    private var depth = 0
    private var seen: Set<[ObjectIdentifier]> = []

    /// Enters the comparison of `x` and `y` (two lists or two maps); false when it is already under way.
    mutating func enter(_ x: AnyObject, _ y: AnyObject) -> Bool {
        depth += 1
        guard depth > ListPairs.untrackedDepth else { return true }
        if seen.insert([ObjectIdentifier(x), ObjectIdentifier(y)]).inserted { return true }
        depth -= 1
        return false
    }

    mutating func leave() { depth -= 1 }
}

/// How a list or a map is written: `[1, "a", [2]]`, `{"walk": 3}`, and
/// `[...]` or `{...}` for one inside itself, as Python writes them. The
/// containers being written are tracked only once an element is a list or
/// a map, so flat ones cost nothing more. The text stops growing at what the
/// running routine's memory budget has left (``MemoryBudget/overdraw()``
/// then makes the next check fail): a list that holds the same list twice,
/// nested sixty deep, would be 2^60 long.
enum ListDescription {
    static func describe(_ box: ListBox) -> String {
        var text = "["
        var open: Set<ObjectIdentifier> = []
        write(box, into: &text, open: &open, room: MemoryBudget.room)
        return text
    }

    static func describe(_ box: MapBox) -> String {
        var text = "{"
        var open: Set<ObjectIdentifier> = []
        write(box, into: &text, open: &open, room: MemoryBudget.room)
        return text
    }

    /// Writes one element of `container`; false once the text is full.
    private static func element(
        _ item: Value, of container: AnyObject, tracked: inout Bool, into text: inout String,
        open: inout Set<ObjectIdentifier>, room: Int
    ) -> Bool {
        let inner: AnyObject, opening: String
        switch item {
        case .list(let list): (inner, opening) = (list, "[")
        case .map(let map): (inner, opening) = (map, "{")
        default:
            text += item.description
            return fits(text, room)
        }
        if !tracked { tracked = open.insert(ObjectIdentifier(container)).inserted }
        if open.contains(ObjectIdentifier(inner)) {
            text += opening == "[" ? "[...]" : "{...}"
        } else {
            text += opening
            if let list = inner as? ListBox { write(list, into: &text, open: &open, room: room) }
            if let map = inner as? MapBox { write(map, into: &text, open: &open, room: room) }
        }
        return fits(text, room)
    }

    /// Whether the text is still within `room`; when not, the budget is overdrawn.
    private static func fits(_ text: String, _ room: Int) -> Bool {
        if text.utf8.count > room {
            MemoryBudget.overdraw()
            return false
        }
        return true
    }

    /// Writes the elements and the closing bracket.
    private static func write(_ box: ListBox, into text: inout String, open: inout Set<ObjectIdentifier>, room: Int) {
        var tracked = false
        defer { if tracked { open.remove(ObjectIdentifier(box)) } }
        var first = true
        var full = false
        box.forEachElement { item in
            if !first { text += ", " }
            first = false
            full = !element(item, of: box, tracked: &tracked, into: &text, open: &open, room: room)
            return !full
        }
        text += full ? "…" : "]"
    }

    /// Writes the entries and the closing brace.
    private static func write(_ box: MapBox, into text: inout String, open: inout Set<ObjectIdentifier>, room: Int) {
        var tracked = false
        defer { if tracked { open.remove(ObjectIdentifier(box)) } }
        for (n, key) in box.keys.enumerated() {
            if n > 0 { text += ", " }
            text += Value.string(key).description + ": "
            guard element(box.value(at: n), of: box, tracked: &tracked, into: &text, open: &open, room: room) else {
                text += "…"
                return
            }
        }
        text += "}"
    }
}
