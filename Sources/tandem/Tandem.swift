import ArgumentParser
import Foundation
import TandemCatalog
import TandemKit
import TandemRuntime

/// The `tandem` command: subcommands are the host's own plus those the loaded
/// coaching modules contribute.
struct Tandem: HostCommand {
    static let hostCommands: [any ParsableCommand.Type] =
        BrowseCommands.all + JournalCommands.all + RoutineCommands.all + [TogetherCommand.self, SyncCommand.self, QuestionCommand.self, DueCommand.self, RemindCommand.self]

    // Built once: ArgumentParser reads the configuration many times while it
    // parses, and each read would otherwise rebuild the subcommand list.
    static let configuration = CommandConfiguration(
            commandName: "tandem",
            abstract: "A private, offline coach for emotional intimacy: small practices, done together.",
            discussion: """
                Everything stays on this machine, in $TANDEM_HOME or ~/.local/share/tandem,
                unless you share a folder with your partner (tandem together), encrypted.
                With no subcommand on a terminal, tandem opens an interactive session.
                """,
            version: Tandem.version,
            subcommands: hostCommands + App.registry.allCommands.map(\.command))

    static let version = "0.1.0"

    /// With no subcommand: the interactive session (or the language from stdin).
    func run(on runtime: Runtime) throws {
        let status = REPLLauncher.run(on: runtime)
        if status != 0 { throw ExitCode(status) }
    }
}

@main
enum Main {
    static func main() {
        // The shell prompt's segment, on every prompt: from its cache when
        // that is current, before any module or parser is set up.
        if CommandLine.arguments.dropFirst().elementsEqual(["due", "--prompt"]),
           let environment = try? TandemEnvironment.fromProcess(), let cached = Runtime.cachedPromptSegment(environment) {
            if let segment = cached { environment.output.write(segment + "\n") }
            exit(0)
        }
        guard let runtime = Runtime.launch("tandem", registry: App.registry, commands: Tandem.hostCommands) else {
            exit(ExitStatus.usage)
        }
        for problem in App.registry.problems {
            runtime.environment.errors.write("tandem: warning: \(problem)\n")
        }
        exit(runtime.execute(Tandem.self, arguments: Array(CommandLine.arguments.dropFirst())))
    }
}
