import Foundation
import GRDB
import TandemKit

/// How the habits and check-ins stand on a day: what `tandem stats` shows.
public struct JournalStats: Sendable, Hashable, Codable {
    /// The day the figures are computed for.
    public var asOf: LocalDay
    /// One entry per tracked habit, in the order adopted.
    public var habits: [HabitStats]
    /// The connection check-ins.
    public var checkIns: CheckInStats
    /// How the couple is doing together, when the journal holds the partner's entries too.
    public var together: TogetherStats? = nil
}

/// What both partners did: the habits both track, and their check-ins side by side.
public struct TogetherStats: Sendable, Hashable, Codable {
    /// The partner's name (or "partner").
    public var partner: String
    /// One entry per habit both track, in my order.
    public var habits: [SharedHabitStats]
    /// The partner's check-ins' figures.
    public var partnerCheckIns: CheckInStats
    /// The mean gap between our connection scores on the days both checked
    /// in, over the 30 days ending on the as-of date (`nil` without such days).
    public var gapLast30: Double?
    /// The same over the 30 days before.
    public var gapPrevious30: Double?
    /// `narrowing`, `widening` or `steady` (by at least half a point), or `unknown`.
    public var gapTrend: String
}

/// A habit both partners track.
public struct SharedHabitStats: Sendable, Hashable, Codable {
    /// The practice id.
    public var id: String
    /// My title for it.
    public var title: String
    /// Days among the last 30 that both did it.
    public var bothDoneLast30: Int
    /// The run of days, up to the as-of date, that both did it (a day not
    /// over yet breaks nothing).
    public var togetherStreak: Int
    /// My strength, 0 to 1.
    public var myStrength: Double
    /// My partner's strength, 0 to 1.
    public var partnerStrength: Double
}

/// One habit's figures.
public struct HabitStats: Sendable, Hashable, Codable {
    /// The practice id.
    public var id: String
    /// The habit's title.
    public var title: String
    /// The frequency as "N/D" text (`1/1`, `3/7`; a weekday set W is `|W|/7`).
    public var cadence: String
    /// The cadence as typed (`daily`, `3/7`, `mon,wed,fri`).
    public var schedule: String
    /// Loop Habit Tracker's habit strength, 0 to 1, unrounded.
    public var strength: Double
    /// The current streak, in days.
    public var currentStreak: Int
    /// The longest streak, in days.
    public var bestStreak: Int
    /// Days done among the 30 days that end on the as-of date.
    public var doneLast30: Int
    /// The first day with a mark, if any.
    public var firstEntry: LocalDay?
    /// The day the habit was adopted.
    public var adoptedOn: LocalDay
    /// Heatmap cells from ``heatmapStart`` to the as-of date (not in JSON).
    public var heatmap: [DayCell] = []
    /// The first day of ``heatmap`` (not in JSON).
    public var heatmapStart: LocalDay? = nil
    /// The last 14 days' cells, for the overview (not in JSON).
    public var recent: [DayCell] = []

    enum CodingKeys: String, CodingKey {
        case id, title, cadence, schedule, strength, currentStreak, bestStreak, doneLast30, firstEntry, adoptedOn
    }
}

/// The connection check-ins' figures.
public struct CheckInStats: Sendable, Hashable, Codable {
    /// Check-ins up to the as-of date.
    public var count: Int
    /// The mean connection of all of them (`nil` when none).
    public var average: Double?
    /// The mean connection of the 30 days ending on the as-of date.
    public var last30Average: Double?
    /// The mean connection of the 30 days before those.
    public var previous30Average: Double?
    /// `rising`, `falling` or `steady` (last 30 days against the 30 before,
    /// by at least half a point), or `unknown` without both.
    public var trend: String
    /// The latest check-ins (up to 30), oldest first.
    public var recent: [CheckInPoint]
}

/// One check-in's connection on a day.
public struct CheckInPoint: Sendable, Hashable, Codable {
    /// The day.
    public var date: LocalDay
    /// The connection, 1 to 10.
    public var connection: Int
}

extension Journal {
    /// The figures for every tracked habit and the check-ins on a day.
    ///
    /// Reads only the habits' compact day tracks and the check-ins, never the
    /// whole event log, so it stays fast on a journal of many years.
    ///
    /// - Parameters:
    ///   - asOf: the day (today when `nil`); marks after it are ignored.
    ///   - heatmapWeeks: how many weeks of heatmap cells to include (0 for none).
    ///   - author: whose figures (me when `nil`).
    ///   - together: also compute ``JournalStats/together`` against this
    ///     member (the partner), named `partnerName`.
    public func stats(
        asOf: LocalDay? = nil, heatmapWeeks: Int = 0, author: String? = nil, together partner: String? = nil, partnerName: String = "partner"
    ) throws -> JournalStats {
        let day = asOf ?? today
        let author = author ?? self.author
        let isToday = day == today
        return try read { db in
            var histories: [String: HabitHistory] = [:]
            let habits = try Self.habits(db, author: author).filter(\.isActive).map { habit in
                let history = try Self.history(habit, author: author, db)
                histories[habit.id] = history
                return Self.habitStats(habit, history: history, asOf: day, heatmapWeeks: heatmapWeeks, isToday: isToday)
            }
            var stats = JournalStats(asOf: day, habits: habits, checkIns: try Self.checkInStats(asOf: day, author: author, db))
            if let partner, partner != author {
                stats.together = try Self.togetherStats(
                    mine: habits, histories: histories, me: author, partner: partner, name: partnerName, asOf: day, isToday: isToday, db)
            }
            return stats
        }
    }

    static func togetherStats(
        mine: [HabitStats], histories: [String: HabitHistory], me: String, partner: String, name: String, asOf day: LocalDay,
        isToday: Bool, _ db: Database
    ) throws -> TogetherStats {
        let theirs = Dictionary(try habits(db, author: partner).filter(\.isActive).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var shared: [SharedHabitStats] = []
        for habit in mine {
            guard let other = theirs[habit.id], let myHistory = histories[habit.id] else { continue }
            let partnerHistory = try history(other, author: partner, db)
            func both(_ offset: Int) -> Bool {
                let date = day.adding(days: -offset)
                return myHistory.mark(on: date) == .done && partnerHistory.mark(on: date) == .done
            }
            var streak = 0
            // Today, not over yet, breaks nothing: count from yesterday unless both did it already.
            var offset = isToday && !both(0) ? 1 : 0
            while offset < 3660, both(offset) {
                streak += 1
                offset += 1
            }
            shared.append(SharedHabitStats(
                id: habit.id, title: habit.title, bothDoneLast30: (0..<30).filter(both).count, togetherStreak: streak,
                myStrength: habit.strength, partnerStrength: HabitScoring.strength(partnerHistory, asOf: day)))
        }
        func gap(from: LocalDay, to: LocalDay) throws -> Double? {
            try Double.fetchOne(
                db,
                sql: """
                    SELECT avg(abs(m.connection - p.connection)) FROM
                      (SELECT date, avg(connection) AS connection FROM checkin_point WHERE author = ? AND date BETWEEN ? AND ? GROUP BY date) m
                      JOIN (SELECT date, avg(connection) AS connection FROM checkin_point WHERE author = ? AND date BETWEEN ? AND ? GROUP BY date) p
                      ON m.date = p.date
                    """,
                arguments: [me, from.description, to.description, partner, from.description, to.description])
        }
        let last = try gap(from: day.adding(days: -29), to: day)
        let previous = try gap(from: day.adding(days: -59), to: day.adding(days: -30))
        var trend = "unknown"
        if let last, let previous {
            trend = previous - last >= 0.5 ? "narrowing" : last - previous >= 0.5 ? "widening" : "steady"
        }
        return TogetherStats(
            partner: name, habits: shared, partnerCheckIns: try checkInStats(asOf: day, author: partner, db),
            gapLast30: last, gapPrevious30: previous, gapTrend: trend)
    }

    static func habitStats(_ habit: Habit, history: HabitHistory, asOf day: LocalDay, heatmapWeeks: Int, isToday: Bool = false) -> HabitStats {
        let counting = HabitScoring.countingDays(history, asOf: day)
        let streaks = HabitScoring.streaks(counting: counting)
        var stats = HabitStats(
            id: habit.id, title: habit.title, cadence: habit.cadence.fraction, schedule: habit.cadence.description,
            strength: HabitScoring.strength(history, asOf: day), currentStreak: streaks.current,
            bestStreak: streaks.best, doneLast30: HabitScoring.doneCount(history, lastDays: 30, asOf: day),
            firstEntry: history.start.flatMap { $0 <= day ? $0 : nil }, adoptedOn: habit.adoptedOn)
        if heatmapWeeks > 0 {
            // Columns are weeks from Monday; the last column holds the as-of date.
            let mondayOffset = (day.weekday.rawValue + 5) % 7
            let start = day.adding(days: -mondayOffset - 7 * (heatmapWeeks - 1))
            stats.heatmapStart = start
            stats.heatmap = HabitScoring.cells(history, from: start, asOf: day, counting: counting)
        }
        stats.recent = HabitScoring.cells(history, from: day.adding(days: -13), asOf: day, counting: counting)
        // The day is not over: an unmarked today is still open, not missed.
        if isToday {
            if stats.heatmap.last == .missed { stats.heatmap[stats.heatmap.count - 1] = .open }
            if stats.recent.last == .missed { stats.recent[stats.recent.count - 1] = .open }
        }
        return stats
    }

    static func checkInStats(asOf day: LocalDay, author: String, _ db: Database) throws -> CheckInStats {
        let until = day.description
        let totals = try Row.fetchOne(
            db, sql: "SELECT count(*) AS n, avg(connection) AS mean FROM checkin_point WHERE author = ? AND date <= ?",
            arguments: [author, until])
        let count: Int = totals?["n"] ?? 0
        let average: Double? = totals?["mean"]
        func mean(from: LocalDay, to: LocalDay) throws -> Double? {
            try Double.fetchOne(
                db, sql: "SELECT avg(connection) FROM checkin_point WHERE author = ? AND date BETWEEN ? AND ?",
                arguments: [author, from.description, to.description])
        }
        let last30 = try mean(from: day.adding(days: -29), to: day)
        let previous30 = try mean(from: day.adding(days: -59), to: day.adding(days: -30))
        var trend = "unknown"
        if let last30, let previous30 {
            trend = last30 - previous30 >= 0.5 ? "rising" : previous30 - last30 >= 0.5 ? "falling" : "steady"
        }
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT date, connection FROM checkin_point WHERE author = ? AND date <= ? ORDER BY date DESC, seq DESC LIMIT 30",
            arguments: [author, until])
        let recent = rows.reversed().compactMap { row -> CheckInPoint? in
            guard let date = LocalDay(parsingAnyYear: row["date"]) else { return nil }
            return CheckInPoint(date: date, connection: row["connection"])
        }
        return CheckInStats(
            count: count, average: average, last30Average: last30, previous30Average: previous30, trend: trend, recent: recent)
    }
}

extension Journal {
    /// The check-ins of the `days` days up to `day` (today included), oldest
    /// first: what a routine's `checkins(days)` reads.
    public func checkInPoints(days: Int, asOf day: LocalDay? = nil, author: String? = nil) throws -> [CheckInPoint] {
        let day = day ?? today
        let author = author ?? self.author
        guard days > 0 else { return [] }
        return try read { db in
            try Row.fetchAll(
                db, sql: "SELECT date, connection FROM checkin_point WHERE author = ? AND date BETWEEN ? AND ? ORDER BY date, seq",
                arguments: [author, day.adding(days: -(days - 1)).description, day.description]
            ).compactMap { row in
                LocalDay(parsingAnyYear: row["date"]).map { CheckInPoint(date: $0, connection: row["connection"]) }
            }
        }
    }
}

extension JournalStats {
    /// The figures as one JSON object (sorted keys, pretty-printed).
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return TerminalText.escapingJSON(String(decoding: data, as: UTF8.self))
    }
}
