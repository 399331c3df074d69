import ArgumentParser
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem undo ID [--date DATE]`
struct UndoCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Take back a habit's mark (done or skipped) on a day.")

    @OptionGroup var habit: HabitDayOptions

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let day = try JournalAccess.day(habit.date, environment)
        let journal = try JournalAccess.openForHabit(habit.id, runtime)
        let (_, undone) = try journal.undo(habit.id, date: day)
        runtime.environment.output.write("Took back \(habit.id.terminalSafe) \(undone == .done ? "done" : "skipped") on \(day ?? journal.today).\n")
    }
}
