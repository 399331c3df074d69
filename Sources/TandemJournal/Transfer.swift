import Foundation
import GRDB
import TandemKit

/// The file formats `tandem export` writes and `tandem import` reads.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One JSON object: `{"format": "tandem-journal", "version": 1, "events": […]}`.
    case json
    /// One row per event; the payload column holds the payload's JSON.
    case csv
}

/// What an import did.
public struct ImportSummary: Sendable, Hashable {
    /// Events in the file.
    public var total: Int
    /// Events that were new and were added.
    public var added: Int
    /// Events already in the journal (same id), left as they were.
    public var alreadyPresent: Int { total - added }
}

extension Journal {
    static let csvHeader = ["id", "author", "device", "created_at", "date", "kind", "subject", "refers_to", "payload"]

    /// Every event, in the order written.
    public func allEvents() throws -> [JournalEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.eventColumns) FROM event ORDER BY seq").compactMap(Self.event(from:))
        }
    }

    /// The whole journal as a file: every event, losslessly.
    public func export(format: ExportFormat) throws -> Data {
        let events = try allEvents()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let file = ExportFile(
                format: "tandem-journal", version: 1, exportedAt: Timestamp.format(clock()),
                events: events.map(ExportedEvent.init))
            // DEL and C1 escaped too, so the file is safe to show on a terminal.
            return Data((TerminalText.escapingJSON(String(decoding: try encoder.encode(file), as: UTF8.self)) + "\n").utf8)
        case .csv:
            var text = Self.csvHeader.joined(separator: ",") + "\r\n"
            for event in events {
                let fields = [
                    event.id.uuidString.lowercased(), event.author, event.device, Timestamp.format(event.createdAt),
                    event.date.description, event.kind.rawValue, event.subject ?? "",
                    event.refersTo?.uuidString.lowercased() ?? "", PayloadCoding.encode(event.payload),
                ]
                text += fields.map(CSV.quote).joined(separator: ",") + "\r\n"
            }
            return Data(text.utf8)
        }
    }

    /// Reads an export (JSON or CSV, recognised by its content) and adds the
    /// events the journal does not have yet, in one transaction. Importing
    /// the same file again adds nothing.
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) naming the first problem
    ///   when the file is not a valid export; nothing is written then.
    @discardableResult
    public func importEvents(from data: Data) throws -> ImportSummary {
        let events = try Self.parseExport(data)
        return try write { db in
            var added = 0
            var subjects = Set<String>()
            for event in events where try Self.insert(event, into: db) {
                added += 1
                if [.done, .skip, .undo].contains(event.kind), let subject = event.subject { subjects.insert(subject) }
                // An event taking back a mark may not name the practice: rebuild the target's.
                if let target = event.refersTo,
                   let subject = try String.fetchOne(db, sql: "SELECT subject FROM event WHERE id = ? AND kind IN ('done', 'skip')", arguments: [target.uuidString.lowercased()]) {
                    subjects.insert(subject)
                }
            }
            for subject in subjects.sorted() { try Self.rebuildTrack(subject, db) }
            return ImportSummary(total: events.count, added: added)
        }
    }

    /// Parses and validates an export file without touching the journal.
    static func parseExport(_ data: Data) throws -> [JournalEvent] {
        let text = String(decoding: data, as: UTF8.self)
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.first == "{" {
            let file: ExportFile
            do {
                file = try JSONDecoder().decode(ExportFile.self, from: Data(trimmed.utf8))
            } catch {
                throw CommandFailure("the file is not a Tandem export: \(describe(error))")
            }
            guard file.format == "tandem-journal" else {
                throw CommandFailure("the file is not a Tandem export (its format is '\(file.format)')")
            }
            guard file.version <= 1 else {
                throw CommandFailure("the export is version \(file.version); this Tandem reads version 1. Update Tandem to import it.")
            }
            return try file.events.enumerated().map { index, exported in
                try exported.event(number: index + 1)
            }
        }
        let rows = CSV.parse(String(trimmed))
        guard let header = rows.first, header == csvHeader else {
            throw CommandFailure("the file is neither a Tandem JSON export nor a CSV export with the header \(csvHeader.joined(separator: ","))")
        }
        return try rows.dropFirst().enumerated().compactMap { index, fields in
            if fields == [""] { return nil }
            guard fields.count == csvHeader.count else {
                throw CommandFailure("row \(index + 2) has \(fields.count) fields, not \(csvHeader.count)")
            }
            guard let payloadObject = PayloadCoding.decode(fields[8]) else {
                throw CommandFailure("row \(index + 2): the payload is not a JSON object")
            }
            let exported = ExportedEvent(
                id: fields[0], author: fields[1], device: fields[2], createdAt: fields[3], date: fields[4], kind: fields[5],
                subject: fields[6].isEmpty ? nil : fields[6], refersTo: fields[7].isEmpty ? nil : fields[7], payload: payloadObject)
            return try exported.event(number: index + 1)
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "'\(key.stringValue)' is missing" + path(context.codingPath)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            return context.debugDescription + path(context.codingPath)
        default:
            return "\(error)"
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "" : " at " + keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

struct ExportFile: Codable {
    var format: String
    var version: Int
    var exportedAt: String?
    var events: [ExportedEvent]
}

struct ExportedEvent: Codable {
    var id: String
    var author: String
    var device: String
    var createdAt: String
    var date: String
    var kind: String
    var subject: String?
    var refersTo: String?
    var payload: [String: JSONValue]

    init(id: String, author: String, device: String, createdAt: String, date: String, kind: String, subject: String?, refersTo: String?, payload: [String: JSONValue]) {
        self.id = id
        self.author = author
        self.device = device
        self.createdAt = createdAt
        self.date = date
        self.kind = kind
        self.subject = subject
        self.refersTo = refersTo
        self.payload = payload
    }

    init(_ event: JournalEvent) {
        self.init(
            id: event.id.uuidString.lowercased(), author: event.author, device: event.device,
            createdAt: Timestamp.format(event.createdAt), date: event.date.description, kind: event.kind.rawValue,
            subject: event.subject, refersTo: event.refersTo?.uuidString.lowercased(), payload: event.payload)
    }

    func event(number: Int) throws -> JournalEvent {
        let label = "event \(number)"
        guard let uuid = UUID(uuidString: id) else { throw CommandFailure("\(label): id '\(id)' is not a UUID") }
        guard let day = LocalDay(parsing: date) else { throw CommandFailure("\(label): date '\(date)' is not YYYY-MM-DD") }
        guard let created = Timestamp.parse(createdAt) else { throw CommandFailure("\(label): createdAt '\(createdAt)' is not an ISO 8601 time") }
        guard !kind.isEmpty, !author.isEmpty, !device.isEmpty else { throw CommandFailure("\(label): kind, author and device must not be empty") }
        var reference: UUID?
        if let refersTo {
            guard let parsed = UUID(uuidString: refersTo) else { throw CommandFailure("\(label): refersTo '\(refersTo)' is not a UUID") }
            reference = parsed
        }
        return JournalEvent(
            id: uuid, author: author, device: device, createdAt: created, date: day, kind: EventKind(rawValue: kind),
            subject: subject, payload: payload, refersTo: reference)
    }
}

/// RFC 4180 CSV: fields quoted when they hold a comma, quote or line break.
enum CSV {
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return iterator.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else {
                switch scalar {
                case "\"": quoted = true
                case ",": row.append(field); field = ""
                case "\r": break
                case "\n": row.append(field); rows.append(row); row = []; field = ""
                default: field.unicodeScalars.append(scalar)
                }
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
