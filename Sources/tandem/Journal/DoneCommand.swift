import ArgumentParser
import Foundation
import TandemJournal
import TandemKit

/// `tandem done ID [--date DATE] [--note TEXT]`
struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Mark an adopted habit done (today, or on --date).")

    @OptionGroup var habit: HabitDayOptions

    @Option(name: .long, help: "A note to keep with it.")
    var note: String?

    func run() throws {
        try MarkRunner.run(.done, id: habit.id, date: habit.date, note: note)
    }
}

/// Shared by `done` and `skip`.
enum MarkRunner {
    static func run(_ mark: Mark, id: String, date: String?, note: String?) throws {
        let environment = try App.environment()
        let day = try JournalAccess.day(date, environment)
        let journal = try JournalAccess.openForHabit(id, environment)
        let outcome = try journal.record(mark: mark, for: id, date: day, note: note)
        let on = day ?? journal.today
        let word = mark == .done ? "done" : "skipped"
        if outcome.event == nil {
            StandardOutput.stdout.write("\(id) was already marked \(word) on \(on); nothing changed.\n")
            return
        }
        let asOf = max(on, journal.today)
        let streak = HabitScoring.streaks(outcome.history, asOf: asOf).current
        let strength = HabitScoring.strength(outcome.history, asOf: asOf)
        let style = App.style
        let symbol = mark == .done ? style.color("✓", .green) : style.color("~", .yellow)
        var line = "\(symbol) \(id) \(word) on \(on)"
        if outcome.previous != .none { line += " (was \(outcome.previous == .done ? "done" : "skipped"))" }
        line += ". Streak: \(JournalAccess.days(streak)), strength \(Int((strength * 100).rounded()))%.\n"
        StandardOutput.stdout.write(line)
    }
}
