import ArgumentParser
import Foundation
import TandemCatalog
import TandemKit

extension Runtime {
    /// The runtime of a program started from the shell: its environment read
    /// from the process, or `nil` after writing `NAME: error: …` to standard
    /// error when the environment is unusable (the caller exits with
    /// ``ExitStatus/usage``).
    public static func launch(_ name: String, registry: ModuleRegistry, commands: [any ParsableCommand.Type]) -> Runtime? {
        do {
            return Runtime(environment: try TandemEnvironment.fromProcess(), registry: registry, commands: commands)
        } catch {
            StandardOutput.stderr.write("\(name): error: \(error.message.terminalSafeLines)\n")
            return nil
        }
    }
}
