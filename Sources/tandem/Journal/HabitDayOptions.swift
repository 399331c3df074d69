import ArgumentParser
import TandemRuntime

/// What `done`, `skip` and `undo` share: the habit and the day.
struct HabitDayOptions: ParsableArguments {
    @Argument(help: "The habit's practice id, such as daily.gratitude.")
    var id: String

    @Option(name: .long, help: "The day: YYYY-MM-DD, today or yesterday (default: today).")
    var date: String?
}

/// What `done` and `skip` add: a way to mark a day the journal refuses as a likely typo.
struct MarkReachOptions: ParsableArguments {
    @Flag(name: .long, help: "Mark a day before the habit was adopted or more than a year ago.")
    var force = false
}
