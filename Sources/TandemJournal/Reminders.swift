import Foundation
import GRDB
import TandemKit

extension EventKind {
    /// A habit's reminder set (`{"time": "21:00"}`) or cleared (`{"time": null}`).
    /// Subject: the practice id. Kept on this device: the times are mine.
    public static let reminder = EventKind(rawValue: "reminder")
    /// A reminder that reached the person (or waits in the inbox until seen).
    /// Subject: the reminder's name; payload `due`: the scheduled moment.
    public static let reminded = EventKind(rawValue: "reminded")
    /// Waiting reminders marked seen. Payload `through`: the moment up to which.
    public static let remindersSeen = EventKind(rawValue: "reminders-seen")
}

/// A habit's reminder time.
public struct HabitReminder: Sendable, Hashable {
    /// The practice id.
    public var habit: Habit
    /// The hour, 0-23.
    public var hour: Int
    /// The minute, 0-59.
    public var minute: Int
}

/// A reminder that fired for a scheduled moment.
public struct FiredReminder: Sendable, Hashable {
    /// The reminder's name.
    public var name: String
    /// The moment it was scheduled for.
    public var due: Date
    /// How it reached the person: `notification` or `inbox`.
    public var delivery: String
    /// What it said.
    public var text: String
}

extension Journal {
    /// Sets (or, with `nil`, clears) the daily reminder of a habit I track.
    ///
    /// - Throws: ``CommandFailure`` (exit code 2) for a habit not tracked or a time that is not HH:MM.
    public func setReminder(_ id: String, time: (hour: Int, minute: Int)?) throws {
        if let time, !(0..<24).contains(time.hour) || !(0..<60).contains(time.minute) {
            throw CommandFailure("\(time.hour):\(time.minute) is not a time of day")
        }
        try write { db in
            _ = try Self.activeHabit(id, author: author, db)
            let text: JSONValue = time.map { .string(String(format: "%02d:%02d", $0.hour, $0.minute)) } ?? .null
            try add(makeEvent(.reminder, date: today, subject: id, payload: ["time": text, "private": .bool(true)]), db)
        }
    }

    /// The reminders of the habits I track, in the order adopted.
    public func habitReminders() throws -> [HabitReminder] {
        let me = author
        return try read { db in
            var times: [String: (Int, Int)?] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT subject, payload FROM event WHERE author = ? AND kind = 'reminder' ORDER BY seq", arguments: [me])
            while let row = try rows.next() {
                guard let id = row["subject"] as String? else { continue }
                let time = PayloadCoding.decode(row["payload"])?["time"]?.stringValue.flatMap(Self.clockTime)
                times[id] = time.map { ($0.hour, $0.minute) }
            }
            return try Self.habits(db, author: me).filter(\.isActive).compactMap { habit in
                guard let time = times[habit.id] ?? nil else { return nil }
                return HabitReminder(habit: habit, hour: time.0, minute: time.1)
            }
        }
    }

    /// `HH:MM` as an hour and minute.
    public static func clockTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    /// Records that reminder `name` fired for the moment `due`, unless it did
    /// already: one transaction, so two timers firing at once remind once.
    ///
    /// - Returns: false when that moment had reminded already.
    @discardableResult
    public func recordReminded(_ name: String, due: Date, delivery: String, text: String) throws -> Bool {
        let dueText = Timestamp.format(due)
        return try write { db in
            let already = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE kind = 'reminded' AND subject = ? AND json_extract(payload, '$.due') = ?)",
                arguments: [name, dueText]) ?? false
            if already { return false }
            try add(makeEvent(.reminded, date: today, subject: name, payload: [
                "due": .string(dueText), "delivery": .string(delivery), "text": .string(text), "private": .bool(true),
            ]), db)
            return true
        }
    }

    /// The reminders that went to the inbox and were not seen yet, oldest first.
    public func waitingReminders() throws -> [FiredReminder] {
        try read { db in
            let seen = try String.fetchOne(
                db, sql: "SELECT json_extract(payload, '$.through') FROM event WHERE kind = 'reminders-seen' ORDER BY seq DESC LIMIT 1")
                .flatMap(Timestamp.parse) ?? .distantPast
            return try Row.fetchAll(
                db, sql: "SELECT subject, payload FROM event WHERE kind = 'reminded' ORDER BY seq"
            ).compactMap { row in
                guard let payload = PayloadCoding.decode(row["payload"]), payload["delivery"]?.stringValue == "inbox",
                      let due = payload["due"]?.stringValue.flatMap(Timestamp.parse), due > seen
                else { return nil }
                return FiredReminder(name: row["subject"], due: due, delivery: "inbox", text: payload["text"]?.stringValue ?? "")
            }
        }
    }

    /// Marks every waiting reminder up to `now` as seen.
    public func markRemindersSeen() throws {
        let event = makeEvent(.remindersSeen, date: today, payload: ["through": .string(Timestamp.format(now)), "private": .bool(true)])
        try write { db in try add(event, db) }
    }
}

extension Journal {
    /// Puts a reminder in the inbox (its notification could not be shown),
    /// even though the moment was recorded as reminded already.
    public func addToInbox(_ name: String, due: Date, text: String) throws {
        let event = makeEvent(.reminded, date: today, subject: name, payload: [
            "due": .string(Timestamp.format(due)), "delivery": .string("inbox"), "text": .string(text), "private": .bool(true),
        ])
        try write { db in try add(event, db) }
    }
}
