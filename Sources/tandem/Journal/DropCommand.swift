import ArgumentParser
import TandemJournal
import TandemKit

/// `tandem drop ID`
struct DropCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop", abstract: "Stop tracking a habit; its history is kept.")

    @Argument(help: "The habit's practice id.")
    var id: String

    func run() throws {
        let environment = try App.environment()
        let journal = try JournalAccess.openForHabit(id, environment)
        let habit = try journal.drop(id)
        StandardOutput.stdout.write("Stopped tracking \(habit.title) (\(habit.id)); its history is kept. Adopt it again any time.\n")
    }
}
