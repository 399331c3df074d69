import Foundation
import TandemCatalog
import TandemKit
import TandemRuntime
import TandemRoutine

/// Finding routine files.
enum RoutineFiles {
    /// The routine file `argument` names: see ``RoutineFileLookup``.
    static func resolve(_ argument: String, _ environment: TandemEnvironment) throws -> String {
        try RoutineFileLookup.resolve(argument, routinesDirectory: environment.routinesDirectory)
    }

    /// The names (without `.routine`) of the saved routine files, sorted.
    static func savedNames(_ environment: TandemEnvironment) -> [String] {
        RoutineFileLookup.savedNames(in: environment.routinesDirectory)
    }
}
