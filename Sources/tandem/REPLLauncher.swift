import ArgumentParser
import Foundation
import TandemHost
import TandemJournal
import TandemKit
import TandemREPL
import TandemRoutine

/// `tandem` with no subcommand: the interactive session on a terminal, or the
/// routine language read from standard input.
enum REPLLauncher {
    /// Host subcommands the REPL offers as `:name` (its own `:modules`,
    /// `:practices`, `:show`, `:run` … take precedence).
    static var hostCommands: [any ParsableCommand.Type] {
        Tandem.hostCommands.filter { $0.configuration.shouldDisplay && ($0.configuration.commandName ?? "") != "repl" }
    }

    /// Runs the session and exits with its status.
    static func run() throws -> Never {
        let environment = try App.environment()
        // scripts/bench-repl times completion over a catalogue padded to 1,000 practices.
        let padding = ProcessInfo.processInfo.environment["TANDEM_BENCH_PRACTICES"].flatMap(Int.init)
        let registry = padding.map { RegistryPadding.padded(App.registry, toPractices: $0) } ?? App.registry
        let configuration = REPLConfiguration(
            version: Tandem.version, registry: registry, environment: environment,
            style: App.style, errorStyle: TextStyle.detect(fileDescriptor: STDERR_FILENO),
            dueToday: { dueToday(environment) },
            hostCommands: hostCommands.compactMap { type in
                type.configuration.commandName.map { ($0, type.configuration.abstract) }
            },
            runHostCommand: runHostCommand,
            baseContext: { try? App.moduleContext(seed: nil) })
        let colored = configuration.errorStyle.isEnabled
        let status = REPLMain.run(configuration) { input, output, errors in
            let host = REPLRoutineHost(environment: environment, input: input, output: output)
            let session = RoutineSession(registry: registry, host: host)
            return RoutineLanguage(session: session, output: output, errors: errors, colored: colored)
        }
        Foundation.exit(status)
    }

    /// The practices still to do today, when there is a journal (never
    /// created here: a first session stays fast and leaves no files).
    static func dueToday(_ environment: TandemEnvironment) -> Int? {
        guard let journal = try? JournalAccess.openIfExists(environment) else { return 0 }
        let today = LocalDay(environment.now, in: environment.timeZone)
        let items = (try? journal.dueToday(asOf: today)) ?? []
        return items.filter { $0.isDue && $0.mark == .none }.count
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

/// The REPL's routine host: answers come through the REPL's line editor, and
/// practices, notes, check-ins and cards are recorded in the journal as
/// `tandem run` records them.
final class REPLRoutineHost: StandardRoutineHost {
    private let journalHost: CommandLineRoutineHost
    private let replInput: any LineInput
    private let replOutput: any TextOutput

    init(environment: TandemEnvironment, input: any LineInput, output: any TextOutput) {
        journalHost = CommandLineRoutineHost(environment: environment, seed: nil, dryRun: false, wait: true)
        replInput = input
        replOutput = output
        super.init(
            output: output, input: input, now: environment.now, timeZone: environment.timeZone,
            waitsForTimers: true, showsProgressBar: isatty(STDOUT_FILENO) != 0)
    }

    override func recordPractice(_ practice: Practice, outcome: PracticeOutcome) throws {
        try journalHost.recordPractice(practice, outcome: outcome)
    }
    override func recordNote(_ text: String) throws { try journalHost.recordNote(text) }
    override func recordCheckin(score: Int, appreciation: String) throws {
        try journalHost.recordCheckin(score: score, appreciation: appreciation)
    }
    override func recentCards(module: String) -> [String] { journalHost.recentCards(module: module) }
    override func recordCard(_ prompt: String, module: String) throws { try journalHost.recordCard(prompt, module: module) }

    override func moduleContext() throws -> ModuleContext {
        let base = try journalHost.moduleContext()
        return ModuleContext(
            now: base.now, timeZone: base.timeZone, profile: base.profile, output: replOutput, errors: base.errors,
            input: replInput, style: base.style, seed: base.seed, records: base.records)
    }
}
