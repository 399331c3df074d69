import ArgumentParser
import Foundation
import TandemKit
import TandemRuntime

/// `tandem remind NAME`: what a timer runs.
struct RemindCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Remind of a scheduled routine or habit now (what the installed timers run).",
        discussion: """
            Shows a desktop notification (notify-send) for the latest scheduled moment of NAME \
            that has come, once: a timer that fires late, twice or after a resume reminds once. \
            Without a desktop session (no session bus, or no notify-send) the reminder waits in \
            the inbox that tandem today, tandem due and the REPL's banner show. A habit already \
            done today does not remind. A routine that asks questions is never run in the \
            background; a schedule ending in `unattended` (every day at 07:00 run tidy \
            unattended) runs its routine, which must not ask. NAME is listed by tandem schedule.
            """)

    @Argument(help: "The reminder's name, as tandem schedule lists it (such as evening-2130 or habit-daily.gratitude).")
    var name: String

    @Flag(help: "Remind only of a moment that came in the last 10 minutes, not of one missed earlier (what crontab lines run).")
    var onTime = false

    func run(on runtime: Runtime) throws {
        let reminder = try runtime.reminder(named: name)
        let outcome = try runtime.remind(reminder, window: onTime ? Reminder.onTimeWindow : Reminder.catchUpWindow)
        let out = runtime.environment.output
        switch outcome {
        case .notified(let text): out.write("Reminded: \(text.terminalSafe)\n")
        case .inbox(let text): out.write("No desktop to notify; waiting in the inbox (tandem due): \(text.terminalSafe)\n")
        case .alreadyReminded(let moment):
            out.write("Already reminded for \(moment.formatted(Date.ISO8601FormatStyle(timeZone: runtime.environment.timeZone))); nothing to do.\n")
        case .notDue: out.write("\(name.terminalSafe) is not due yet (\(reminder.whenText)).\n")
        case .habitDone: out.write("\(reminder.title.terminalSafe) is done today already; no reminder.\n")
        }
        switch (reminder.source, outcome) {
        case (.routine(let file, let routine, let arguments, true), .notified), (.routine(let file, let routine, let arguments, true), .inbox):
            // The saved file by its path: a timer's current folder may hold another of that name.
            let path = runtime.environment.routinesDirectory.appendingPathComponent(file).path
            let run = try RunCommand.parse([path, routine, "--"] + arguments)
            try runtime.with(input: ScriptedInput([])).run(run)
        default:
            break
        }
    }
}
