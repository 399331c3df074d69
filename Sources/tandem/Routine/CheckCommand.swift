import ArgumentParser
import Foundation
import TandemCatalog
import TandemKit
import TandemRuntime
import TandemRoutine

/// `tandem check FILE…`
struct CheckCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check routine files without running them.",
        discussion: "Reports every problem found, as file:line:col. Exits 2 when there is any error; warnings (such as a schedule's time in a daylight-saving change of its zone in the next year) do not fail the check.")

    @Argument(help: "The .routine files (or names: ./NAME, ./NAME.routine, then a saved routine) to check.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one .routine file to check") }
    }

    func run(on runtime: Runtime) throws {
        var total = 0
        for file in files {
            let path: String
            do { path = try RoutineFiles.resolve(file, runtime.environment) } catch let failure as CommandFailure {
                runtime.environment.errors.write("tandem: error: \(failure.message.terminalSafeLines)\n")
                total += 1
                continue
            }
            let program = RoutineProgram.load(path: path)
            let errors = RoutineSession.check(program, registry: runtime.registry, habitIDs: runtime.journalHabitIDs())
            // Warnings (a schedule's time in a clock change) need the user's zone and today: the runtime's.
            let warnings = runtime.daylightSavingWarnings(for: program)
            let diagnostics = errors + warnings
            if !diagnostics.isEmpty {
                runtime.environment.errors.write(RoutineSession.render(diagnostics, colored: runtime.environment.errorStyle.isEnabled, width: runtime.environment.width))
            }
            if errors.isEmpty {
                let note = warnings.isEmpty ? "" : " (\(warnings.count) warning\(warnings.count == 1 ? "" : "s"))"
                runtime.environment.output.write("\(path.terminalSafe): ok\(note)\n")
            }
            total += errors.count
        }
        if total > 0 {
            throw RoutineFailure(kind: .check, diagnostics: [], summary: "\(RoutineFailure.count(total)) found.")
        }
    }
}
