import ArgumentParser
import Foundation
import TandemCatalog
import TandemKit
import TandemRuntime
import TandemRoutine

/// `tandem routines [--json]`
struct RoutinesCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "routines", abstract: "List the saved routines and their schedules.")

    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var name: String
        var file: String
        var summary: String?
        var routines: [String]
        var schedules: [String]
        var problems: Int
    }

    func run(on runtime: Runtime) throws {
        let environment = runtime.environment
        let names = RoutineFiles.savedNames(environment)
        var entries: [Entry] = []
        for name in names {
            let path = environment.routinesDirectory.appendingPathComponent(name + ".routine").path
            let program = RoutineProgram.load(path: path)
            entries.append(Entry(
                name: name, file: path, summary: program.summary, routines: program.routines.map(\.name),
                schedules: program.schedules.map { "\($0.whenText) run \($0.callText)" },
                problems: RoutineSession.check(program, registry: runtime.registry, habitIDs: runtime.journalHabitIDs()).count))
        }
        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            runtime.environment.output.write(TerminalText.escapingJSON(String(decoding: try encoder.encode(entries), as: UTF8.self)) + "\n")
            return
        }
        guard !entries.isEmpty else {
            runtime.environment.output.write("No saved routines in \(environment.routinesDirectory.path.terminalSafe).\n")
            return
        }
        let style = runtime.environment.style
        for entry in entries {
            // File names and description comments come from files, perhaps
            // from another machine: shown escaped.
            var line = style.bold(entry.name.terminalSafe)
            if let summary = entry.summary { line += "  " + style.dim(summary.terminalSafe) }
            runtime.environment.output.write(line + "\n")
            for schedule in entry.schedules { runtime.environment.output.write("    \(schedule.terminalSafe)\n") }
            if entry.problems > 0 {
                runtime.environment.output.write("    " + style.color("\(entry.problems) problem\(entry.problems == 1 ? "" : "s"): run 'tandem check \(entry.name.terminalSafe)'", .red) + "\n")
            }
        }
    }
}
