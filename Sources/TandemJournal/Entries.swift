import Foundation
import Synchronization
import GRDB
import TandemKit

/// Which events ``Journal/events(matching:)`` returns.
public struct EventFilter: Sendable, Hashable {
    /// The earliest local date, inclusive.
    public var since: LocalDay?
    /// The latest local date, inclusive.
    public var until: LocalDay?
    /// Text that must appear (case-insensitively) in the subject or payload.
    public var search: String?
    /// A tag notes must carry (other events never match a tag).
    public var tag: String?
    /// Only these kinds (all when `nil`).
    public var kinds: Set<EventKind>?

    /// Creates a filter; the defaults match everything.
    public init(since: LocalDay? = nil, until: LocalDay? = nil, search: String? = nil, tag: String? = nil, kinds: Set<EventKind>? = nil) {
        self.since = since
        self.until = until
        self.search = search
        self.tag = tag
        self.kinds = kinds
    }
}

/// A habit as it stands on a day, for `tandem today`.
public struct DueItem: Sendable, Hashable, Codable {
    /// The habit.
    public var habit: Habit
    /// The day's mark so far.
    public var mark: DayMark
    /// Whether the habit still asks for something today.
    public var isDue: Bool
    /// Days done in the current N/D window (the last D days, today included).
    public var doneInWindow: Int
    /// The current streak, in days.
    public var currentStreak: Int
    /// Due, not yet marked, and a streak of at least one day would end if today passes.
    public var atRisk: Bool
}

extension Journal {
    // MARK: Notes and check-ins

    /// Writes a note with tags (kept lowercase, without `#`).
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) for an empty note, a future
    ///   date, or a tag that is not one line of at most 80 characters without
    ///   control characters (``checkedLine(_:what:)``).
    @discardableResult
    public func addNote(_ text: String, tags: [String] = [], date: LocalDay? = nil) throws -> JournalEvent {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CommandFailure("the note is empty") }
        let day = try checkedDay(date)
        var seen = Set<String>()
        let cleanTags = try tags.map { try Self.checkedLine($0, what: "the tag") }
            .map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#")) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        let event = makeEvent(.note, date: day, payload: ["text": .string(trimmed), "tags": .array(cleanTags.map(JSONValue.string))])
        try write { db in try add(event, db) }
        return event
    }

    /// Writes a check-in.
    ///
    /// - Parameters:
    ///   - connection: how connected you feel, 1 to 10.
    ///   - appreciation: one thing you appreciate about your partner.
    ///   - note: anything else (optional).
    ///   - date: the day (today when `nil`).
    /// - Throws: ``CommandFailure`` (exit code 2) for a connection outside 1-10,
    ///   an empty appreciation, or a future date.
    @discardableResult
    public func addCheckIn(connection: Int, appreciation: String, note: String? = nil, date: LocalDay? = nil) throws -> JournalEvent {
        try EventValidation.connection(connection)
        let appreciation = appreciation.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !appreciation.isEmpty else { throw CommandFailure("name one thing you appreciate (the appreciation is empty)") }
        let day = try checkedDay(date)
        var payload: [String: JSONValue] = ["connection": .integer(connection), "appreciation": .string(appreciation)]
        if let note = note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty { payload["note"] = .string(note) }
        let event = makeEvent(.checkIn, date: day, payload: payload)
        try write { db in try add(event, db) }
        return event
    }

    // MARK: Listing

    /// The events that match a filter, oldest date first (then in the order written).
    public func events(matching filter: EventFilter = EventFilter()) throws -> [JournalEvent] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let since = filter.since { clauses.append("date >= ?"); arguments += [since.description] }
        if let until = filter.until { clauses.append("date <= ?"); arguments += [until.description] }
        if let kinds = filter.kinds {
            clauses.append("kind IN (\(kinds.map { _ in "?" }.joined(separator: ", ")))")
            for kind in kinds.sorted(by: { $0.rawValue < $1.rawValue }) { arguments += [kind.rawValue] }
        }
        if filter.tag != nil { clauses.append("kind = 'note'") }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let needle = filter.search?.lowercased()
        let tag = filter.tag.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#")) }
        return try read { db in
            var result: [JournalEvent] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(Self.eventColumns) FROM event \(whereClause) ORDER BY date, seq", arguments: arguments)
            while let row = try rows.next() {
                guard let event = Self.event(from: row) else { continue }
                if let tag, !event.tags.contains(tag) { continue }
                if let needle, !needle.isEmpty, !event.searchableText.lowercased().contains(needle) { continue }
                result.append(event)
            }
            return result
        }
    }

    // MARK: Today

    /// Every tracked habit as it stands on a day: whether it is due, its mark,
    /// its streak, and whether that streak is at risk.
    public func dueToday(asOf day: LocalDay? = nil) throws -> [DueItem] {
        let day = day ?? today
        return try read { db in
            try Self.habits(db).filter(\.isActive).map { habit in
                let history = try Self.history(habit, db)
                let mark = history.mark(on: day)
                let n = habit.cadence.timesPerPeriod, d = habit.cadence.periodDays
                var window = 0
                for offset in 0..<d where history.mark(on: day.adding(days: -offset)) != .none { window += 1 }
                let isDue: Bool
                switch habit.cadence {
                case .weekdays: isDue = history.isScheduled(on: day) && mark == .none
                default: isDue = mark == .none && window < n
                }
                let streak = HabitScoring.streaks(history, asOf: day).current
                return DueItem(
                    habit: habit, mark: mark, isDue: isDue, doneInWindow: window, currentStreak: streak,
                    atRisk: isDue && streak > 0)
            }
        }
    }

    // MARK: Profile

    /// The couple's names and time zones: every field as last set.
    public func profile() throws -> Profile {
        try read { db in try Self.profile(db) }
    }

    static func profile(_ db: Database) throws -> Profile {
        var profile = Profile()
        let rows = try String.fetchCursor(db, sql: "SELECT payload FROM event WHERE kind = 'profile' ORDER BY seq")
        while let text = try rows.next() {
            let payload = PayloadCoding.decode(text) ?? [:]
            if let value = payload["myName"]?.stringValue { profile.myName = value }
            if let value = payload["partnerName"]?.stringValue { profile.partnerName = value }
            if let value = payload["myTimeZone"]?.stringValue { profile.myTimeZone = value }
            if let value = payload["partnerTimeZone"]?.stringValue { profile.partnerTimeZone = value }
        }
        return profile
    }

    /// Sets some profile fields (those not `nil`), keeping the others.
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) for a time zone that is not
    ///   an IANA identifier (such as `Europe/Berlin`), an empty name, a name
    ///   that is not one line of at most 80 characters without control
    ///   characters (``checkedLine(_:what:)``), or no fields.
    @discardableResult
    public func setProfile(myName: String? = nil, partnerName: String? = nil, myTimeZone: String? = nil, partnerTimeZone: String? = nil) throws -> Profile {
        var payload: [String: JSONValue] = [:]
        for (key, value, what) in [("myName", myName, "your name"), ("partnerName", partnerName, "your partner's name")] {
            guard let value else { continue }
            let trimmed = try Self.checkedLine(value, what: what)
            guard !trimmed.isEmpty else { throw CommandFailure("a name cannot be empty") }
            payload[key] = .string(trimmed)
        }
        for (key, value) in [("myTimeZone", myTimeZone), ("partnerTimeZone", partnerTimeZone)] {
            guard let value else { continue }
            payload[key] = .string(try Self.validZone(value))
        }
        guard !payload.isEmpty else { throw CommandFailure("nothing to set: give at least one field") }
        let event = makeEvent(.profile, date: today, payload: payload)
        return try write { db in
            try add(event, db)
            return try Self.profile(db)
        }
    }

    /// A one-line field (a name, a habit's title, a tag) as it is stored:
    /// without the spaces around it, one line of at most 80 characters
    /// with no control characters (``TerminalText/lineProblem(_:maximumLength:)``),
    /// so that it cannot fake a line of output or drive the terminal.
    ///
    /// - Parameters:
    ///   - text: the field as given.
    ///   - what: what it is, for the message: "the title", "the tag".
    /// - Throws: ``CommandFailure`` (exit code 2) saying what is wrong; nothing is written.
    public static func checkedLine(_ text: String, what: String) throws(CommandFailure) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let problem = TerminalText.lineProblem(trimmed) {
            throw CommandFailure("\(what) '\(trimmed.terminalSafe)' cannot be used: \(problem); nothing was written")
        }
        return trimmed
    }

    /// The canonical IANA identifier for a zone name, or a failure that suggests close ones.
    static func validZone(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let known = TimeZone.knownTimeZoneIdentifiers
        if let exact = known.first(where: { $0.caseInsensitiveCompare(trimmed) == .orderedSame }) { return exact }
        // The tz database has names Foundation does not list (Etc/UTC, Etc/GMT+5,
        // EST, UTC): kept as typed, since Foundation renames some (UTC becomes GMT).
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-")
        if trimmed.first?.isLetter == true, trimmed.unicodeScalars.allSatisfy(allowed.contains), TimeZone(identifier: trimmed) != nil {
            return trimmed
        }
        throw CommandFailure("unknown time zone '\(trimmed)'\(Suggestions.hint(for: trimmed, in: known)); use an IANA name such as Europe/Berlin")
    }

    // MARK: Cards

    /// The ids of the most recently shown conversation cards, most recent
    /// first, without repeats: pick a card not among them to avoid repeats.
    public func recentCardIDs(limit: Int = 20) throws -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql: "SELECT subject FROM event WHERE kind = 'card' GROUP BY subject ORDER BY max(seq) DESC LIMIT ?",
                arguments: [limit])
        }
    }

    /// Records that a conversation card was shown today.
    ///
    /// - Parameter cardID: a stable id for the card, such as `daily#3`.
    @discardableResult
    public func recordCardShown(_ cardID: String) throws -> JournalEvent {
        let event = makeEvent(.card, date: today, subject: cardID)
        try write { db in try add(event, db) }
        return event
    }

    // MARK: Module records

    /// A ``ModuleRecordStore`` for one module: its records are journal events
    /// of kind `record` whose subject is the module id.
    public func recordStore(moduleID: String) -> any ModuleRecordStore {
        JournalRecordStore(moduleID: moduleID) { self }
    }

    func appendRecord(_ record: ModuleRecord, moduleID: String) throws {
        let event = JournalEvent(
            id: record.id, author: author, device: device, createdAt: record.createdAt, date: record.date, kind: .record,
            subject: moduleID,
            payload: ["kind": .string(record.kind), "fields": .object(record.fields.mapValues(JSONValue.string))],
            refersTo: record.refersTo)
        try write { db in try add(event, db) }
    }

    func moduleRecords(moduleID: String, kind: String?) throws -> [ModuleRecord] {
        try read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(Self.eventColumns) FROM event WHERE kind = 'record' AND subject = ? ORDER BY seq",
                arguments: [moduleID])
            var records: [ModuleRecord] = []
            while let row = try rows.next() {
                guard let event = Self.event(from: row), let recordKind = event.text("kind") else { continue }
                if let kind, kind != recordKind { continue }
                var fields: [String: String] = [:]
                if case .object(let values) = event.payload["fields"] {
                    for (key, value) in values { fields[key] = value.stringValue ?? "" }
                }
                records.append(ModuleRecord(
                    id: event.id, kind: recordKind, date: event.date, createdAt: event.createdAt,
                    refersTo: event.refersTo, fields: fields))
            }
            return records
        }
    }
}

/// A module's records kept in the journal, which is opened on first use
/// (so commands that never touch their records never open the database).
public final class JournalRecordStore: ModuleRecordStore {
    /// The module whose records these are.
    public let moduleID: String
    private let opener: @Sendable () throws -> Journal
    private let reader: @Sendable () throws -> Journal?

    /// Creates a store for `moduleID` in the journal `opener` returns when
    /// first needed; reads go to `existing`'s journal (no records when it
    /// returns `nil`, so reading creates nothing). Use ``LazyJournal`` to
    /// share one opened journal.
    public init(
        moduleID: String, journal opener: @escaping @Sendable () throws -> Journal,
        existing: (@Sendable () throws -> Journal?)? = nil
    ) {
        self.moduleID = moduleID
        self.opener = opener
        self.reader = existing ?? opener
    }

    /// Writes the record as one transaction before returning.
    public func append(_ record: ModuleRecord) throws {
        try opener().appendRecord(record, moduleID: moduleID)
    }

    /// The module's records in the order written, optionally of one kind.
    public func records(kind: String?) throws -> [ModuleRecord] {
        try reader()?.moduleRecords(moduleID: moduleID, kind: kind) ?? []
    }
}

/// A journal opened on first use, then shared.
public final class LazyJournal: Sendable {
    private let opener: @Sendable () throws -> Journal
    private let exists: @Sendable () -> Bool
    private let opened = Mutex<Journal?>(nil)

    /// Creates a lazy journal; `opener` runs at most once successfully, and
    /// `exists` tells whether there is a journal to open without creating one.
    public init(exists: @escaping @Sendable () -> Bool = { true }, _ opener: @escaping @Sendable () throws -> Journal) {
        self.opener = opener
        self.exists = exists
    }

    /// Opens the journal at `url` on first use.
    public convenience init(url: URL, timeZone: TimeZone = .current, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.init(exists: { FileManager.default.fileExists(atPath: url.path) }) {
            try Journal.open(at: url, timeZone: timeZone, clock: clock)
        }
    }

    /// The journal when it is open or its file exists; `nil` otherwise, creating nothing.
    public func existing() throws -> Journal? {
        if let journal = opened.withLock({ $0 }) { return journal }
        return exists() ? try get() : nil
    }

    /// The journal, opened now if it was not yet.
    public func get() throws -> Journal {
        try opened.withLock { journal in
            if let journal { return journal }
            let fresh = try opener()
            journal = fresh
            return fresh
        }
    }

    /// A record store for a module, backed by this journal.
    public func recordStore(moduleID: String) -> any ModuleRecordStore {
        JournalRecordStore(moduleID: moduleID, journal: { [self] in try get() }, existing: { [self] in try existing() })
    }
}
