import Foundation
import TandemKit

/// What a habit's day holds: nothing, done, or skipped.
public enum DayMark: UInt8, Sendable, Hashable, Codable {
    /// No mark: a day that is due counts as not done.
    case none = 0
    /// Done.
    case done = 1
    /// Skipped on purpose: keeps the streak and freezes the score.
    case skipped = 2
}

/// How one day of a habit looks in the heatmap.
public enum DayCell: String, Sendable, Hashable, Codable {
    /// Done.
    case done
    /// Skipped on purpose.
    case skipped
    /// Due and not done.
    case missed
    /// Not due (a weekday outside the habit's days, or an N/D window already met).
    case notDue
    /// Before the habit's first entry or after the as-of date.
    case untracked
    /// Due today and not done yet: the day is not over, so it is not missed.
    case open
}

/// A habit's marks, one per day from its first entry: the compact form
/// that scores, streaks and the heatmap are computed from.
public struct HabitHistory: Sendable, Hashable {
    /// How often the habit is meant to be done.
    public var cadence: Cadence
    /// The day of the first entry (done or skipped), or `nil` when there is none.
    public var start: LocalDay?
    /// The mark of each day from ``start`` on.
    public var marks: [DayMark]

    /// Creates a history from its start day and one mark per day from it.
    public init(cadence: Cadence, start: LocalDay?, marks: [DayMark]) {
        self.cadence = cadence
        self.start = start
        self.marks = marks
    }

    /// Creates a history from marks on arbitrary days.
    public init(cadence: Cadence, marks byDay: [LocalDay: DayMark]) {
        let marked = byDay.filter { $0.value != .none }
        guard let first = marked.keys.min(), let last = marked.keys.max() else {
            self.init(cadence: cadence, start: nil, marks: [])
            return
        }
        var marks = [DayMark](repeating: .none, count: first.days(to: last) + 1)
        for (day, mark) in marked { marks[first.days(to: day)] = mark }
        self.init(cadence: cadence, start: first, marks: marks)
    }

    /// The mark on a day (`.none` outside the recorded range).
    public func mark(on day: LocalDay) -> DayMark {
        guard let start else { return .none }
        let index = start.days(to: day)
        return index >= 0 && index < marks.count ? marks[index] : .none
    }

    /// Whether the habit is due on a weekday basis: always, except for
    /// weekday habits on days outside their set.
    public func isScheduled(on day: LocalDay) -> Bool {
        if case .weekdays(let days) = cadence { return days.contains(day.weekday) }
        return true
    }
}

/// Loop Habit Tracker's strength score, streaks and heatmap cells.
public enum HabitScoring {
    /// Loop Habit Tracker's habit strength on `asOf`, between 0 and 1.
    ///
    /// With frequency f = N/D and m = 0.5^(√f / 13), every day from the first
    /// entry to `asOf` that is not skipped updates
    /// `score = score·m + min(1, count/N')·(1 − m)`, where `count` is the
    /// number of done days among the last D' days and N'/D' is N/D doubled
    /// when f < 1 (1/1 when f = 1). Skipped days leave the score unchanged.
    public static func strength(_ history: HabitHistory, asOf: LocalDay) -> Double {
        guard let start = history.start, start <= asOf else { return 0 }
        let frequency = history.cadence.frequency
        let multiplier = pow(0.5, frequency.squareRoot() / 13)
        let n = history.cadence.timesPerPeriod, d = history.cadence.periodDays
        let (windowCount, windowDays) = frequency < 1 ? (2 * n, 2 * d) : (1, 1)
        let total = start.days(to: asOf) + 1
        var score = 0.0
        var count = 0
        for index in 0..<total {
            let mark = index < history.marks.count ? history.marks[index] : .none
            if mark == .done { count += 1 }
            let leaving = index - windowDays
            if leaving >= 0, leaving < history.marks.count, history.marks[leaving] == .done { count -= 1 }
            if mark != .skipped {
                score = score * multiplier + min(1, Double(count) / Double(windowCount)) * (1 - multiplier)
            }
        }
        return score
    }

    /// Whether each day from the first entry to `asOf` counts toward a
    /// streak (index 0 is the first entry's day).
    ///
    /// - Daily habits: a day counts when it is done or skipped.
    /// - N/D habits: a day counts when some D-day window that contains it,
    ///   starting no earlier than the first entry and ending no later than
    ///   `asOf`, holds at least N days done or skipped. While the habit is
    ///   younger than D days, its whole history is that window.
    /// - Weekday habits: a day counts when it is done or skipped, or when it
    ///   is not one of the habit's days and the day before counts (days off
    ///   carry a streak along; they never start one).
    public static func countingDays(_ history: HabitHistory, asOf: LocalDay) -> [Bool] {
        guard let start = history.start, start <= asOf else { return [] }
        let total = start.days(to: asOf) + 1
        func marked(_ index: Int) -> Bool { index < history.marks.count && history.marks[index] != .none }
        switch history.cadence {
        case .weekdays:
            var counts = [Bool](repeating: false, count: total)
            for index in 0..<total {
                let day = start.adding(days: index)
                counts[index] = marked(index) || (!history.isScheduled(on: day) && index > 0 && counts[index - 1])
            }
            return counts
        default:
            let n = history.cadence.timesPerPeriod, d = history.cadence.periodDays
            if d == 1 { return (0..<total).map(marked) }
            // A habit younger than its period has one window so far, its whole
            // history: done N times in its first days, it has a streak already.
            // (Once total >= d this changes nothing: a clipped window that holds
            // N marks lies inside the last full window, which then holds them too.)
            guard total >= d else {
                let count = (0..<total).filter(marked).count
                return [Bool](repeating: count >= n, count: total)
            }
            // Prefix sums of marked days, then a difference array of covered ranges.
            var prefix = [Int](repeating: 0, count: total + 1)
            for index in 0..<total { prefix[index + 1] = prefix[index] + (marked(index) ? 1 : 0) }
            var cover = [Int](repeating: 0, count: total + 1)
            for windowStart in 0...(total - d) where prefix[windowStart + d] - prefix[windowStart] >= n {
                cover[windowStart] += 1
                cover[windowStart + d] -= 1
            }
            var counts = [Bool](repeating: false, count: total)
            var running = 0
            for index in 0..<total {
                running += cover[index]
                counts[index] = running > 0
            }
            return counts
        }
    }

    /// The current and best streaks on `asOf`, in days.
    ///
    /// The current streak is the run of counting days that contains `asOf`,
    /// or, when `asOf` does not count (yet), the run that ends the day
    /// before: a day that is not over breaks nothing.
    public static func streaks(_ history: HabitHistory, asOf: LocalDay) -> (current: Int, best: Int) {
        streaks(counting: countingDays(history, asOf: asOf))
    }

    /// The current and best streaks from precomputed counting days.
    static func streaks(counting: [Bool]) -> (current: Int, best: Int) {
        var best = 0, run = 0
        for counts in counting {
            run = counts ? run + 1 : 0
            best = max(best, run)
        }
        guard let last = counting.last else { return (0, 0) }
        if last { return (run, best) }
        var current = 0
        var index = counting.count - 2
        while index >= 0, counting[index] {
            current += 1
            index -= 1
        }
        return (current, best)
    }

    /// How each day from `from` to `asOf` looks in the heatmap.
    public static func cells(_ history: HabitHistory, from: LocalDay, asOf: LocalDay) -> [DayCell] {
        cells(history, from: from, asOf: asOf, counting: countingDays(history, asOf: asOf))
    }

    static func cells(_ history: HabitHistory, from: LocalDay, asOf: LocalDay, counting: [Bool]) -> [DayCell] {
        guard from <= asOf else { return [] }
        return (0...from.days(to: asOf)).map { offset in
            let day = from.adding(days: offset)
            guard let start = history.start, day >= start else { return .untracked }
            switch history.mark(on: day) {
            case .done: return .done
            case .skipped: return .skipped
            case .none:
                if !history.isScheduled(on: day) { return .notDue }
                if case .timesPer = history.cadence, history.cadence.periodDays > 1 {
                    let index = start.days(to: day)
                    return index < counting.count && counting[index] ? .notDue : .missed
                }
                return .missed
            }
        }
    }

    /// The number of days done among the `days` days that end on `asOf`.
    public static func doneCount(_ history: HabitHistory, lastDays days: Int, asOf: LocalDay) -> Int {
        (0..<days).reduce(0) { $0 + (history.mark(on: asOf.adding(days: -$1)) == .done ? 1 : 0) }
    }
}
