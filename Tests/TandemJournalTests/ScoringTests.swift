import Foundation
import TandemJournal
import TandemKit
import Testing

/// Loop Habit Tracker's strength and the streak rules.
@Suite struct ScoringTests {
    let base = LocalDay(parsing: "2026-01-01")!

    func history(_ cadence: Cadence, done: [Int], skipped: [Int] = []) -> HabitHistory {
        var marks: [LocalDay: DayMark] = [:]
        for offset in done { marks[base.adding(days: offset)] = .done }
        for offset in skipped { marks[base.adding(days: offset)] = .skipped }
        return HabitHistory(cadence: cadence, marks: marks)
    }

    @Test func twentyConsecutiveDailyChecks() {
        let strength = HabitScoring.strength(history(.daily, done: Array(0..<20)), asOf: base.adding(days: 19))
        #expect(abs(strength - 0.65575) < 1e-5)
        #expect(abs(strength - (1 - pow(0.5, 20.0 / 13))) < 1e-12)
    }

    @Test func singleCheck() {
        let strength = HabitScoring.strength(history(.daily, done: [0]), asOf: base)
        #expect(abs(strength - 0.05192) < 1e-5)
    }

    @Test func skippedDaysFreezeTheScore() {
        // Days 5, 10 and 11 before the last one are skipped instead of done.
        let skipped = [19 - 5, 19 - 10, 19 - 11]
        let done = Array(0..<20).filter { !skipped.contains($0) }
        let strength = HabitScoring.strength(history(.daily, done: done, skipped: skipped), asOf: base.adding(days: 19))
        #expect(abs(strength - 0.59603) < 1e-5)
    }

    @Test func twoConsecutiveChecksAtOneInTwo() {
        let strength = HabitScoring.strength(history(.timesPer(times: 1, days: 2), done: [0, 1]), asOf: base.adding(days: 1))
        #expect(abs(strength - 0.05482) < 1e-5)
    }

    @Test func threeInSevenDoneTwiceAWeekConvergesToTwoThirds() {
        let done = (0..<100).flatMap { [$0 * 7, $0 * 7 + 1] }
        let strength = HabitScoring.strength(history(.timesPer(times: 3, days: 7), done: done), asOf: base.adding(days: 699))
        #expect(abs(strength - 2.0 / 3) < 1e-5)
    }

    @Test func scoreIsZeroBeforeTheFirstEntryAndWithoutEntries() {
        #expect(HabitScoring.strength(history(.daily, done: [5]), asOf: base.adding(days: 4)) == 0)
        #expect(HabitScoring.strength(history(.daily, done: []), asOf: base) == 0)
    }

    @Test func missedDaysDecayTheScore() {
        let h = history(.daily, done: [0])
        let m = pow(0.5, 1.0 / 13)
        #expect(abs(HabitScoring.strength(h, asOf: base.adding(days: 3)) - (1 - m) * m * m * m) < 1e-12)
    }

    @Test func weekdayHabitsCountAsTheirShareOfTheWeek() {
        let cadence = Cadence.weekdays([.monday, .wednesday, .friday])
        #expect(cadence.frequency == 3.0 / 7)
        #expect(cadence.fraction == "3/7")
    }

    // MARK: Streaks

    @Test func dailyStreakCountsDoneAndSkippedDays() {
        let h = history(.daily, done: [0, 1, 2, 4, 5], skipped: [3])
        #expect(HabitScoring.streaks(h, asOf: base.adding(days: 5)) == (6, 6))
    }

    @Test func dailyStreakBreaksOnAMissedDay() {
        let h = history(.daily, done: [0, 1, 2, 4, 5])
        let streaks = HabitScoring.streaks(h, asOf: base.adding(days: 5))
        #expect(streaks.current == 2)
        #expect(streaks.best == 3)
    }

    @Test func todayNotMarkedYetBreaksNothing() {
        let h = history(.daily, done: [0, 1, 2])
        #expect(HabitScoring.streaks(h, asOf: base.adding(days: 3)).current == 3)
        // But a whole missed day does.
        #expect(HabitScoring.streaks(h, asOf: base.adding(days: 4)).current == 0)
    }

    @Test func threeInSevenStreakUsesWindows() {
        // Every 7-day window that holds 3 done days makes its days count:
        // windows starting on days 0...9 do, so days 0...15 count; day 16
        // (the as-of date) does not count yet and breaks nothing.
        let h = history(.timesPer(times: 3, days: 7), done: [0, 2, 4, 7, 9, 11, 14])
        let streaks = HabitScoring.streaks(h, asOf: base.adding(days: 16))
        #expect(streaks.best == 16)
        #expect(streaks.current == 16)
        // A long gap ends it: no window with 3 done covers days 21...
        let later = HabitScoring.streaks(h, asOf: base.adding(days: 30))
        #expect(later.current == 0)
        #expect(later.best == 16)
    }

    @Test func aHabitYoungerThanItsPeriodIsOneWindow() {
        // Three days of history, done on all three: the 3/7 habit is on track.
        let h = history(.timesPer(times: 3, days: 7), done: [0, 1, 2])
        #expect(HabitScoring.streaks(h, asOf: base.adding(days: 2)) == (3, 3))
        #expect(HabitScoring.streaks(h, asOf: base.adding(days: 6)) == (7, 7))
        // Two of three is not yet enough.
        let short = history(.timesPer(times: 3, days: 7), done: [0, 1])
        #expect(HabitScoring.streaks(short, asOf: base.adding(days: 2)) == (0, 0))
    }

    @Test func skippedDaysCountInWindows() {
        let h = history(.timesPer(times: 3, days: 7), done: [0, 1], skipped: [2])
        #expect(HabitScoring.streaks(h, asOf: base.adding(days: 6)).best == 7)
    }

    @Test func weekdayHabitNonDueDaysCarryTheStreak() {
        // 2026-01-05 is a Monday. Mon/Wed/Fri done for two weeks.
        let monday = LocalDay(parsing: "2026-01-05")!
        #expect(monday.weekday == .monday)
        var marks: [LocalDay: DayMark] = [:]
        for offset in [0, 2, 4, 7, 9, 11] { marks[monday.adding(days: offset)] = .done }
        let h = HabitHistory(cadence: .weekdays([.monday, .wednesday, .friday]), marks: marks)
        // Sunday after the second week: Mon..Sun of both weeks count (Tue, Thu, Sat, Sun are not due).
        #expect(HabitScoring.streaks(h, asOf: monday.adding(days: 13)) == (14, 14))
        // The next Monday not yet marked breaks nothing; a missed Monday does.
        #expect(HabitScoring.streaks(h, asOf: monday.adding(days: 14)).current == 14)
        #expect(HabitScoring.streaks(h, asOf: monday.adding(days: 15)).current == 0)
        let cells = HabitScoring.cells(h, from: monday, asOf: monday.adding(days: 15))
        #expect(cells[1] == .notDue)
        #expect(cells[0] == .done)
        #expect(cells[14] == .missed)
    }

    @Test func dayArithmetic() {
        #expect(LocalDay(parsing: "1970-01-01")?.ordinal == 0)
        #expect(LocalDay(parsing: "2026-02-30") == nil)
        #expect(LocalDay(parsing: "2024-02-29")?.adding(days: 1).description == "2024-03-01")
        #expect(LocalDay(parsing: "2026-11-20")?.weekday == .friday)
        #expect(LocalDay(parsing: "20261120") == nil)
    }

    @Test func sparklineAndBarReadWithoutColour() {
        #expect(JournalText.sparkline([1, 10, 5]) == "▁█▄")
        #expect(JournalText.bar(0.5, width: 10).hasPrefix("[█████░░░░░]"))
    }
}
