import ArgumentParser
import Foundation
import TandemJournal
import TandemKit
import TandemRuntime

/// `tandem adopt ID [--every CADENCE] [--title TEXT]`
struct AdoptCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Start tracking a practice as a habit.",
        discussion: """
            The cadence comes from the practice unless --every gives one: daily, weekly,
            N/D (N times in any D days, such as 3/7), or days of the week as a routine's
            `every` names them: mon,wed,fri, weekday (Monday to Friday), weekend, or a mix
            such as weekend,mon.
            A habit of your own: tandem adopt custom.morning_walk --title "Morning walk together" --every 3/7
            Marks go back to the day of adoption: give --since DATE to start earlier.
            --remind HH:MM reminds you every day at that time unless the habit is done
            (once the schedules are installed: tandem schedule install); on a habit you
            track already it only changes the reminder, and --remind off clears it.
            """)

    @Argument(help: "A practice id (such as daily.gratitude), or custom.NAME for your own habit.")
    var id: String

    @Option(name: .long, help: "How often: daily, weekly, N/D (such as 3/7), or days: mon,wed,fri, weekday or weekend.")
    var every: String?

    @Option(name: .long, help: "What to call the habit: one line, at most 80 characters (required for custom habits).")
    var title: String?

    @Option(name: .long, help: "The day you started: YYYY-MM-DD, today or yesterday (default: today). Marks before it need --force.")
    var since: String?

    @Option(name: .long, help: "Remind me every day at HH:MM (such as 21:00), or 'off'.")
    var remind: String?

    func run(on runtime: Runtime) throws {
        let cadence: Cadence?
        do {
            cadence = try every.map { try Cadence(parsing: $0) }
        } catch {
            throw CommandFailure("\(error)")
        }
        let name: String
        let chosen: Cadence
        if JournalAccess.isCustom(id) {
            guard let title, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CommandFailure("a custom habit needs a title: tandem adopt \(id) --title \"…\" [--every 3/7]")
            }
            name = title
            chosen = cadence ?? .daily
        } else if id.hasPrefix("custom.") {
            throw CommandFailure("'\(id)' is not a custom habit id; use custom.snake_case_name, such as custom.morning_walk")
        } else {
            let practice = try runtime.registry.requirePractice(id)
            name = title ?? practice.title
            chosen = cadence ?? practice.cadence
        }
        let start = try JournalAccess.day(since, runtime.environment, option: "--since")
        var reminder: (hour: Int, minute: Int)?? = nil
        if let remind {
            if remind.lowercased() == "off" || remind.lowercased() == "none" {
                reminder = .some(nil)
            } else {
                guard let time = Journal.clockTime(remind) else {
                    throw CommandFailure("--remind takes a time of day such as 21:00 (or off), not '\(remind.terminalSafe)'")
                }
                reminder = .some(time)
            }
        }
        // Checked before the journal is opened (and perhaps created).
        let checkedName = try Journal.checkedLine(name, what: "the title")
        let journal = try runtime.journal()
        switch try journal.adopt(id, title: checkedName, cadence: chosen, on: start) {
        case .adopted(let habit) where start != nil:
            runtime.environment.output.write("Adopted \(habit.title.terminalSafe) (\(habit.id.terminalSafe)) from \(habit.adoptedOn), \(habit.cadence). Mark it with: tandem done \(habit.id.terminalSafe)\n")
        case .adopted(let habit):
            runtime.environment.output.write("Adopted \(habit.title.terminalSafe) (\(habit.id.terminalSafe)), \(habit.cadence). Mark it with: tandem done \(habit.id.terminalSafe)\n")
        case .alreadyAdopted(let habit):
            runtime.environment.output.write("\(habit.id.terminalSafe) is already adopted (\(habit.cadence)); nothing changed.\n")
        case .cadenceChanged(let habit, let from):
            runtime.environment.output.write("\(habit.id.terminalSafe) now runs \(habit.cadence) (was \(from)); its history is kept.\n")
        }
        if let reminder {
            try journal.setReminder(id, time: reminder)
            if let time = reminder {
                runtime.environment.output.write(
                    "Reminder set: every day at " + String(format: "%02d:%02d", time.hour, time.minute)
                        + " unless it is done. Timers fire once installed: tandem schedule install\n")
            } else {
                runtime.environment.output.write("Reminder cleared.\n")
            }
        }
    }
}
