import ArgumentParser
import Foundation
import TandemKit
import TandemRuntime
import TandemSystem

/// `tandem schedule export --ics [--output FILE] [--force]`
struct ScheduleExportCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the schedules and habit reminders as an iCalendar (.ics) file, for a phone's calendar.",
        discussion: """
            Each reminder becomes a recurring event with an alarm at its start, in its own time \
            zone (with the zone's rules in the file). Import the file in a calendar app (open it on \
            the phone, or use the app's import); it is a snapshot, so export again after changing \
            the routines. The events keep their ids and each export has a higher SEQUENCE, so \
            importing again updates them instead of adding copies. With no schedules or habit \
            reminders there is no calendar to write, and it says so. With --output the file is written atomically with mode 0600, never \
            through a symbolic link or over a folder; an existing file is replaced only with --force.
            """)

    @Flag(name: .long, help: "Write iCalendar (RFC 5545), the only format so far.")
    var ics = false

    @Option(name: .long, help: "Write to this file instead of standard output (- for standard output).")
    var output: String?

    @Flag(name: .long, help: "Replace the --output file if it exists.")
    var force = false

    func validate() throws {
        guard ics else { throw ValidationError("say which format: --ics (iCalendar) is the one there is") }
    }

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let reminders = try runtime.reminders()
        guard !reminders.isEmpty else {
            // RFC 5545 has no empty calendar (a VCALENDAR holds at least one component).
            throw CommandFailure(
                "there are no schedules or habit reminders, so there is no calendar to write; add 'every day at 21:30 run evening' to a saved routine or use tandem adopt ID --remind 21:00",
                exitCode: ExitStatus.runtimeError)
        }
        // The journal's member id, made now if there is no journal yet: the
        // events' ids must not change when the first habit is adopted.
        let owner = try runtime.journal().author
        let calendar = ICalendar(reminders: reminders, userZone: environment.timeZone, now: environment.now, owner: owner)
        let data = Data(calendar.text.utf8)
        guard let path = output, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        let target = URL(fileURLWithPath: path, relativeTo: environment.currentDirectory)
        try PrivateFile.writeOutput(data, to: target, replacing: force, refusal: "no calendar was written")
        environment.errors.write("Wrote \(reminders.count) event\(reminders.count == 1 ? "" : "s") to \(target.path.terminalSafe) (mode 0600).\n")
    }
}
