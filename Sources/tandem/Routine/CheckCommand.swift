import ArgumentParser
import Foundation
import TandemHost
import TandemKit
import TandemRoutine

/// `tandem check FILE…`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check routine files without running them.",
        discussion: "Reports every problem found, as file:line:col. Exits 2 when there is any.")

    @Argument(help: "The .routine files (or names of saved routines) to check.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one .routine file to check") }
    }

    func run() throws {
        let environment = try App.environment()
        var total = 0
        for file in files {
            let path: String
            do { path = try RoutineFiles.resolve(file, environment) } catch let failure as CommandFailure {
                StandardOutput.stderr.write("tandem: error: \(failure.message)\n")
                total += 1
                continue
            }
            let program = RoutineProgram.load(path: path)
            let diagnostics = RoutineSession.check(program, registry: App.registry)
            if diagnostics.isEmpty {
                StandardOutput.stdout.write("\(path): ok\n")
            } else {
                RoutineFiles.report(diagnostics)
                total += diagnostics.count
            }
        }
        if total > 0 {
            StandardOutput.stderr.write("\(total) error\(total == 1 ? "" : "s") found.\n")
            Foundation.exit(2)
        }
    }
}
