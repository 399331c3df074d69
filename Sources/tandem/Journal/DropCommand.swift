import ArgumentParser
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem drop ID`
struct DropCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop", abstract: "Stop tracking a habit; its history is kept.")

    @Argument(help: "The habit's practice id.")
    var id: String

    func run(on runtime: Runtime) throws {
        let journal = try JournalAccess.openForHabit(id, runtime)
        let habit = try journal.drop(id)
        runtime.environment.output.write("Stopped tracking \(habit.title.terminalSafe) (\(habit.id.terminalSafe)); its history is kept. Adopt it again any time.\n")
    }
}
