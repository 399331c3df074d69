import ArgumentParser
import Foundation
import TandemHost
import TandemKit
import TandemRoutine

/// `tandem routines [--json]`
struct RoutinesCommand: ParsableCommand {
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

    func run() throws {
        let environment = try App.environment()
        let names = RoutineFiles.savedNames(environment)
        var entries: [Entry] = []
        for name in names {
            let path = environment.routinesDirectory.appendingPathComponent(name + ".routine").path
            let program = RoutineProgram.load(path: path)
            entries.append(Entry(
                name: name, file: path, summary: program.summary, routines: program.routines.map(\.name),
                schedules: program.schedules.map { "\($0.whenText) run \($0.routine)" },
                problems: RoutineSession.check(program, registry: App.registry).count))
        }
        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            StandardOutput.stdout.write(String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n")
            return
        }
        guard !entries.isEmpty else {
            StandardOutput.stdout.write("No saved routines in \(environment.routinesDirectory.path).\n")
            return
        }
        let style = App.style
        for entry in entries {
            var line = style.bold(entry.name)
            if let summary = entry.summary { line += "  " + style.dim(summary) }
            StandardOutput.stdout.write(line + "\n")
            for schedule in entry.schedules { StandardOutput.stdout.write("    \(schedule)\n") }
            if entry.problems > 0 {
                StandardOutput.stdout.write("    " + style.color("\(entry.problems) problem\(entry.problems == 1 ? "" : "s"): run 'tandem check \(entry.name)'", .red) + "\n")
            }
        }
    }
}
