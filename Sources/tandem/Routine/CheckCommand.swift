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
        discussion: "Reports every problem found, as file:line:col. Exits 2 when there is any.")

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
            let diagnostics = RoutineSession.check(program, registry: runtime.registry, habitIDs: runtime.journalHabitIDs())
            if diagnostics.isEmpty {
                runtime.environment.output.write("\(path.terminalSafe): ok\n")
            } else {
                runtime.environment.errors.write(RoutineSession.render(diagnostics, colored: runtime.environment.errorStyle.isEnabled, width: runtime.environment.width))
                total += diagnostics.count
            }
        }
        if total > 0 {
            throw RoutineFailure(kind: .check, diagnostics: [], summary: "\(RoutineFailure.count(total)) found.")
        }
    }
}
