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
    /// The authors of the events added.
    public var authors: Set<String> = []
    /// Events already in the journal (same id, same content) or repeated
    /// identically in the file, left as they were.
    public var alreadyPresent: Int { total - added }
}

extension Journal {
    static let csvHeader = ["id", "author", "device", "created_at", "date", "kind", "subject", "refers_to", "payload"]
    static let eventFields: Set<String> = ["id", "author", "device", "createdAt", "date", "kind", "subject", "refersTo", "payload"]

    /// Every event, in the order written.
    public func allEvents() throws -> [JournalEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.eventColumns) FROM event ORDER BY seq").compactMap(Self.event(from:))
        }
    }

    /// The whole journal as a file: every event, every payload field and
    /// number exactly as stored.
    public func export(format: ExportFormat) throws -> Data {
        Self.exportData(try allEvents(), format: format, exportedAt: clock(), exportedBy: author)
    }

    static func exportData(_ events: [JournalEvent], format: ExportFormat, exportedAt: Date?, exportedBy: String? = nil) -> Data {
        switch format {
        case .json:
            var file: [String: JSONValue] = [
                "format": .string("tandem-journal"), "version": .integer(1),
                "events": .array(events.map(exportedObject)),
            ]
            if let exportedAt { file["exportedAt"] = .string(Timestamp.format(exportedAt)) }
            // Whose journal it is: `import --restore` continues as them.
            if let exportedBy { file["exportedBy"] = .string(exportedBy) }
            return Data((JSONText.write(.object(file), pretty: true) + "\n").utf8)
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

    static func exportedObject(_ event: JournalEvent) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(event.id.uuidString.lowercased()), "author": .string(event.author), "device": .string(event.device),
            "createdAt": .string(Timestamp.format(event.createdAt)), "date": .string(event.date.description),
            "kind": .string(event.kind.rawValue), "payload": .object(event.payload),
        ]
        if let subject = event.subject { fields["subject"] = .string(subject) }
        if let refersTo = event.refersTo { fields["refersTo"] = .string(refersTo.uuidString.lowercased()) }
        return .object(fields)
    }

    /// Reads an export (JSON or CSV, recognised by its content), checks
    /// every event with ``EventValidation`` as the command that writes it
    /// would, and adds the events the journal does not have yet, all in one
    /// transaction. Importing the same file again adds nothing.
    ///
    /// - Throws: ``CommandFailure`` naming the first problem, and nothing is
    ///   written: exit code 2 when the file is not a valid export; exit code
    ///   1 (``ExitStatus/refused``) when an event id repeats with other
    ///   content, in the file or against the journal (a conflict).
    @discardableResult
    public func importEvents(from data: Data) throws -> ImportSummary {
        let (events, total) = try Self.parseExport(data, today: today)
        return try write { db in
            // Every conflict is found before the first insert, so a refused
            // import writes nothing at all, not even pages it rolls back.
            var fresh: [JournalEvent] = []
            for event in events {
                if let existing = try Self.event(id: event.id, db) {
                    if existing != event { throw Self.conflict(event, existing, "an event in the journal") }
                } else {
                    fresh.append(event)
                }
            }
            let added = try Self.insertAll(fresh, db)
            return ImportSummary(total: total, added: added.count, authors: Set(fresh.map(\.author)))
        }
    }

    /// Inserts events that are not in the journal yet and brings the
    /// projections (habit tracks, check-in points) up to date, inside the
    /// caller's transaction; returns those that were added.
    static func insertAll(_ events: [JournalEvent], _ db: Database) throws -> [JournalEvent] {
        var added: [JournalEvent] = []
        for event in events where try Self.insert(event, into: db) { added.append(event) }
        try rebuildProjections(after: added, db)
        return added
    }

    /// Rebuilds the habit tracks that newly inserted events change.
    static func rebuildProjections(after added: [JournalEvent], _ db: Database) throws {
        var tracks = Set<TrackKey>()
        for event in added {
            if [.done, .skip, .undo].contains(event.kind), let subject = event.subject {
                tracks.insert(TrackKey(author: event.author, practice: subject))
            }
            // An event taking back a mark may not name the practice: rebuild the target's.
            if let target = event.refersTo,
               let row = try Row.fetchOne(
                   db, sql: "SELECT author, subject FROM event WHERE id = ? AND kind IN ('done', 'skip')",
                   arguments: [target.uuidString.lowercased()]) {
                tracks.insert(TrackKey(author: row["author"], practice: row["subject"]))
            }
        }
        for key in tracks.sorted(by: { ($0.author, $0.practice) < ($1.author, $1.practice) }) {
            try Self.rebuildTrack(key.practice, author: key.author, db)
        }
    }

    struct TrackKey: Hashable {
        var author: String
        var practice: String
    }

    /// The journal's event with this id, if any.
    static func event(id: UUID, _ db: Database) throws -> JournalEvent? {
        try Row.fetchOne(db, sql: "SELECT \(eventColumns) FROM event WHERE id = ?", arguments: [id.uuidString.lowercased()])
            .flatMap(event(from:))
    }

    /// Two events with one id and different content: exit code 1, and nothing is imported.
    static func conflict(_ new: JournalEvent, _ old: JournalEvent, _ place: String, label: String? = nil) -> CommandFailure {
        let id = new.id.uuidString.lowercased()
        return CommandFailure(
            "conflict: \(label.map { "\($0) of the file" } ?? "an event of the file") (\(new.kind), \(new.date)) has the id \(id) of "
                + "\(place) (\(old.kind), \(old.date)) with different content; nothing was imported",
            exitCode: ExitStatus.refused)
    }

    /// Parses and validates an export file without touching the journal:
    /// its events, each id once (identical repeats dropped), and how many
    /// the file holds.
    ///
    /// - Throws: ``CommandFailure``: exit code 2 for a file that is not a
    ///   valid export, 1 for an id repeated with different content.
    static func parseExport(_ data: Data, today: LocalDay) throws -> (events: [JournalEvent], total: Int) {
        let bytes = [UInt8](data)
        if let offset = JSONText.invalidUTF8Offset(bytes) {
            throw CommandFailure("the file is not UTF-8 text: invalid byte 0x\(String(format: "%02X", bytes[offset])) at byte offset \(offset)")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let start = body.firstIndex { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        let parsed: [(event: JournalEvent, label: String)]
        if let start, body[start] == 0x7B {
            parsed = try parseJSONExport(Array(body), today: today)
        } else {
            parsed = try parseCSVExport(String(decoding: body, as: UTF8.self), today: today)
        }
        var seen: [UUID: (event: JournalEvent, label: String)] = [:]
        var events: [JournalEvent] = []
        for (event, label) in parsed {
            if let earlier = seen[event.id] {
                guard earlier.event == event else { throw conflict(event, earlier.event, earlier.label, label: label) }
                continue
            }
            seen[event.id] = (event, label)
            events.append(event)
        }
        return (events, parsed.count)
    }

    static func parseJSONExport(_ bytes: [UInt8], today: LocalDay) throws -> [(event: JournalEvent, label: String)] {
        let root: JSONValue
        do {
            root = try JSONText.parse(bytes)
        } catch {
            throw CommandFailure("the file is not a Tandem export: it is not valid JSON (\(error))")
        }
        guard case .object(let file) = root else { throw CommandFailure("the file is not a Tandem export: it is not a JSON object") }
        guard case .string(let format)? = file["format"], format == "tandem-journal" else {
            throw CommandFailure("the file is not a Tandem export (its format is \(file["format"].map { JSONText.write($0) } ?? "missing"), not \"tandem-journal\")")
        }
        guard case .number(let number)? = file["version"], let version = number.intValue, version >= 1 else {
            throw CommandFailure("the export's version is \(file["version"].map { JSONText.write($0) } ?? "missing"); it must be a positive whole number")
        }
        guard version <= 1 else {
            throw CommandFailure("the export is version \(version); this Tandem reads version 1. Update Tandem to import it.")
        }
        guard case .array(let items)? = file["events"] else { throw CommandFailure("the export has no list of 'events'") }
        return try items.enumerated().map { index, item in
            let label = "event \(index + 1)"
            return (try exportedEvent(item, label: label, today: today), label)
        }
    }

    /// One event object of an export (or a line of the shared folder), checked.
    static func exportedEvent(_ item: JSONValue, label: String, today: LocalDay) throws -> JournalEvent {
        guard case .object(let fields) = item else { throw CommandFailure("\(label) is not a JSON object") }
        if let unknown = Set(fields.keys).subtracting(eventFields).sorted().first {
            throw CommandFailure("\(label): unknown field '\(unknown)' (a version 1 event has \(eventFields.sorted().joined(separator: ", ")))")
        }
        func text(_ key: String, optional: Bool = false) throws -> String? {
            switch fields[key] {
            case .string(let value)?: return value
            case nil, .null?:
                if optional { return nil }
                throw CommandFailure("\(label): '\(key)' is missing")
            default: throw CommandFailure("\(label): '\(key)' is not text")
            }
        }
        guard case .object(let payload)? = fields["payload"] else {
            throw CommandFailure("\(label): 'payload' is missing or not a JSON object")
        }
        let exported = ExportedEvent(
            id: try text("id")!, author: try text("author")!, device: try text("device")!, createdAt: try text("createdAt")!,
            date: try text("date")!, kind: try text("kind")!, subject: try text("subject", optional: true),
            refersTo: try text("refersTo", optional: true), payload: payload)
        return try exported.event(label: label, today: today)
    }

    static func parseCSVExport(_ text: String, today: LocalDay) throws -> [(event: JournalEvent, label: String)] {
        let rows = CSV.parse(text)
        guard let header = rows.first, header == csvHeader else {
            throw CommandFailure("the file is neither a Tandem JSON export nor a CSV export with the header \(csvHeader.joined(separator: ","))")
        }
        return try rows.dropFirst().enumerated().compactMap { index, fields in
            let label = "row \(index + 2)"
            if fields == [""] { return nil }
            guard fields.count == csvHeader.count else {
                throw CommandFailure("\(label) has \(fields.count) fields, not \(csvHeader.count)")
            }
            let payload: JSONValue
            do {
                payload = try JSONText.parse(fields[8])
            } catch {
                throw CommandFailure("\(label): the payload is not valid JSON (\(error))")
            }
            guard case .object(let payloadObject) = payload else { throw CommandFailure("\(label): the payload is not a JSON object") }
            let exported = ExportedEvent(
                id: fields[0], author: fields[1], device: fields[2], createdAt: fields[3], date: fields[4], kind: fields[5],
                subject: fields[6].isEmpty ? nil : fields[6], refersTo: fields[7].isEmpty ? nil : fields[7], payload: payloadObject)
            return (try exported.event(label: label, today: today), label)
        }
    }
}

/// One event as an export file holds it, before it is checked.
struct ExportedEvent {
    var id: String
    var author: String
    var device: String
    var createdAt: String
    var date: String
    var kind: String
    var subject: String?
    var refersTo: String?
    var payload: [String: JSONValue]

    /// The event, checked with ``EventValidation``.
    func event(label: String, today: LocalDay) throws -> JournalEvent {
        func shown(_ text: String) -> String {
            String(text.prefix(60).unicodeScalars.map { EventValidation.isControl($0) ? "?" : Character($0) })
        }
        guard let uuid = UUID(uuidString: id) else { throw CommandFailure("\(label): id '\(shown(id))' is not a UUID") }
        guard let day = LocalDay(parsing: date) else {
            throw CommandFailure("\(label): date '\(shown(date))' is not a date from \(LocalDay.supportedRange) as YYYY-MM-DD")
        }
        guard let created = Timestamp.parse(createdAt) else {
            throw CommandFailure("\(label): createdAt '\(shown(createdAt))' is not an ISO 8601 time")
        }
        var reference: UUID?
        if let refersTo {
            guard let parsed = UUID(uuidString: refersTo) else { throw CommandFailure("\(label): refersTo '\(shown(refersTo))' is not a UUID") }
            reference = parsed
        }
        let event = JournalEvent(
            id: uuid, author: author, device: device, createdAt: created, date: day, kind: EventKind(rawValue: kind),
            subject: subject, payload: payload, refersTo: reference)
        do {
            try EventValidation.check(event, today: today)
        } catch let failure as CommandFailure {
            throw CommandFailure("\(label) (\(uuid.uuidString.lowercased())): \(failure.message)")
        }
        return event
    }
}

/// RFC 4180 CSV: fields quoted when they hold a comma, quote or line break.
enum CSV {
    static func quote(_ field: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
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
