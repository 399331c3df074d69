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
    /// Whose entries: mine, my partner's, or both.
    public var who: Who

    /// Creates a filter; the defaults match everything.
    public init(
        since: LocalDay? = nil, until: LocalDay? = nil, search: String? = nil, tag: String? = nil, kinds: Set<EventKind>? = nil,
        who: Who = .both
    ) {
        self.since = since
        self.until = until
        self.search = search
        self.tag = tag
        self.kinds = kinds
        self.who = who
    }
}

/// Whose entries a view shows: `--who me|partner|both`.
public enum Who: String, Sendable, Hashable, CaseIterable, Codable {
    /// The journal's owner.
    case me
    /// The other member of the couple (entries read from the shared folder or imported).
    case partner
    /// Both.
    case both
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
    ///
    /// Notes are private unless `shared` is true: a private entry never
    /// leaves this journal (see ``isShared(_:)``).
    public func addNote(_ text: String, tags: [String] = [], date: LocalDay? = nil, shared: Bool = false) throws -> JournalEvent {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CommandFailure("the note is empty") }
        let day = try checkedDay(date)
        var seen = Set<String>()
        let cleanTags = try tags.map { try Self.checkedLine($0, what: "the tag") }
            .map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "#")) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        let event = makeEvent(.note, date: day, payload: [
            "text": .string(trimmed), "tags": .array(cleanTags.map(JSONValue.string)), "private": .bool(!shared),
        ])
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
    ///   - isPrivate: keep it on this device (check-ins are shared by default).
    /// - Throws: ``CommandFailure`` (exit code 2) for a connection outside 1-10,
    ///   an empty appreciation, or a future date.
    @discardableResult
    public func addCheckIn(
        connection: Int, appreciation: String, note: String? = nil, date: LocalDay? = nil, isPrivate: Bool = false
    ) throws -> JournalEvent {
        try EventValidation.connection(connection)
        let appreciation = appreciation.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !appreciation.isEmpty else { throw CommandFailure("name one thing you appreciate (the appreciation is empty)") }
        let day = try checkedDay(date)
        var payload: [String: JSONValue] = ["connection": .integer(connection), "appreciation": .string(appreciation)]
        if let note = note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty { payload["note"] = .string(note) }
        if isPrivate { payload["private"] = .bool(true) }
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
        switch filter.who {
        case .me: clauses.append("author = ?"); arguments += [author]
        case .partner: clauses.append("author <> ?"); arguments += [author]
        case .both: break
        }
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
    public func dueToday(asOf day: LocalDay? = nil, author: String? = nil) throws -> [DueItem] {
        let day = day ?? today
        let author = author ?? self.author
        return try read { db in
            try Self.habits(db, author: author).filter(\.isActive).map { habit in
                let history = try Self.history(habit, author: author, db)
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

    /// The couple's names and time zones, each field as last set. Each
    /// member's profile is their own: mine comes from my entries only; my
    /// partner's name and zone are what they set for themselves (read from
    /// the shared folder or their export), or else what I set for them.
    public func profile() throws -> Profile {
        let me = author
        return try read { db in try Self.profile(db, me: me) }
    }

    static func profile(_ db: Database, me: String) throws -> Profile {
        var profile = Profile()
        var theirs = Profile()
        let rows = try Row.fetchCursor(db, sql: "SELECT author, payload FROM event WHERE kind = 'profile' ORDER BY seq")
        while let row = try rows.next() {
            let payload = PayloadCoding.decode(row["payload"]) ?? [:]
            if row["author"] as String == me {
                if let value = payload["myName"]?.stringValue { profile.myName = value }
                if let value = payload["partnerName"]?.stringValue { profile.partnerName = value }
                if let value = payload["myTimeZone"]?.stringValue { profile.myTimeZone = value }
                if let value = payload["partnerTimeZone"]?.stringValue { profile.partnerTimeZone = value }
            } else {
                if let value = payload["myName"]?.stringValue { theirs.myName = value }
                if let value = payload["myTimeZone"]?.stringValue { theirs.myTimeZone = value }
            }
        }
        if let name = theirs.myName { profile.partnerName = name }
        if let zone = theirs.myTimeZone { profile.partnerTimeZone = zone }
        return profile
    }

    /// Whether my notes are shared unless written with `--private` (a
    /// profile setting; notes are private by default).
    public func notesSharedByDefault() throws -> Bool {
        let me = author
        return try read { db in
            let rows = try String.fetchAll(
                db, sql: "SELECT payload FROM event WHERE kind = 'profile' AND author = ? ORDER BY seq", arguments: [me])
            var shared = false
            for text in rows { if case .bool(let value)? = PayloadCoding.decode(text)?["shareNotes"] { shared = value } }
            return shared
        }
    }

    /// Sets whether my notes are shared by default. The setting itself stays on this device.
    public func setNotesSharedByDefault(_ shared: Bool) throws {
        let event = makeEvent(.profile, date: today, payload: ["shareNotes": .bool(shared), "private": .bool(true)])
        try write { db in try add(event, db) }
    }

    /// The member id of my partner: the other author in this journal (read
    /// from the shared folder or an import of their export), if any.
    public func partnerID() throws -> String? {
        let me = author
        return try read { db in
            try String.fetchOne(db, sql: "SELECT author FROM member WHERE author <> ? ORDER BY author LIMIT 1", arguments: [me])
        }
    }

    /// The member id a view of `who` reads (`nil` for the partner when
    /// there is none yet); `.both` reads as me.
    public func memberID(_ who: Who) throws -> String? {
        who == .partner ? try partnerID() : author
    }

    /// How an author is shown: my name or "me", my partner's name or "partner".
    public func displayName(of authorID: String, profile: Profile) -> String {
        authorID == author ? (profile.myName ?? "me") : (profile.partnerName ?? "partner")
    }

    /// Whether an event goes to the shared folder: marks, habits, check-ins,
    /// promises and other module records, answers and the profile do unless
    /// marked private; notes only when shared on purpose; the cards drawn
    /// and tips shown never do (they are this device's draw history); favourite cards are the couple's.
    public static func isShared(_ event: JournalEvent) -> Bool {
        if [.card, .tip, .answer].contains(event.kind) { return false }
        if case .bool(let isPrivate)? = event.payload["private"] { return !isPrivate }
        return event.kind != .note
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
        let me = author
        return try write { db in
            try add(event, db)
            return try Self.profile(db, me: me)
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
                sql: "SELECT subject FROM event WHERE kind = 'card' AND author = ? GROUP BY subject ORDER BY max(seq) DESC LIMIT ?",
                arguments: [author, limit])
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
                db, sql: "SELECT \(Self.eventColumns) FROM event WHERE kind = 'record' AND subject = ? AND author = ? ORDER BY seq",
                arguments: [moduleID, author])
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
    private let openedJournal = Mutex<Journal?>(nil)

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
        if let journal = opened { return journal }
        return exists() ? try get() : nil
    }

    /// The journal if it was opened already; never opens it.
    public var opened: Journal? { openedJournal.withLock { $0 } }

    /// The journal, opened now if it was not yet.
    public func get() throws -> Journal {
        try openedJournal.withLock { journal in
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
