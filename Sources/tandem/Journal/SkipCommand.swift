import ArgumentParser
import TandemRuntime
import TandemJournal

/// `tandem skip ID [--date DATE]`
struct SkipCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip",
        abstract: "Skip an adopted habit on purpose: a planned pause keeps the streak and freezes the score.")

    @OptionGroup var habit: HabitDayOptions

    @Option(name: .long, help: "Why, if you like.")
    var note: String?

    @OptionGroup var reach: MarkReachOptions

    func run(on runtime: Runtime) throws {
        try MarkRunner.run(.skipped, id: habit.id, date: habit.date, note: note, force: reach.force, on: runtime)
    }
}
