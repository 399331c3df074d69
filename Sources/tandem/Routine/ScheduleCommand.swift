import ArgumentParser
import Foundation
import TandemCatalog
import TandemKit
import TandemRuntime
import TandemRoutine

/// `tandem schedule [--json]`
struct ScheduleCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "Show when each scheduled routine runs next.")

    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var routine: String
        var file: String
        var when: String
        var next: String
        /// The literals the schedule passes, as written: `"Sam"`, `20`.
        var arguments: [String]
        /// The routine and its arguments: `evening("Sam")`.
        var call: String
    }

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        var entries: [(date: Date, entry: Entry)] = []
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = environment.timeZone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        for name in RoutineFiles.savedNames(environment) {
            let path = environment.routinesDirectory.appendingPathComponent(name + ".routine").path
            let program = RoutineProgram.load(path: path)
            for schedule in program.schedules {
                guard let next = schedule.nextRun(after: environment.now, timeZone: environment.timeZone) else { continue }
                entries.append((next, Entry(routine: schedule.routine, file: name + ".routine", when: schedule.whenText,
                                            next: formatter.string(from: next), arguments: schedule.argumentTexts,
                                            call: schedule.callText)))
            }
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
            runtime.environment.output.write("\(formatter.string(from: date))  \(runtime.environment.style.bold(entry.call.terminalSafe))  (\(entry.file.terminalSafe), \(entry.when.terminalSafe))\n")
        }
    }
}
