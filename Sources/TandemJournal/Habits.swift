import Foundation
import GRDB
import TandemKit

/// A habit the couple adopted.
public struct Habit: Sendable, Hashable, Codable, Identifiable {
    /// The practice id (`daily.gratitude`, or `custom.slug` for one of their own).
    public var id: String
    /// What to call it.
    public var title: String
    /// How often it is meant to be done.
    public var cadence: Cadence
    /// The date of its latest adoption.
    public var adoptedOn: LocalDay
    /// False once dropped (its history is kept).
    public var isActive: Bool
}

/// A mark on a habit's day.
public enum Mark: String, Sendable, Hashable, Codable, CaseIterable {
    /// Done.
    case done
    /// Skipped on purpose: a planned pause keeps the streak and freezes the score.
    case skipped

    var kind: EventKind { self == .done ? .done : .skip }
    var dayMark: DayMark { self == .done ? .done : .skipped }
}

/// What ``Journal/adopt(_:title:cadence:on:)`` did.
public enum AdoptOutcome: Sendable, Hashable {
    /// The habit is now tracked.
    case adopted(Habit)
    /// It was tracked already with this cadence; nothing was written.
    case alreadyAdopted(Habit)
    /// It was tracked with another cadence, which is now replaced.
    case cadenceChanged(Habit, from: Cadence)
}

/// What ``Journal/record(mark:for:date:note:)`` did.
public struct MarkOutcome: Sendable, Hashable {
    /// The event written, or `nil` when the day already had this mark.
    public var event: JournalEvent?
    /// The day's mark before.
    public var previous: DayMark
    /// The habit's history afterwards.
    public var history: HabitHistory
}

extension Journal {
    // MARK: Habits

    /// Every habit ever adopted by a member (me when `nil`), in the order
    /// first adopted (dropped ones included).
    public func allHabits(author: String? = nil) throws -> [Habit] {
        try read { db in try Self.habits(db, author: author ?? self.author) }
    }

    /// The habits a member (me when `nil`) is tracking, in the order adopted.
    public func habits(author: String? = nil) throws -> [Habit] {
        try allHabits(author: author).filter(\.isActive)
    }

    /// The tracked habit with this id, if any.
    public func habit(_ id: String) throws -> Habit? {
        try habits().first { $0.id == id }
    }

    static func habits(_ db: Database, author: String) throws -> [Habit] {
        var order: [String] = []
        var byID: [String: Habit] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT kind, subject, date, payload FROM event WHERE author = ? AND kind IN ('adopt', 'drop') ORDER BY seq",
            arguments: [author])
        while let row = try rows.next() {
            guard let id = row["subject"] as String?, let date = LocalDay(parsingAnyYear: row["date"]) else { continue }
            if row["kind"] == "adopt" {
                let payload = PayloadCoding.decode(row["payload"]) ?? [:]
                let cadence = payload["cadence"]?.stringValue.flatMap { try? Cadence(parsing: $0) } ?? .daily
                let title = payload["title"]?.stringValue ?? id
                if byID[id] == nil { order.append(id) }
                byID[id] = Habit(id: id, title: title, cadence: cadence, adoptedOn: date, isActive: true)
            } else {
                byID[id]?.isActive = false
            }
        }
        return order.compactMap { byID[$0] }
    }

    static func activeHabit(_ id: String, author: String, _ db: Database) throws -> Habit {
        guard let habit = try habits(db, author: author).first(where: { $0.id == id && $0.isActive }) else {
            throw Journal.notAdopted(id)
        }
        return habit
    }

    /// Starts tracking a practice as a habit (or changes the cadence of one
    /// already tracked). One transaction.
    ///
    /// - Parameters:
    ///   - id: the practice id, or `custom.slug` for a habit of the couple's own.
    ///   - title: what to call it.
    ///   - cadence: how often it is meant to be done.
    ///   - date: the day of adoption (today when `nil`); a day before the
    ///     first adoption of a habit already tracked moves its start there,
    ///     so that earlier days can be marked.
    /// - Throws: ``CommandFailure`` (exit code 2) for an invalid cadence, or a
    ///   title that is not one line of at most 80 characters without control
    ///   characters (``checkedLine(_:what:)``).
    @discardableResult
    public func adopt(_ id: String, title: String, cadence: Cadence, on date: LocalDay? = nil) throws -> AdoptOutcome {
        try EventValidation.cadence(cadence)
        let title = try Self.checkedLine(title, what: "the title")
        let day = try checkedDay(date)
        return try write { db in
            let existing = try Self.habits(db, author: author).first { $0.id == id && $0.isActive }
            let movesStart = try date.map { day in try Self.firstAdoption(id, author: author, db).map { day < $0 } ?? true } ?? false
            if let existing, existing.cadence == cadence, existing.title == title, !movesStart { return .alreadyAdopted(existing) }
            let event = makeEvent(
                .adopt, date: day, subject: id,
                payload: ["title": .string(title), "cadence": .string(cadence.description)])
            try add(event, db)
            let habit = Habit(id: id, title: title, cadence: cadence, adoptedOn: day, isActive: true)
            if let existing, existing.cadence != cadence { return .cadenceChanged(habit, from: existing.cadence) }
            return .adopted(habit)
        }
    }

    /// Stops tracking a habit; its history stays in the journal.
    ///
    /// - Returns: the habit as it was.
    /// - Throws: ``CommandFailure`` (exit code 2) when it is not tracked.
    @discardableResult
    public func drop(_ id: String) throws -> Habit {
        try write { db in
            let habit = try Self.activeHabit(id, author: author, db)
            try add(makeEvent(.drop, date: today, subject: id), db)
            return habit
        }
    }

    // MARK: Marks

    /// Marks a tracked habit done or skipped on a day. Marking a day that
    /// already has the other mark corrects it (the new event refers to the
    /// old one); marking it the same way again writes nothing.
    ///
    /// - Parameters:
    ///   - mark: done or skipped.
    ///   - id: the habit's practice id.
    ///   - date: the local day (today when `nil`); never after today.
    ///   - note: an optional note kept with the mark.
    ///   - force: allow a day before the habit was first adopted or more
    ///     than ``markReach`` days ago (such days are almost always typos,
    ///     and each day between costs the habit's track a byte).
    /// - Throws: ``CommandFailure`` (exit code 2) for a habit not tracked, a
    ///   future date, or (without `force`) a day before its adoption or
    ///   more than a year ago.
    @discardableResult
    public func record(mark: Mark, for id: String, date: LocalDay? = nil, note: String? = nil, force: Bool = false) throws -> MarkOutcome {
        let day = try checkedDay(date)
        return try write { db in
            let habit = try Self.activeHabit(id, author: author, db)
            if !force { try Self.checkReach(id, day, today: today, author: author, db) }
            let current = try Self.effectiveMark(id, day, author: author, db)
            if current?.mark == mark.dayMark {
                return MarkOutcome(event: nil, previous: mark.dayMark, history: try Self.history(habit, author: author, db))
            }
            var payload: [String: JSONValue] = [:]
            if let note, !note.isEmpty { payload["note"] = .string(note) }
            let event = makeEvent(mark.kind, date: day, subject: id, payload: payload, refersTo: current?.id)
            try add(event, db)
            try Self.setTrack(id, day, mark.dayMark, author: author, db)
            return MarkOutcome(event: event, previous: current?.mark ?? .none, history: try Self.history(habit, author: author, db))
        }
    }

    /// Takes back a habit's mark on a day.
    ///
    /// - Returns: the undo event and the mark taken back.
    /// - Throws: ``CommandFailure`` (exit code 2) when the day has no mark.
    @discardableResult
    public func undo(_ id: String, date: LocalDay? = nil) throws -> (event: JournalEvent, undone: Mark) {
        let day = try checkedDay(date)
        return try write { db in
            _ = try Self.activeHabit(id, author: author, db)
            guard let current = try Self.effectiveMark(id, day, author: author, db) else {
                throw CommandFailure("\(id) has no mark on \(day) to undo")
            }
            let event = makeEvent(.undo, date: day, subject: id, refersTo: current.id)
            try add(event, db)
            try Self.setTrack(id, day, .none, author: author, db)
            return (event, current.mark == .done ? .done : .skipped)
        }
    }

    /// How many days back a mark may go without `force`.
    public static let markReach = 366

    /// Refuses a mark before the habit's first adoption or more than ``markReach`` days ago.
    static func checkReach(_ id: String, _ day: LocalDay, today: LocalDay, author: String, _ db: Database) throws {
        if let first = try firstAdoption(id, author: author, db), day < first {
            throw CommandFailure(
                "\(id) was adopted on \(first), after \(day); to mark earlier days, adopt it from then: "
                    + "tandem adopt \(id) --since \(day) (or give --force)")
        }
        if day.days(to: today) > markReach {
            throw CommandFailure("\(day) is more than a year ago (today is \(today)); give --force to mark it anyway")
        }
    }

    /// The day of a habit's first adoption.
    static func firstAdoption(_ id: String, author: String, _ db: Database) throws -> LocalDay? {
        try String.fetchOne(
            db, sql: "SELECT min(date) FROM event WHERE kind = 'adopt' AND subject = ? AND author = ?", arguments: [id, author])
            .flatMap { LocalDay(parsingAnyYear: $0) }
    }

    /// The day, checked not to be after today.
    func checkedDay(_ date: LocalDay?) throws -> LocalDay {
        let today = self.today
        guard let date else { return today }
        if date > today { throw CommandFailure("\(date) is in the future (today is \(today))") }
        return date
    }

    /// The mark in force on a day: the latest done or skip event of the
    /// habit that no later event takes back.
    static func effectiveMark(_ id: String, _ day: LocalDay, author: String, _ db: Database) throws -> (id: UUID, mark: DayMark)? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT e.id, e.kind FROM event e
                WHERE e.subject = ? AND e.date = ? AND e.kind IN ('done', 'skip') AND e.author = ?
                  AND NOT EXISTS (SELECT 1 FROM event r WHERE r.refers_to = e.id)
                ORDER BY e.seq DESC LIMIT 1
                """,
            arguments: [id, day.description, author])
        guard let row, let uuid = UUID(uuidString: row["id"]) else { return nil }
        return (uuid, row["kind"] == "done" ? .done : .skipped)
    }

    // MARK: Tracks

    /// `habit_track` keeps, per member and habit, one byte per day from its first entry
    /// (0 none, 1 done, 2 skipped): a projection of the mark events, updated
    /// in the same transaction, so stats never scan the event log.
    static func setTrack(_ id: String, _ day: LocalDay, _ mark: DayMark, author: String, _ db: Database) throws {
        var (start, marks) = try track(id, author: author, db) ?? (day, [])
        if marks.isEmpty { start = day }
        if day < start {
            marks.insert(contentsOf: [UInt8](repeating: 0, count: day.days(to: start)), at: 0)
            start = day
        }
        let index = start.days(to: day)
        if index >= marks.count { marks.append(contentsOf: [UInt8](repeating: 0, count: index - marks.count + 1)) }
        marks[index] = mark.rawValue
        // Trim unmarked days at both ends so the track starts at the first entry.
        while let last = marks.last, last == 0 { marks.removeLast() }
        var leading = 0
        while leading < marks.count, marks[leading] == 0 { leading += 1 }
        if leading > 0 {
            marks.removeFirst(leading)
            start = start.adding(days: leading)
        }
        try saveTrack(id, start, marks, author: author, db)
    }

    static func saveTrack(_ id: String, _ start: LocalDay, _ marks: [UInt8], author: String, _ db: Database) throws {
        if marks.isEmpty {
            try db.execute(sql: "DELETE FROM habit_track WHERE author = ? AND practice = ?", arguments: [author, id])
        } else {
            try db.execute(
                sql: "INSERT OR REPLACE INTO habit_track (author, practice, start, marks) VALUES (?, ?, ?, ?)",
                arguments: [author, id, start.description, Data(marks)])
        }
    }

    static func track(_ id: String, author: String, _ db: Database) throws -> (start: LocalDay, marks: [UInt8])? {
        guard let row = try Row.fetchOne(
                db, sql: "SELECT start, marks FROM habit_track WHERE author = ? AND practice = ?", arguments: [author, id]),
              let start = LocalDay(parsingAnyYear: row["start"])
        else { return nil }
        let data: Data = row["marks"]
        return (start, [UInt8](data))
    }

    static func history(_ habit: Habit, author: String, _ db: Database) throws -> HabitHistory {
        guard let (start, bytes) = try track(habit.id, author: author, db) else {
            return HabitHistory(cadence: habit.cadence, start: nil, marks: [])
        }
        return HabitHistory(cadence: habit.cadence, start: start, marks: bytes.map { DayMark(rawValue: $0) ?? .none })
    }

    /// Rebuilds a member's track of a habit from their events (after an
    /// import, or lines read from the shared folder).
    static func rebuildTrack(_ id: String, author: String, _ db: Database) throws {
        var byDay: [LocalDay: DayMark] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.date, e.kind FROM event e
                WHERE e.subject = ? AND e.author = ? AND e.kind IN ('done', 'skip')
                  AND NOT EXISTS (SELECT 1 FROM event r WHERE r.refers_to = e.id)
                ORDER BY e.seq
                """,
            arguments: [id, author])
        while let row = try rows.next() {
            guard let day = LocalDay(parsingAnyYear: row["date"]) else { continue }
            byDay[day] = row["kind"] == "done" ? .done : .skipped
        }
        let history = HabitHistory(cadence: .daily, marks: byDay)
        try saveTrack(id, history.start ?? LocalDay(ordinal: 0), history.marks.map(\.rawValue), author: author, db)
    }

    /// The history of a habit a member (me when `nil`) tracks: one mark per
    /// day from its first entry.
    public func history(of id: String, author: String? = nil) throws -> HabitHistory {
        let author = author ?? self.author
        return try read { db in try Self.history(Self.activeHabit(id, author: author, db), author: author, db) }
    }
}

extension Journal {
    /// "'ID' is not an adopted habit; adopt it first with: tandem adopt ID" (exit code 2).
    public static func notAdopted(_ id: String) -> CommandFailure {
        CommandFailure("'\(id)' is not an adopted habit; adopt it first with: tandem adopt \(id)")
    }
}
