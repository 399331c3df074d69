import ArgumentParser
import Foundation
import TandemKit
import TandemRuntime

/// `tandem schedule status [--json]`
struct ScheduleStatusCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the installed timers, the next run of each, and what is out of date with the routines.",
        discussion: """
            Each timer is up to date, out of date (its routine was edited, or the tandem path or \
            your time zone changed since), missing (a reminder with no timer), or stale (its \
            schedule is gone). tandem schedule install brings them all up to date. With --json: \
            a list of {backend, name, state (current, outOfDate, missing, stale), when, next, active}.
            """)

    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var backend: String
        var name: String
        var state: String
        var when: String?
        /// The next run, local time: `2026-11-20T21:30`.
        var next: String?
        /// systemd: whether the timer is active, when the user manager answered.
        var active: Bool?
    }

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let report = try runtime.timerStatus()
        for note in report.notes { environment.errors.write("tandem: \(note.terminalSafeLines)\n") }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = environment.timeZone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        if output.json {
            let entries = report.entries.map { status in
                Entry(backend: status.backend.rawValue, name: status.name, state: status.state.rawValue, when: status.reminder?.whenText,
                      next: status.next.map(formatter.string(from:)), active: status.active)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            environment.output.write(TerminalText.escapingJSON(String(decoding: try encoder.encode(entries), as: UTF8.self)) + "\n")
            return
        }
        guard !report.entries.isEmpty else {
            let count = try runtime.reminders().count
            environment.output.write(count == 0
                ? "No timers installed, and no reminders to install (schedules come from saved routines and tandem adopt ID --remind HH:MM).\n"
                : "No timers installed; \(count) reminder\(count == 1 ? "" : "s") to install with: tandem schedule install\n")
            return
        }
        formatter.dateFormat = "EEE yyyy-MM-dd HH:mm"
        let style = environment.style
        let width = report.entries.map(\.name.terminalSafe.count).max() ?? 0
        for backend in TimerBackend.allCases {
            let entries = report.entries.filter { $0.backend == backend }
            guard !entries.isEmpty else { continue }
            environment.output.write(backend == .systemd
                ? "systemd timers in \(report.systemdDirectory.path.terminalSafe):\n"
                : "crontab lines between '# BEGIN tandem' and '# END tandem':\n")
            for entry in entries {
                let name = entry.name.terminalSafe
                var line = "  " + name + String(repeating: " ", count: width - name.count) + "  "
                let state = entry.state.text.padding(toLength: 11, withPad: " ", startingAt: 0)
                line += entry.state == .current ? state : style.color(state, .red)
                if let active = entry.active { line += active ? " active  " : " inactive" }
                if let next = entry.next { line += "  next \(formatter.string(from: next))" }
                if let reminder = entry.reminder { line += "  (\(reminder.whenText.terminalSafe))" }
                if entry.state == .stale { line += "  its schedule is gone" }
                environment.output.write(line + "\n")
            }
        }
        let behind = TimerBackend.allCases.filter { backend in report.entries.contains { $0.backend == backend && $0.state != .current } }
        environment.output.write(behind.isEmpty
            ? "All up to date.\n"
            : "To bring them up to date: " + behind.map { "tandem schedule install --\($0.rawValue)" }.joined(separator: "; ") + "\n")
    }
}
