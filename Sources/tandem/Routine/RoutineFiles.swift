import Foundation
import TandemHost
import TandemKit
import TandemRuntime
import TandemRoutine

/// Finding routine files.
enum RoutineFiles {
    /// `PATH` when it names a file, else `NAME.routine` in the routines folder.
    static func resolve(_ argument: String, _ environment: TandemEnvironment) throws -> String {
        let manager = FileManager.default
        if manager.fileExists(atPath: argument) { return argument }
        if !argument.hasSuffix(".routine"), manager.fileExists(atPath: argument + ".routine"), argument.contains("/") {
            return argument + ".routine"
        }
        let name = argument.hasSuffix(".routine") ? argument : argument + ".routine"
        let saved = environment.routinesDirectory.appendingPathComponent(name)
        if !argument.contains("/"), manager.fileExists(atPath: saved.path) { return saved.path }
        let known = savedNames(environment)
        throw CommandFailure(
            "no routine file '\(argument)' here or in \(environment.routinesDirectory.path)"
                + Suggestions.hint(for: argument, in: known))
    }

    /// The names (without `.routine`) of the saved routine files, sorted.
    static func savedNames(_ environment: TandemEnvironment) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: environment.routinesDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".routine") }.map { String($0.dropLast(8)) }.sorted()
    }
}
