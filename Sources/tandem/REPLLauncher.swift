import ArgumentParser
import Foundation
import TandemHost
import TandemKit
import TandemREPL

/// `tandem` with no subcommand: the interactive session on a terminal, or the
/// routine language read from standard input.
enum REPLLauncher {
    /// Host subcommands the REPL offers as `:name` (its own `:modules`,
    /// `:practices`, `:show`, `:run` … take precedence).
    static var hostCommands: [any ParsableCommand.Type] {
        Tandem.hostCommands.filter { ($0.configuration.commandName ?? "") != "repl" }
    }

    /// Runs the session and exits with its status.
    static func run() throws -> Never {
        let environment = try App.environment()
        let configuration = REPLConfiguration(
            version: Tandem.version, registry: App.registry, environment: environment,
            style: App.style, errorStyle: TextStyle.detect(fileDescriptor: STDERR_FILENO),
            dueToday: { nil },
            hostCommands: hostCommands.compactMap { type in
                type.configuration.commandName.map { ($0, type.configuration.abstract) }
            },
            runHostCommand: runHostCommand)
        let status = REPLMain.run(configuration) { _, _, errors in
            UnavailableLanguage(errors: { errors.write($0) })
        }
        Foundation.exit(status)
    }

    /// Runs `tandem NAME ARGS…` inside the session; errors are printed, not fatal.
    static func runHostCommand(_ name: String, _ arguments: [String]) -> Int32 {
        guard let type = hostCommands.first(where: { $0.configuration.commandName == name }) else { return 2 }
        do {
            var command = try type.parseAsRoot(arguments)
            if var moduleCommand = command as? any ModuleCommand {
                try moduleCommand.run(in: App.moduleContext(seed: nil))
            } else {
                try command.run()
            }
            return 0
        } catch let failure as CommandFailure {
            StandardOutput.stderr.write("error: \(failure.message)\n")
            return failure.exitCode
        } catch let lookup as LookupError {
            StandardOutput.stderr.write("error: \(lookup)\n")
            return 2
        } catch {
            let code = type.exitCode(for: error)
            let message = type.fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            fflush(nil)
            StandardOutput.stderr.write(message + "\n")
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}
