import Foundation
import GRDB
import TandemKit

extension JournalStats {
    /// The figures of a journal with nothing in it.
    public static func empty(asOf: LocalDay) -> JournalStats {
        JournalStats(
            asOf: asOf, habits: [],
            checkIns: CheckInStats(count: 0, average: nil, last30Average: nil, previous30Average: nil, trend: "unknown", recent: []))
    }
}

/// Export files outside an open journal.
public enum JournalExport {
    /// The export of an empty journal.
    public static func empty(format: ExportFormat) throws -> Data {
        Journal.exportData([], format: format, exportedAt: nil)
    }

    /// Checks an export file without any journal: the events it holds.
    /// `today` bounds the dates (an event may be dated at most a day after it).
    ///
    /// - Throws: ``CommandFailure`` naming the first problem: exit code 2
    ///   for an invalid file, 1 for an id repeated with different content.
    public static func validate(_ data: Data, today: LocalDay) throws -> Int {
        try Journal.parseExport(data, today: today).total
    }

    /// Whose export a file is: the `exportedBy` it names, or the one author
    /// of all its entries; `nil` when it cannot tell.
    ///
    /// - Throws: ``CommandFailure`` as ``validate(_:today:)`` does.
    public static func owner(of data: Data, today: LocalDay) throws -> String? {
        let events = try Journal.parseExport(data, today: today).events
        if case .object(let file)? = try? JSONText.parse([UInt8](data)), let owner = file["exportedBy"]?.stringValue { return owner }
        let authors = Set(events.map(\.author))
        return authors.count == 1 ? authors.first : nil
    }

    /// The events of an export file written again in `format`, as a
    /// journal holding exactly them would export them (for the fuzzer and
    /// tests: whatever import accepts, export must write readably).
    ///
    /// - Throws: ``CommandFailure`` as ``validate(_:today:)`` does.
    public static func reexport(_ data: Data, format: ExportFormat, today: LocalDay) throws -> Data {
        Journal.exportData(try Journal.parseExport(data, today: today).events, format: format, exportedAt: nil)
    }
}

extension Journal {
    /// The canonical IANA identifier for a time zone name.
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) suggesting close names.
    public static func validTimeZone(_ text: String) throws -> String { try validZone(text) }

    /// The profile of the journal at `url`, read without creating or
    /// migrating anything; `nil` when there is no journal there (or it is not
    /// a Tandem journal).
    public static func readProfile(at url: URL) -> Profile? {
        guard (try? inspect(url)) == .tandem else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        return try? connect(url, configuration) { reader in
            defer { try? reader.close() }
            return try reader.read { db in
                let me = try String.fetchOne(db, sql: "SELECT value FROM tandem_meta WHERE key = 'author_id'") ?? ""
                return try profile(db, me: me)
            }
        }
    }

    /// Fills the journal with a synthetic history ending today, for
    /// benchmarks: `habits` custom habits of mixed cadences over `years`
    /// years (done about 85% of days, skipped 5%, a quarter of the days with
    /// an undo and a redo), and a daily check-in and note. One transaction.
    ///
    /// - Returns: the number of events written.
    public func generateSynthetic(years: Int, habits: Int, seed: UInt64) throws -> Int {
        var random = SeededRandom(seed: seed)
        let end = today
        let start = end.adding(days: -365 * years + 1)
        let cadences: [Cadence] = [.daily, .timesPer(times: 3, days: 7), .weekdays([.monday, .wednesday, .friday]), .weekly]
        return try write { db in
            var written = 0
            func add(_ event: JournalEvent) throws { if try Self.insert(event, into: db) { written += 1 } }
            var ids: [String] = []
            for index in 1...max(1, habits) {
                let id = String(format: "custom.habit_%02d", index)
                ids.append(id)
                try add(makeEvent(.adopt, date: start, subject: id, payload: [
                    "title": .string("Synthetic habit \(index)"),
                    "cadence": .string(cadences[(index - 1) % cadences.count].description),
                ]))
            }
            for offset in 0..<start.days(to: end) + 1 {
                let day = start.adding(days: offset)
                for id in ids {
                    let roll = Double(random.next() % 1000) / 1000
                    if roll < 0.85 {
                        var event = makeEvent(.done, date: day, subject: id)
                        try add(event)
                        if random.next() % 4 == 0 {
                            let undo = makeEvent(.undo, date: day, subject: id, refersTo: event.id)
                            try add(undo)
                            event = makeEvent(.done, date: day, subject: id, refersTo: nil)
                            try add(event)
                        }
                    } else if roll < 0.90 {
                        try add(makeEvent(.skip, date: day, subject: id))
                    }
                }
                try add(makeEvent(.checkIn, date: day, payload: [
                    "connection": .integer(Int(1 + random.next() % 10)), "appreciation": .string("synthetic appreciation"),
                ]))
                try add(makeEvent(.note, date: day, payload: ["text": .string("synthetic note \(offset)"), "tags": .array([.string("synthetic")])]))
            }
            for id in ids { try Self.rebuildTrack(id, author: author, db) }
            return written
        }
    }
}
