import Foundation
import TandemKit

/// The rules every event obeys before it is written, whether a command
/// made it or an import read it from a file: one place, so an import can
/// hold nothing a command would have refused.
///
/// Known kinds have their payload checked field by field (fields of their
/// own are kept as they are); kinds this Tandem does not know (from a newer
/// one) get the checks every event gets.
public enum EventValidation {
    /// The longest title, name or tag, in characters.
    public static let maximumNameLength = 80
    /// The longest id (practice, module, card, author, device), in characters.
    public static let maximumIDLength = 200
    /// The longest note, appreciation or record field, in characters.
    public static let maximumTextLength = 100_000

    /// Checks a check-in's connection.
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) unless it is 1 to 10.
    public static func connection(_ value: Int) throws {
        guard (1...10).contains(value) else { throw CommandFailure("connection must be 1 to 10, not \(value)") }
    }

    /// Checks one line of text people will see: a title, a name, a tag.
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) when it is empty, longer
    ///   than `maximum` characters, or holds a line break or another control
    ///   character.
    public static func line(_ text: String, _ what: String, maximum: Int = maximumNameLength) throws {
        guard !isBlank(text, newlines: false) else { throw CommandFailure("\(what) is empty") }
        guard text.count <= maximum else {
            throw CommandFailure("\(what) is \(text.count) characters long; the most is \(maximum)")
        }
        if let scalar = text.unicodeScalars.first(where: isControl) {
            throw CommandFailure("\(what) holds the control character \(name(of: scalar)); it must be one line of plain text")
        }
    }

    /// Checks free text: a note, an appreciation. It keeps what was written,
    /// control characters too (a pasted note may carry CR or stray escapes):
    /// every view shows them escaped (``TerminalText``), so they cannot
    /// drive the terminal.
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) when it is empty or too long.
    public static func text(_ text: String, _ what: String) throws {
        guard !isBlank(text, newlines: true) else { throw CommandFailure("\(what) is empty") }
        guard text.count <= maximumTextLength else {
            throw CommandFailure("\(what) is \(text.count) characters long; the most is \(maximumTextLength)")
        }
    }

    /// Whether `text` is only white space (and, with `newlines`, line
    /// breaks): what trimming it would leave empty, without Foundation's
    /// NSString bridge, which costs microseconds on every field of every
    /// entry a partner's years of history bring in.
    static func isBlank(_ text: String, newlines: Bool) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isWhitespace && (newlines || !(0x0A...0x0D).contains(scalar.value) && scalar.value != 0x85
                && scalar.value != 0x2028 && scalar.value != 0x2029)
        }
    }

    /// Checks a cadence.
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) naming what is wrong with it.
    public static func cadence(_ cadence: Cadence) throws {
        if let problem = cadence.problem { throw CommandFailure("invalid cadence '\(cadence)': \(problem)") }
    }

    /// What ``TerminalText`` escapes (C0, DEL, C1, bidirectional controls),
    /// and the Unicode line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        TerminalText.isControl(scalar) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    static func name(of scalar: Unicode.Scalar) -> String { "U+" + String(format: "%04X", scalar.value) }

    /// The earliest and latest instants an event's `createdAt` may hold:
    /// 1970-01-01 to the end of 9999.
    static let createdRange = Date(timeIntervalSince1970: 0)..<Date(timeIntervalSince1970: 253_402_300_800)

    /// Checks a whole event. `today` is the writing journal's today; an
    /// event may be dated at most one day after it (a partner's time zone
    /// can be a day ahead).
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) naming the first field that breaks a rule.
    public static func check(_ event: JournalEvent, today: LocalDay) throws {
        try line(event.author, "the author id", maximum: maximumIDLength)
        try line(event.device, "the device id", maximum: maximumIDLength)
        guard event.date.isSupported else {
            throw CommandFailure("the date \(event.date) is outside the dates Tandem keeps (\(LocalDay.supportedRange))")
        }
        guard event.date <= today.adding(days: 1) else {
            throw CommandFailure("the date \(event.date) is in the future (today is \(today))")
        }
        guard createdRange.contains(event.createdAt) else {
            throw CommandFailure("createdAt \(Timestamp.format(event.createdAt)) is outside the years \(LocalDay.supportedYears.lowerBound) to \(LocalDay.supportedYears.upperBound)")
        }
        let kind = event.kind.rawValue
        guard !kind.isEmpty, kind.count <= 40, kind.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }) else {
            throw CommandFailure("the kind '\(kind.unicodeScalars.map { isControl($0) ? "?" : String($0) }.joined())' is not a word of lowercase letters, digits, '_', '-' or '.'")
        }
        if let subject = event.subject { try line(subject, "the subject", maximum: maximumIDLength) }
        try checkPayload(event)
    }

    static func checkPayload(_ event: JournalEvent) throws {
        let payload = event.payload
        func string(_ key: String, required: Bool) throws -> String? {
            switch payload[key] {
            case .string(let value): return value
            case nil, .null?:
                if required { throw CommandFailure("the payload has no '\(key)'") }
                return nil
            default: throw CommandFailure("the payload's '\(key)' is not text")
            }
        }
        func needsSubject(_ what: String) throws {
            if event.subject == nil { throw CommandFailure("a '\(event.kind)' event needs a subject (\(what))") }
        }
        if let flag = payload["private"], case .bool = flag {} else if let flag = payload["private"] {
            throw CommandFailure("the payload's 'private' is not true or false: \(JSONText.write(flag))")
        }
        switch event.kind {
        case .adopt:
            try needsSubject("the practice id")
            try line(try string("title", required: true)!, "the title")
            let text = try string("cadence", required: true)!
            let parsed: Cadence
            do { parsed = try Cadence(parsing: text) } catch { throw CommandFailure("the cadence '\(text)' is not a cadence: \(error)") }
            try cadence(parsed)
        case .drop:
            try needsSubject("the practice id")
        case .done, .skip:
            try needsSubject("the practice id")
            if let note = try string("note", required: false) { try text(note, "the note") }
        case .undo:
            try needsSubject("the practice id")
            if event.refersTo == nil { throw CommandFailure("an 'undo' event needs refersTo (the mark it takes back)") }
        case .checkIn:
            guard let value = payload["connection"] else { throw CommandFailure("the payload has no 'connection'") }
            guard case .number(let number) = value, let whole = number.intValue else {
                throw CommandFailure("connection must be a whole number from 1 to 10, not \(JSONText.write(value))")
            }
            try connection(whole)
            try text(try string("appreciation", required: true)!, "the appreciation")
            if let note = try string("note", required: false) { try text(note, "the note") }
        case .note:
            try text(try string("text", required: true)!, "the note")
            if let tags = payload["tags"] {
                guard case .array(let items) = tags else { throw CommandFailure("the payload's 'tags' is not a list") }
                for item in items {
                    guard case .string(let tag) = item else { throw CommandFailure("a tag is not text: \(JSONText.write(item))") }
                    try line(tag, "a tag")
                }
            }
        case .profile:
            for key in ["myName", "partnerName"] {
                if let name = try string(key, required: false) { try line(name, "the name") }
            }
            for key in ["myTimeZone", "partnerTimeZone"] {
                if let zone = try string(key, required: false) { _ = try Journal.validZone(zone) }
            }
            if let flag = payload["shareNotes"], case .bool = flag {} else if let flag = payload["shareNotes"] {
                throw CommandFailure("the payload's 'shareNotes' is not true or false: \(JSONText.write(flag))")
            }
        case .record:
            try needsSubject("the module id")
            try line(try string("kind", required: true)!, "the record kind", maximum: maximumIDLength)
            if let fields = payload["fields"] {
                guard case .object(let values) = fields else { throw CommandFailure("the payload's 'fields' is not an object") }
                for (key, value) in values {
                    guard case .string(let field) = value else { throw CommandFailure("the record field '\(key)' is not text") }
                    if field.count > maximumTextLength { throw CommandFailure("the record field '\(key)' is longer than \(maximumTextLength) characters") }
                }
            }
        case .card:
            try needsSubject("the card id")
        case .question:
            try needsSubject("the day")
            for key in ["card", "commitment", "sealed"] { _ = try string(key, required: true) }
        case .reveal:
            if event.refersTo == nil { throw CommandFailure("a 'reveal' event needs refersTo (the answer it opens)") }
            for key in ["key", "nonce"] { _ = try string(key, required: true) }
        case .answer:
            try text(try string("text", required: true)!, "the answer")
        case .tip:
            try needsSubject("the tip id")
        case .favourite:
            try needsSubject("the card id")
            try line(try string("prompt", required: true)!, "the card's text", maximum: maximumTextLength)
        default:
            break
        }
    }
}
