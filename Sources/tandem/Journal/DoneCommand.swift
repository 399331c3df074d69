import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem done ID [--date DATE] [--note TEXT]`
struct DoneCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Mark an adopted habit done (today, or on --date).")

    @OptionGroup var habit: HabitDayOptions

    @Option(name: .long, help: "A note to keep with it.")
    var note: String?

    @OptionGroup var reach: MarkReachOptions

    func run(on runtime: Runtime) throws {
        try MarkRunner.run(.done, id: habit.id, date: habit.date, note: note, force: reach.force, on: runtime)
    }
}

/// Shared by `done` and `skip`.
enum MarkRunner {
    static func run(_ mark: Mark, id: String, date: String?, note: String?, force: Bool, on runtime: Runtime) throws {
        let environment = runtime.environment
        let day = try JournalAccess.day(date, environment)
        let journal = try JournalAccess.openForHabit(id, runtime)
        let outcome = try journal.record(mark: mark, for: id, date: day, note: note, force: force)
        let on = day ?? journal.today
        let word = mark == .done ? "done" : "skipped"
        if outcome.event == nil {
            runtime.environment.output.write("\(id.terminalSafe) was already marked \(word) on \(on); nothing changed.\n")
            return
        }
        let asOf = max(on, journal.today)
        let streak = HabitScoring.streaks(outcome.history, asOf: asOf).current
        let strength = HabitScoring.strength(outcome.history, asOf: asOf)
        let style = runtime.environment.style
        let symbol = mark == .done ? style.color("✓", .green) : style.color("~", .yellow)
        var line = "\(symbol) \(id.terminalSafe) \(word) on \(on)"
        if outcome.previous != .none { line += " (was \(outcome.previous == .done ? "done" : "skipped"))" }
        line += ". Streak: \(JournalAccess.days(streak)), strength \(Int((strength * 100).rounded()))%.\n"
        runtime.environment.output.write(line)
    }
}
