import ArgumentParser
import TandemJournal
import TandemKit

/// `tandem undo ID [--date DATE]`
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Take back a habit's mark (done or skipped) on a day.")

    @OptionGroup var habit: HabitDayOptions

    func run() throws {
        let environment = try App.environment()
        let day = try JournalAccess.day(habit.date, environment)
        let journal = try JournalAccess.openForHabit(habit.id, environment)
        let (_, undone) = try journal.undo(habit.id, date: day)
        StandardOutput.stdout.write("Took back \(habit.id) \(undone == .done ? "done" : "skipped") on \(day ?? journal.today).\n")
    }
}
