import ArgumentParser
import TandemJournal
import TandemKit

/// `tandem undo ID [--date DATE]`
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Take back a habit's mark (done or skipped) on a day.")

    @Argument(help: "The habit's practice id.")
    var id: String

    @Option(name: .long, help: "The day: YYYY-MM-DD, today or yesterday (default: today).")
    var date: String?

    func run() throws {
        let environment = try App.environment()
        let day = try JournalAccess.day(date, environment)
        let journal = try JournalAccess.openForHabit(id, environment)
        let (_, undone) = try journal.undo(id, date: day)
        StandardOutput.stdout.write("Took back \(id) \(undone == .done ? "done" : "skipped") on \(day ?? journal.today).\n")
    }
}
