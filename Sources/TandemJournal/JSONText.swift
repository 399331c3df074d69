import Foundation
import TandemKit

/// A JSON number kept as the text it was written with, so that `1.0`,
/// `-0.0` and `12345678901234567890` read from a file are written back
/// exactly as they came (a `Double` would make them `1`, `0` and
/// `12345678901234567000`).
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as JSON text, such as `7`, `-0.0` or `1e19`.
    public let text: String

    /// A number from JSON text; `nil` unless `text` is a JSON number
    /// (RFC 8259: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    public init?(text: String) {
        guard JSONNumber.isNumber(Array(text.utf8)) else { return nil }
        self.text = text
    }

    init(unchecked text: String) { self.text = text }

    /// A whole number.
    public init(_ value: Int) { text = String(value) }

    /// The number as text.
    public var description: String { text }

    /// The nearest `Double` (large exponents give infinity).
    public var doubleValue: Double { Double(text) ?? .nan }

    /// The number as an `Int` when it is a whole number that fits (`7`,
    /// `7.0`, `7e0`); `nil` for `7.5`, `1e19` or `-1e400`.
    public var intValue: Int? {
        if let whole = Int(text) { return whole }
        let value = doubleValue
        guard value.isFinite, value == value.rounded(), abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    static func isNumber(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == 0x2D { index += 1 }
        guard index < bytes.count else { return false }
        if bytes[index] == 0x30 { index += 1 } else if digits() == 0 { return false }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            if digits() == 0 { return false }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            if digits() == 0 { return false }
        }
        return index == bytes.count
    }
}

/// A problem in JSON text, with the byte offset where it was found.
struct JSONTextError: Error, CustomStringConvertible {
    var offset: Int
    var message: String
    var description: String { "\(message) at byte \(offset)" }
}

/// A strict RFC 8259 reader and a writer for ``JSONValue`` that keep numbers
/// as written, refuse duplicate keys, invalid UTF-8, lone surrogates and
/// nesting deeper than ``maximumDepth``, and never crash on any input.
enum JSONText {
    /// How deeply arrays and objects may nest.
    static let maximumDepth = 64

    /// The byte offset of the first invalid UTF-8 sequence, or `nil` when
    /// `bytes` are valid UTF-8.
    static func invalidUTF8Offset(_ bytes: some Collection<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static func parse(_ bytes: [UInt8]) throws(JSONTextError) -> JSONValue {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.error("unexpected text after the JSON value") }
        return value
    }

    static func parse(_ text: String) throws(JSONTextError) -> JSONValue { try parse(Array(text.utf8)) }

    struct Reader {
        let bytes: [UInt8]
        var index = 0

        func error(_ message: String) -> JSONTextError { JSONTextError(offset: index, message: message) }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func expect(_ literal: String, _ value: JSONValue) throws(JSONTextError) -> JSONValue {
            let expected = Array(literal.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw error("expected a JSON value")
            }
            index += expected.count
            return value
        }

        mutating func value(depth: Int) throws(JSONTextError) -> JSONValue {
            guard index < bytes.count else { throw error("the JSON text ends early") }
            switch bytes[index] {
            case 0x7B: return try object(depth: depth + 1)
            case 0x5B: return try array(depth: depth + 1)
            case 0x22: return .string(try string())
            case 0x74: return try expect("true", .bool(true))
            case 0x66: return try expect("false", .bool(false))
            case 0x6E: return try expect("null", .null)
            case 0x2D, 0x30...0x39: return .number(try number())
            default: throw error("expected a JSON value")
            }
        }

        mutating func number() throws(JSONTextError) -> JSONNumber {
            let start = index
            while index < bytes.count, [0x2B, 0x2D, 0x2E, 0x45, 0x65].contains(bytes[index]) || (0x30...0x39).contains(bytes[index]) {
                index += 1
            }
            let slice = Array(bytes[start..<index])
            guard JSONNumber.isNumber(slice) else { index = start; throw error("malformed number") }
            return JSONNumber(unchecked: String(decoding: slice, as: UTF8.self))
        }

        mutating func hex4() throws(JSONTextError) -> UInt32 {
            guard bytes.count - index >= 4 else { throw error("\\u needs four hex digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: throw error("\\u needs four hex digits")
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        mutating func string() throws(JSONTextError) -> String {
            index += 1  // the opening quote
            var scalars = String.UnicodeScalarView()
            var runStart = index
            func flush(_ end: Int) {
                scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
            while true {
                guard index < bytes.count else { throw error("unterminated string") }
                let byte = bytes[index]
                if byte == 0x22 {
                    flush(index)
                    index += 1
                    return String(scalars)
                }
                if byte < 0x20 { throw error("a control character must be escaped in a string") }
                if byte != 0x5C { index += 1; continue }
                flush(index)
                index += 1
                guard index < bytes.count else { throw error("unterminated string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case 0x22: scalars.append("\"")
                case 0x5C: scalars.append("\\")
                case 0x2F: scalars.append("/")
                case 0x62: scalars.append("\u{08}")
                case 0x66: scalars.append("\u{0C}")
                case 0x6E: scalars.append("\n")
                case 0x72: scalars.append("\r")
                case 0x74: scalars.append("\t")
                case 0x75:
                    let escapeStart = index - 2
                    let first = try hex4()
                    var code = first
                    if (0xD800...0xDBFF).contains(first) {
                        guard bytes.count - index >= 6, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                            index = escapeStart
                            throw error("a lone UTF-16 surrogate in a \\u escape")
                        }
                        index += 2
                        let second = try hex4()
                        guard (0xDC00...0xDFFF).contains(second) else {
                            index = escapeStart
                            throw error("a lone UTF-16 surrogate in a \\u escape")
                        }
                        code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        index = escapeStart
                        throw error("a lone UTF-16 surrogate in a \\u escape")
                    }
                    scalars.append(scalar)
                default:
                    index -= 2
                    throw error("unknown escape in a string")
                }
                runStart = index
            }
        }

        mutating func array(depth: Int) throws(JSONTextError) -> JSONValue {
            guard depth <= JSONText.maximumDepth else { throw error("nested more than \(JSONText.maximumDepth) deep") }
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == 0x5D { index += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth))
                skipSpace()
                guard index < bytes.count else { throw error("unterminated array") }
                if bytes[index] == 0x2C { index += 1; continue }
                if bytes[index] == 0x5D { index += 1; return .array(items) }
                throw error("expected ',' or ']' in an array")
            }
        }

        mutating func object(depth: Int) throws(JSONTextError) -> JSONValue {
            guard depth <= JSONText.maximumDepth else { throw error("nested more than \(JSONText.maximumDepth) deep") }
            index += 1
            var fields: [String: JSONValue] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == 0x7D { index += 1; return .object(fields) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x22 else { throw error("expected a quoted key in an object") }
                let keyStart = index
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x3A else { throw error("expected ':' after a key") }
                index += 1
                skipSpace()
                let item = try value(depth: depth)
                guard fields.updateValue(item, forKey: key) == nil else {
                    index = keyStart
                    throw error("the key \"\(key)\" appears twice in one object")
                }
                skipSpace()
                guard index < bytes.count else { throw error("unterminated object") }
                if bytes[index] == 0x2C { index += 1; continue }
                if bytes[index] == 0x7D { index += 1; return .object(fields) }
                throw error("expected ',' or '}' in an object")
            }
        }
    }

    // MARK: Writing

    /// The value as JSON text with sorted keys: compact, or indented by two
    /// spaces per level (`"key" : value`, as Foundation's pretty printer).
    static func write(_ value: JSONValue, pretty: Bool = false) -> String {
        var out = ""
        write(value, pretty: pretty, indent: "", into: &out)
        return out
    }

    static func write(_ value: JSONValue, pretty: Bool, indent: String, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += number.text
        case .string(let text): quote(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            let inner = indent + "  "
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += "," }
                if pretty { out += "\n" + inner }
                write(item, pretty: pretty, indent: inner, into: &out)
            }
            out += pretty ? "\n" + indent + "]" : "]"
        case .object(let fields):
            guard !fields.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            out += "{"
            for (position, key) in fields.keys.sorted().enumerated() {
                if position > 0 { out += "," }
                if pretty { out += "\n" + inner }
                quote(key, into: &out)
                out += pretty ? " : " : ":"
                write(fields[key]!, pretty: pretty, indent: inner, into: &out)
            }
            out += pretty ? "\n" + indent + "}" : "}"
        }
    }

    /// A JSON string literal; every control character (C0, DEL, C1) is escaped.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
                out += "\\u" + String(format: "%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
