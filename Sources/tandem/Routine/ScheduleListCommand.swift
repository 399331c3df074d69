import ArgumentParser
import Foundation
import TandemCatalog
import TandemKit
import TandemRuntime
import TandemRoutine

/// `tandem schedule [list] [--json] [--count N]`: what `tandem schedule` does without a subcommand.
struct ScheduleListCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Show when each scheduled routine and habit reminder comes next, and its name for tandem remind.",
        discussion: """
            With --count N, the JSON gives each reminder's next N runs as nextRuns, instants in UTC \
            (2026-03-29T00:30:00Z), as the installed timers will run them: a time that does not \
            exist on a day (clocks going forward) is skipped that day, and a time that happens \
            twice (clocks going back) runs once, the first time.
            """)

    @OptionGroup var output: OutputOptions

    @Option(parsing: .unconditional, help: "With --json: also list each reminder's next N runs (nextRuns, in UTC).", transform: NumberOption.whole)
    var count: Int?

    func validate() throws {
        if let count, !(1...1000).contains(count) { throw ValidationError("--count must be 1 to 1000, not \(count)") }
    }

    struct Entry: Encodable {
        /// The reminder's name, which `tandem remind` takes.
        var name: String
        var routine: String
        var file: String
        var when: String
        var next: String
        /// The literals the schedule passes, as written: `"Sam"`, `20`.
        var arguments: [String]
        /// The routine and its arguments: `evening("Sam")`; a habit's reminder: its id.
        var call: String
        /// What the person runs: `tandem run evening`, `tandem done daily.gratitude`.
        var command: String
        /// With `--count N`: the next N runs, ISO 8601 in UTC.
        var nextRuns: [String]?
    }

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        var entries: [(date: Date, entry: Entry)] = []
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = environment.timeZone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        // Saved routines' schedules and habits' reminders: the list tandem remind reads.
        for reminder in try runtime.reminders() {
            guard let next = reminder.moments(after: environment.now.addingTimeInterval(-1), count: 1, user: environment.timeZone).first else { continue }
            let (routine, file, arguments, call): (String, String, [String], String)
            switch reminder.source {
            case .routine(let name, let routineName, let args, _):
                (routine, file, arguments) = (routineName, name, args)
                call = args.isEmpty ? routineName : routineName + "(" + args.joined(separator: ", ") + ")"
            case .habit(let id):
                (routine, file, arguments, call) = ("", "", [], id)
            }
            let runs = count.map { count in
                reminder.moments(after: environment.now.addingTimeInterval(-1), count: count, user: environment.timeZone)
                    .map { $0.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 0)!)) }
            }
            entries.append((next, Entry(
                name: reminder.name, routine: routine, file: file, when: reminder.whenText, next: formatter.string(from: next),
                arguments: arguments, call: call, command: reminder.command, nextRuns: runs)))
        }
        entries.sort { ($0.date, $0.entry.routine) < ($1.date, $1.entry.routine) }
        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            runtime.environment.output.write(TerminalText.escapingJSON(String(decoding: try encoder.encode(entries.map(\.entry)), as: UTF8.self)) + "\n")
            return
        }
        guard !entries.isEmpty else {
            runtime.environment.output.write("No scheduled routines. Add a line such as 'every day at 21:30 run evening' to a routine in \(environment.routinesDirectory.path.terminalSafe).\n")
            return
        }
        formatter.dateFormat = "EEE yyyy-MM-dd HH:mm"
        for (date, entry) in entries {
            let origin = entry.file.isEmpty ? "habit reminder" : entry.file.terminalSafe
            runtime.environment.output.write("\(formatter.string(from: date))  \(runtime.environment.style.bold(entry.call.terminalSafe))  (\(origin), \(entry.when.terminalSafe); tandem remind \(entry.name.terminalSafe))\n")
        }
    }
}
