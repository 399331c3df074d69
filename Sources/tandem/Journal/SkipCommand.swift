import ArgumentParser
import TandemJournal

/// `tandem skip ID [--date DATE]`
struct SkipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip",
        abstract: "Skip an adopted habit on purpose: a planned pause keeps the streak and freezes the score.")

    @Argument(help: "The habit's practice id.")
    var id: String

    @Option(name: .long, help: "The day to skip: YYYY-MM-DD, today or yesterday (default: today).")
    var date: String?

    @Option(name: .long, help: "Why, if you like.")
    var note: String?

    func run() throws {
        try MarkRunner.run(.skipped, id: id, date: date, note: note)
    }
}
