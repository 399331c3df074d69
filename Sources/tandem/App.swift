import ArgumentParser
import Foundation
import TandemHost
import TandemKit
import TandemModules

/// What every subcommand shares: the registry, the environment, the module
/// context, and the way errors end the process.
enum App {
    /// The modules built into this binary, validated once per process.
    static let registry = ModuleRegistry(moduleTypes: allModuleTypes)

    /// Reports modules that failed validation, once, on standard error.
    static func reportRegistryProblems() {
        for problem in registry.problems {
            StandardOutput.stderr.write("tandem: warning: \(problem)\n")
        }
    }

    /// `TANDEM_HOME`, `TANDEM_NOW` and friends.
    static func environment() throws -> TandemEnvironment {
        try TandemEnvironment.fromProcess()
    }

    /// Styling for standard output.
    static let style = TextStyle.detect()

    /// The context module commands and routine functions run in. Installs it
    /// for module commands dispatched by ArgumentParser.
    static func moduleContext(seed: UInt64?) throws -> ModuleContext {
        let environment = try environment()
        // The journal opens only when a module first touches its records,
        // which are namespaced by the module whose command runs.
        let context = ModuleContext(
            now: environment.now, timeZone: environment.timeZone, profile: JournalAccess.profile(environment),
            style: style, seed: seed, records: JournalAccess.moduleRecords(environment))
        ModuleContext.install(context)
        return context
    }

    /// Prints the error the way people should read it and exits: usage errors
    /// and bad input exit 2, other failures 1.
    static func exit(with error: any Error) -> Never {
        switch error {
        case let failure as CommandFailure:
            StandardOutput.stderr.write("tandem: error: \(failure.message)\n")
            Foundation.exit(failure.exitCode)
        case let lookup as LookupError:
            StandardOutput.stderr.write("tandem: error: \(lookup)\n")
            Foundation.exit(2)
        default:
            let code = Tandem.exitCode(for: error)
            if code == .validationFailure {
                // ArgumentParser's usage errors: keep its message, use exit code 2.
                StandardOutput.stderr.write(Tandem.fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            Tandem.exit(withError: error)
        }
    }
}
