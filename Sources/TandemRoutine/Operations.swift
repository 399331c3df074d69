import Foundation
import TandemKit

/// An arithmetic operator with fast paths for two integers and for
/// decimals (an integer with a decimal is a decimal).
protocol ArithmeticOperation {
    /// The result for two integers, or nil when the slow path must decide
    /// (overflow, division by zero).
    static func integers(_ a: Int, _ b: Int) -> Int?
    /// The result for two decimals, or nil when the slow path must decide
    /// (division by zero).
    static func decimals(_ a: Double, _ b: Double) -> Double?
    /// Whether two integers give a decimal (`/`) rather than an integer.
    static var dividesIntegers: Bool { get }
    static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Value
}

extension ArithmeticOperation {
    static var dividesIntegers: Bool { false }

    /// The result when both are numbers and nothing can go wrong; nil sends
    /// the operands to ``values(_:_:_:)``, which gives the same answer or
    /// the error. Nested switches, not one over a tuple: the tuple would
    /// copy (and retain) both values.
    @inline(__always)
    static func fast(_ a: Value, _ b: Value) -> Value? {
        switch a {
        case .int(let x):
            switch b {
            case .int(let y):
                if let r = integers(x, y) { return .int(r) }
                if dividesIntegers, let r = decimals(Double(x), Double(y)) { return .decimal(r) }
                return nil
            case .decimal(let y):
                if let r = decimals(Double(x), y) { return .decimal(r) }
                return nil
            default: return nil
            }
        case .decimal(let x):
            switch b {
            case .decimal(let y):
                if let r = decimals(x, y) { return .decimal(r) }
                return nil
            case .int(let y):
                if let r = decimals(x, Double(y)) { return .decimal(r) }
                return nil
            default: return nil
            }
        default: return nil
        }
    }

    /// ``fast(_:_:)`` with an integer constant on the right.
    @inline(__always)
    static func fast(_ a: Value, int k: Int) -> Value? {
        switch a {
        case .int(let x):
            if let r = integers(x, k) { return .int(r) }
            if dividesIntegers, let r = decimals(Double(x), Double(k)) { return .decimal(r) }
            return nil
        case .decimal(let x):
            if let r = decimals(x, Double(k)) { return .decimal(r) }
            return nil
        default: return nil
        }
    }

    /// ``fast(_:_:)`` with a decimal constant on the right.
    @inline(__always)
    static func fast(_ a: Value, decimal k: Double) -> Value? {
        switch a {
        case .decimal(let x):
            if let r = decimals(x, k) { return .decimal(r) }
            return nil
        case .int(let x):
            if let r = decimals(Double(x), k) { return .decimal(r) }
            return nil
        default: return nil
        }
    }

    /// The result for two integers, or the overflow error.
    @inline(__always)
    static func checked(_ a: Int, _ b: Int, _ range: SourceRange) throws -> Int {
        guard let r = integers(a, b) else { throw Ops.overflow(range) }
        return r
    }
}

/// A comparison with fast paths for two integers and for decimals.
protocol ComparisonOperation {
    static func integers(_ a: Int, _ b: Int) -> Bool
    /// The result for two decimals, as ``Ops/order(_:_:_:)`` decides it
    /// (so that a NaN compares as it does on the slow path).
    static func decimals(_ a: Double, _ b: Double) -> Bool
    /// The result when one side is nil, or nil when that is an error
    /// (only `==` and `!=` compare nil with other values).
    static func withNil(bothNil: Bool) -> Bool?
    static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Bool
}

extension ComparisonOperation {
    static func withNil(bothNil: Bool) -> Bool? { nil }

    /// The result for numbers and for nil on either side; nil sends the
    /// operands to ``values(_:_:_:)``.
    @inline(__always)
    static func fast(_ a: Value, _ b: Value) -> Bool? {
        switch a {
        case .int(let x):
            switch b {
            case .int(let y): return integers(x, y)
            case .decimal(let y): return decimals(Double(x), y)
            case .none: return withNil(bothNil: false)
            default: return nil
            }
        case .decimal(let x):
            switch b {
            case .decimal(let y): return decimals(x, y)
            case .int(let y): return decimals(x, Double(y))
            case .none: return withNil(bothNil: false)
            default: return nil
            }
        case .none:
            if case .none = b { return withNil(bothNil: true) }
            return withNil(bothNil: false)
        default:
            if case .none = b { return withNil(bothNil: false) }
            return nil
        }
    }
}

enum Ops {
    static func typeError(_ verb: String, _ a: Value, _ b: Value, _ range: SourceRange, hint: String? = nil) -> RuntimeError {
        RuntimeError("cannot \(verb) \(a.typeName) and \(b.typeName)", at: range, hint: hint)
    }

    static func overflow(_ range: SourceRange) -> RuntimeError {
        RuntimeError("integer overflow: the result does not fit in 64 bits", at: range)
    }

    static func double(_ v: Value) -> Double? {
        switch v {
        case .int(let i): Double(i)
        case .decimal(let d): d
        default: nil
        }
    }

    enum Add: ArithmeticOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Int? {
            let (r, o) = a.addingReportingOverflow(b)
            return o ? nil : r
        }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Double? { a + b }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Value {
            switch (a, b) {
            case (.int(let x), .int(let y)): return .int(try checked(x, y, range))
            case (.str(let x), .str(let y)):
                let bytes = x.value.utf8.count + y.value.utf8.count
                if bytes > 4096 { try MemoryBudget.reserve(bytes, range) }
                return .string(x.value + y.value)
            case (.list(let x), .list(let y)):
                try MemoryBudget.reserve(MemoryBudget.bytes(x.count + y.count, of: 16), range)
                return .list(ListBox(x.items + y.items))
            case (.duration(let x), .duration(let y)): return .duration(try checked(x, y, range))
            case (.str, _), (_, .str):
                throw typeError("add", a, b, range, hint: "to join text and other values, write \"{x}\" or str(x)")
            default:
                if let x = double(a), let y = double(b) { return .decimal(x + y) }
                throw typeError("add", a, b, range)
            }
        }
    }

    enum Subtract: ArithmeticOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Int? {
            let (r, o) = a.subtractingReportingOverflow(b)
            return o ? nil : r
        }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Double? { a - b }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Value {
            switch (a, b) {
            case (.int(let x), .int(let y)): return .int(try checked(x, y, range))
            case (.duration(let x), .duration(let y)): return .duration(try checked(x, y, range))
            default:
                if let x = double(a), let y = double(b) { return .decimal(x - y) }
                throw typeError("subtract", a, b, range)
            }
        }
    }

    enum Multiply: ArithmeticOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Int? {
            let (r, o) = a.multipliedReportingOverflow(by: b)
            return o ? nil : r
        }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Double? { a * b }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Value {
            switch (a, b) {
            case (.int(let x), .int(let y)): return .int(try checked(x, y, range))
            case (.duration(let x), .int(let y)), (.int(let y), .duration(let x)): return .duration(try checked(x, y, range))
            case (.str(let box), .int(let n)), (.int(let n), .str(let box)):
                let s = box.value
                let bytes = MemoryBudget.bytes(n, of: s.utf8.count)
                guard n >= 0, let bytes, bytes < 100_000_000 else {
                    throw RuntimeError("cannot repeat a string \(n) times", at: range,
                                       hint: n < 0 ? nil : "the text would be longer than 100 MB")
                }
                if bytes > 4096 { try MemoryBudget.reserve(bytes, range) }
                return .string(String(repeating: s, count: n))
            default:
                if let x = double(a), let y = double(b) { return .decimal(x * y) }
                throw typeError("multiply", a, b, range)
            }
        }
    }

    static func divisionByZero(_ range: SourceRange) -> RuntimeError {
        RuntimeError("division by zero", at: range)
    }

    enum Divide: ArithmeticOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Int? { nil }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Double? { b == 0 ? nil : a / b }
        static var dividesIntegers: Bool { true }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Value {
            switch (a, b) {
            case (.duration(let x), .duration(let y)):
                guard y != 0 else { throw divisionByZero(range) }
                return .decimal(Double(x) / Double(y))
            default:
                guard let x = double(a), let y = double(b) else { throw typeError("divide", a, b, range) }
                guard y != 0 else { throw divisionByZero(range) }
                return .decimal(x / y)
            }
        }
    }

    enum FloorDivide: ArithmeticOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Int? {
            if b == 0 || (b == -1 && a == .min) { return nil }
            let q = a / b
            return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
        }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Double? { b == 0 ? nil : (a / b).rounded(.down) }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Value {
            switch (a, b) {
            case (.int(let x), .int(let y)):
                guard y != 0 else { throw divisionByZero(range) }
                return .int(try checked(x, y, range))
            case (.duration(let x), .int(let y)):
                guard y != 0 else { throw divisionByZero(range) }
                return .duration(try checked(x, y, range))
            case (.duration(let x), .duration(let y)):
                guard y != 0 else { throw divisionByZero(range) }
                return .int(try checked(x, y, range))
            default:
                guard let x = double(a), let y = double(b) else { throw typeError("divide", a, b, range) }
                guard y != 0 else { throw divisionByZero(range) }
                return .decimal((x / y).rounded(.down))
            }
        }
    }

    enum Remainder: ArithmeticOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Int? {
            if b == 0 || b == -1 { return b == -1 ? 0 : nil }
            let r = a % b
            return (r != 0 && (r < 0) != (b < 0)) ? r + b : r
        }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Double? { b == 0 ? nil : a - b * (a / b).rounded(.down) }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Value {
            switch (a, b) {
            case (.int(let x), .int(let y)):
                guard let r = integers(x, y) else { throw divisionByZero(range) }
                return .int(r)
            case (.duration(let x), .duration(let y)):
                guard let r = integers(x, y) else { throw divisionByZero(range) }
                return .duration(r)
            default:
                guard let x = double(a), let y = double(b) else { throw typeError("take the remainder of", a, b, range) }
                guard y != 0 else { throw divisionByZero(range) }
                return .decimal(x - y * (x / y).rounded(.down))
            }
        }
    }

    /// -1, 0 or 1 for ordered values.
    static func order(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.str(let x), .str(let y)): return x.value < y.value ? -1 : (x.value == y.value ? 0 : 1)
        case (.duration(let x), .duration(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        default:
            if let x = double(a), let y = double(b) { return x < y ? -1 : (x == y ? 0 : 1) }
            throw typeError("compare", a, b, range)
        }
    }

    enum Less: ComparisonOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Bool { a < b }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Bool { a < b }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Bool { try order(a, b, range) < 0 }
    }
    enum LessEqual: ComparisonOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Bool { a <= b }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Bool { a < b || a == b }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Bool { try order(a, b, range) <= 0 }
    }
    enum Greater: ComparisonOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Bool { a > b }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Bool { !(a < b || a == b) }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Bool { try order(a, b, range) > 0 }
    }
    enum GreaterEqual: ComparisonOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Bool { a >= b }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Bool { !(a < b) }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Bool { try order(a, b, range) >= 0 }
    }
    enum Equal: ComparisonOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Bool { a == b }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Bool { a == b }
        @inline(__always) static func withNil(bothNil: Bool) -> Bool? { bothNil }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Bool { Value.equal(a, b) }
    }
    enum NotEqual: ComparisonOperation {
        @inline(__always) static func integers(_ a: Int, _ b: Int) -> Bool { a != b }
        @inline(__always) static func decimals(_ a: Double, _ b: Double) -> Bool { a != b }
        @inline(__always) static func withNil(bothNil: Bool) -> Bool? { !bothNil }
        static func values(_ a: Value, _ b: Value, _ range: SourceRange) throws -> Bool { !Value.equal(a, b) }
    }

    static func negate(_ v: Value, _ range: SourceRange) throws -> Value {
        switch v {
        case .int(let i):
            guard i != .min else { throw overflow(range) }
            return .int(-i)
        case .decimal(let d): return .decimal(-d)
        case .duration(let s):
            guard s != .min else { throw overflow(range) }
            return .duration(-s)
        default: throw RuntimeError("cannot negate \(v.typeName)", at: range)
        }
    }

    static func listIndex(_ index: Value, count: Int, _ range: SourceRange) throws -> Int {
        guard case .int(let i) = index else {
            throw RuntimeError("a list index must be an integer, not \(index.typeName)", at: range)
        }
        guard i >= 0, i < count else {
            throw RuntimeError("index \(i) is out of range: the list has \(count) element\(count == 1 ? "" : "s")", at: range,
                               hint: count == 0 ? nil : "indexes go from 0 to \(count - 1)")
        }
        return i
    }

    /// The key of a map: text. A number is refused with the way to write it.
    static func mapKey(_ key: Value, _ range: SourceRange) throws -> String {
        guard case .str(let text) = key else {
            throw RuntimeError("a map's keys are strings, not \(key.typeName == "integer" ? "integers" : key.typeName)", at: range,
                               hint: "write the key in quotes, or make text of it with str(…)")
        }
        return text.value
    }

    /// The error for a key the map does not have, with the closest keys.
    static func missingKey(_ key: String, in map: MapBox, _ range: SourceRange) -> RuntimeError {
        let closest = Suggestions.closest(to: key, in: map.keys)
        let hint: String
        if !closest.isEmpty {
            hint = "did you mean " + closest.map { Value.string($0).description }.joined(separator: " or ") + "?"
        } else if map.count == 0 {
            hint = "the map is empty; get(m, key, default) gives a default instead"
        } else {
            let shown = map.keys.prefix(8).map { Value.string($0).description }.joined(separator: ", ")
            hint = "its keys are \(shown)\(map.count > 8 ? ", …" : ""); get(m, key, default) gives a default instead"
        }
        return RuntimeError("the map has no key \(Value.string(key).description)", at: range, hint: hint)
    }

    static func index(_ base: Value, _ index: Value, _ range: SourceRange) throws -> Value {
        switch base {
        case .map(let box):
            let key = try mapKey(index, range)
            guard let value = box.value(of: key) else { throw missingKey(key, in: box, range) }
            return value
        case .list(let box):
            return box[try listIndex(index, count: box.count, range)]
        case .str(let s):
            guard case .int(let i) = index else {
                throw RuntimeError("a string index must be an integer, not \(index.typeName)", at: range)
            }
            let count = s.characterCount
            guard i >= 0, i < count else {
                throw RuntimeError("index \(i) is out of range: the string has \(count) characters", at: range)
            }
            return .string(s.character(at: i))
        default:
            throw RuntimeError("cannot index \(base.typeName); only lists, maps and strings", at: range)
        }
    }

    static func setIndex(_ base: Value, _ index: Value, _ value: Value, _ range: SourceRange) throws {
        if case .map(let box) = base {
            return try box.set(try mapKey(index, range), value, range)
        }
        guard case .list(let box) = base else {
            throw RuntimeError("cannot assign to an element of \(base.typeName); only of a list or a map", at: range)
        }
        _ = try box.store(value, at: try listIndex(index, count: box.count, range), range)
    }

    static func integer(_ v: Value, _ what: String, _ range: SourceRange) throws -> Int {
        guard case .int(let i) = v else { throw RuntimeError("\(what) must be an integer, not \(v.typeName)", at: range) }
        return i
    }

    static func rangeList(_ low: Value, _ high: Value, _ range: SourceRange) throws -> Value {
        let lo = try integer(low, "the start of a range", range)
        let hi = try integer(high, "the end of a range", range)
        guard hi >= lo else { return .list(ListBox([])) }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, span < 50_000_000 else { throw RuntimeError("the range \(lo)..\(hi) is too large for a list", at: range) }
        try MemoryBudget.reserve(MemoryBudget.bytes(span + 1, of: 8), range)
        return .list(ListBox(integers: lo...hi))
    }
}
