import ArgumentParser
import Foundation
import TandemHost
import TandemKit

/// The `tandem` command: subcommands are the host's own plus those the loaded
/// coaching modules contribute.
struct Tandem: ParsableCommand {
    static let hostCommands: [any ParsableCommand.Type] =
        BrowseCommands.all + JournalCommands.all + RoutineCommands.all

    // Built once: ArgumentParser reads the configuration many times while it
    // parses, and each read would otherwise rebuild the subcommand list.
    static let configuration = CommandConfiguration(
            commandName: "tandem",
            abstract: "A private, offline coach for emotional intimacy: small practices, done together.",
            discussion: """
                Everything stays on this machine, in $TANDEM_HOME or ~/.local/share/tandem.
                With no subcommand on a terminal, tandem opens an interactive session.
                """,
            version: Tandem.version,
            subcommands: hostCommands + App.registry.allCommands.map(\.command))

    static let version = "0.1.0"

    /// With no subcommand: the interactive session (or the language from stdin).
    mutating func run() throws { try REPLLauncher.run() }
}

@main
enum Main {
    static func main() {
        App.reportRegistryProblems()
        do {
            var command = try Tandem.parseAsRoot()
            if var moduleCommand = command as? any ModuleCommand {
                try moduleCommand.run(in: App.moduleContext(seed: nil))
            } else {
                try command.run()
            }
        } catch {
            App.exit(with: error)
        }
    }
}
