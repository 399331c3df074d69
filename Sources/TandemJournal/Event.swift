import TandemKit
import Foundation

/// What an event records. Kinds are open-ended text so that a journal
/// exported by a newer Tandem imports without loss.
public struct EventKind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kind as stored: `done`, `checkin`, …
    public var rawValue: String
    /// Creates a kind from its stored text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The stored text.
    public var description: String { rawValue }

    /// A habit adopted (or its cadence changed). Subject: the practice id.
    public static let adopt = EventKind(rawValue: "adopt")
    /// A habit no longer tracked; its history is kept. Subject: the practice id.
    public static let drop = EventKind(rawValue: "drop")
    /// A habit done on the event's date. Subject: the practice id.
    public static let done = EventKind(rawValue: "done")
    /// A habit skipped on purpose on the event's date. Subject: the practice id.
    public static let skip = EventKind(rawValue: "skip")
    /// Takes back the mark named by `refersTo`. Subject: the practice id.
    public static let undo = EventKind(rawValue: "undo")
    /// A check-in: connection 1-10, an appreciation, an optional note.
    public static let checkIn = EventKind(rawValue: "checkin")
    /// A free note with tags.
    public static let note = EventKind(rawValue: "note")
    /// Profile fields set (names, time zones).
    public static let profile = EventKind(rawValue: "profile")
    /// A coaching module's own record. Subject: the module id.
    public static let record = EventKind(rawValue: "record")
    /// A conversation card shown. Subject: the card id.
    public static let card = EventKind(rawValue: "card")
    /// My sealed answer to the day's question (shared): a commitment and the
    /// answer encrypted with a key of its own. Subject: `question:DATE`.
    public static let question = EventKind(rawValue: "question")
    /// The key and nonce that open a ``question`` answer, written once the
    /// partner has committed to theirs (shared). Refers to the answer.
    public static let reveal = EventKind(rawValue: "reveal")
    /// My answer's text and key, kept on this device only. Refers to the ``question`` event.
    public static let answer = EventKind(rawValue: "answer")

    /// Decodes the value from its JSON form.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the value in its JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A JSON value, for event payloads. Numbers keep the text they were
/// written with (see ``JSONNumber``), so payloads round-trip exactly.
public enum JSONValue: Sendable, Hashable, Codable {
    /// Text.
    case string(String)
    /// A number, as written.
    case number(JSONNumber)
    /// `true` or `false`.
    case bool(Bool)
    /// A list.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])
    /// `null`.
    case null

    /// A whole number.
    public static func integer(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    /// The text, when this is a string.
    public var stringValue: String? { if case .string(let text) = self { text } else { nil } }
    /// The number, when this is a number.
    public var numberValue: Double? { if case .number(let number) = self { number.doubleValue } else { nil } }
    /// The number as an `Int`, when this is a whole number that fits one.
    public var intValue: Int? { if case .number(let number) = self { number.intValue } else { nil } }
    /// The strings of a list (skipping anything that is not a string).
    public var stringArray: [String]? {
        if case .array(let items) = self { items.compactMap(\.stringValue) } else { nil }
    }

    /// Decodes the value from its JSON form (through `Decoder`, numbers
    /// become their `Double` or whole-number text; ``JSONText`` keeps them exactly).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .number(JSONNumber(unchecked: String(value))) }
        else if let value = try? container.decode(Double.self), value.isFinite { self = .number(JSONNumber(unchecked: "\(value)")) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// Encodes the value in its JSON form (through `Encoder`, a number is
    /// written as a whole number or a decimal of the same value).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value):
            if let whole = Int64(value.text) { try container.encode(whole) }
            else if let decimal = Decimal(string: value.text, locale: Locale(identifier: "en_US_POSIX")), !decimal.isNaN { try container.encode(decimal) }
            else { try container.encode(value.text) }
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

/// One entry of the journal. Entries are never changed or deleted: an undo
/// or a correction is a new event whose ``refersTo`` names the one it takes
/// back. This makes export and import a union by ``id``.
public struct JournalEvent: Sendable, Hashable, Codable, Identifiable {
    /// A unique id, kept across export and import.
    public var id: UUID
    /// Who wrote it: the partner id of the journal that created it.
    public var author: String
    /// The device that wrote it.
    public var device: String
    /// When it was written.
    public var createdAt: Date
    /// The local date it is about.
    public var date: LocalDay
    /// What it records.
    public var kind: EventKind
    /// The practice id, module id or card id it belongs to, if any.
    public var subject: String?
    /// Its data: a JSON object.
    public var payload: [String: JSONValue]
    /// The event it takes back or corrects, if any.
    public var refersTo: UUID?

    /// Creates an event.
    public init(
        id: UUID = UUID(), author: String, device: String, createdAt: Date, date: LocalDay, kind: EventKind,
        subject: String? = nil, payload: [String: JSONValue] = [:], refersTo: UUID? = nil
    ) {
        self.id = id
        self.author = author
        self.device = device
        self.createdAt = createdAt
        self.date = date
        self.kind = kind
        self.subject = subject
        self.payload = payload
        self.refersTo = refersTo
    }

    /// A payload string field.
    public func text(_ key: String) -> String? { payload[key]?.stringValue }

    /// The words a search looks through: the subject and every text in the payload.
    var searchableText: String {
        var parts: [String] = [subject ?? ""]
        func collect(_ value: JSONValue) {
            switch value {
            case .string(let text): parts.append(text)
            case .array(let items): items.forEach(collect)
            case .object(let fields): fields.values.forEach(collect)
            default: break
            }
        }
        payload.values.forEach(collect)
        return parts.joined(separator: "\n")
    }

    /// Tags of a note (lowercase).
    public var tags: [String] { payload["tags"]?.stringArray ?? [] }
}

/// Timestamps as the journal stores and exports them: ISO 8601 in UTC with
/// milliseconds, such as `2026-11-20T21:30:00.000Z`.
///
/// Milliseconds are rounded, never truncated: a parsed `.123` is a double a
/// hair below 0.123, and truncating it would print `.122`, so an export and
/// re-import would drift by a millisecond. With rounding, `format(parse(t))`
/// gives back `t`.
enum Timestamp {
    static func format(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(Date.ISO8601FormatStyle())
        return whole.dropLast() + String(format: ".%03dZ", Int(millis - seconds * 1000))
    }

    static func parse(_ text: String) -> Date? {
        if let date = parseCanonical(text) { return date }
        guard let date = (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
        else { return nil }
        return Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}

extension Timestamp {
    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`, the form ``format(_:)`` writes, read with
    /// integer arithmetic: Foundation's ISO 8601 parser costs tens of
    /// microseconds a call, which dominated reading a partner's years of
    /// entries. Anything else returns `nil` (and goes to that parser).
    static func parseCanonical(_ text: String) -> Date? {
        let utf8 = text.utf8
        guard utf8.count == 24 else { return nil }
        return utf8.withContiguousStorageIfAvailable { bytes -> Date? in
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for index in from..<from + count {
                    let digit = Int(bytes[index]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
                  bytes[19] == 0x2E, bytes[23] == 0x5A,
                  let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2), let millis = number(20, 3),
                  hour < 24, minute < 60, second < 60,
                  let date = LocalDay(year: year, month: month, day: day)
            else { return nil }
            let seconds = date.ordinal * 86_400 + hour * 3_600 + minute * 60 + second
            return Date(timeIntervalSince1970: (Double(seconds * 1000 + millis)) / 1000)
        } ?? nil
    }
}

/// Encoding and decoding payloads as stored text.
enum PayloadCoding {
    static func encode(_ payload: [String: JSONValue]) -> String { JSONText.write(.object(payload)) }

    static func decode(_ text: String) -> [String: JSONValue]? {
        if case .object(let fields) = try? JSONText.parse(text) { fields } else { nil }
    }
}
