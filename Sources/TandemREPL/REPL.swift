import Foundation
import TandemCatalog
import TandemKit
import TandemRuntime

/// What the REPL runs on: the runtime's registry, environment and commands,
/// or stand-ins in tests.
public struct REPLConfiguration: Sendable {
    /// The version shown in the banner.
    public var version: String
    /// The loaded coaching modules.
    public var registry: ModuleRegistry
    /// Where files live and what time it is.
    public var environment: TandemEnvironment
    /// Styling for standard output (plain off a terminal or with NO_COLOR).
    public var style: TextStyle
    /// Styling for standard error.
    public var errorStyle: TextStyle
    /// The `--seed` for repeatable choices, if any.
    public var seed: UInt64?
    /// The number of practices due today, or `nil` when the journal cannot tell.
    public var dueToday: @Sendable () -> Int?
    /// Lines for the banner: reminders waiting, the partner's answer to today's question.
    public var partnerNotice: @Sendable () -> String? = { nil }
    /// Called after each input: the runtime shares what it wrote.
    public var didHandleInput: @Sendable () -> Void = {}
    /// The host's own subcommands (`today`, `stats`, `tip`, …) that the REPL
    /// offers as `:name`, with a one-line abstract each.
    public var hostCommands: [(name: String, abstract: String)]
    /// Runs a host subcommand with arguments and returns its exit status.
    public var runHostCommand: @Sendable (_ name: String, _ arguments: [String]) -> Int32
    /// The history file's size limit.
    public var historyLimit: Int
    /// The context module `moduleID`'s commands run in, on the given streams.
    public var moduleContext: @Sendable (_ moduleID: String, _ input: any LineInput, _ output: any TextOutput, _ errors: any TextOutput) -> ModuleContext

    /// Creates a configuration with stand-ins: for tests.
    public init(
        version: String, registry: ModuleRegistry, environment: TandemEnvironment,
        style: TextStyle = .plain, errorStyle: TextStyle = .plain, seed: UInt64? = nil,
        dueToday: @escaping @Sendable () -> Int? = { nil },
        hostCommands: [(name: String, abstract: String)] = [],
        runHostCommand: @escaping @Sendable (String, [String]) -> Int32 = { _, _ in 2 },
        historyLimit: Int = 1000,
        moduleContext: (@Sendable (String, any LineInput, any TextOutput, any TextOutput) -> ModuleContext)? = nil
    ) {
        self.version = version
        self.registry = registry
        self.environment = environment
        self.style = style
        self.errorStyle = errorStyle
        self.seed = seed
        self.dueToday = dueToday
        self.hostCommands = hostCommands
        self.runHostCommand = runHostCommand
        self.historyLimit = historyLimit
        self.moduleContext = moduleContext ?? { _, input, output, errors in
            ModuleContext(
                now: environment.now, timeZone: environment.timeZone, output: output, errors: errors,
                input: input, style: style, seed: seed)
        }
    }

    /// The configuration of a session on `runtime`: its registry (or `registry`,
    /// such as a padded one for benchmarks), environment, journal and
    /// commands. Host commands run on the runtime, with its one error mapping.
    public init(runtime: Runtime, version: String, registry: ModuleRegistry? = nil) {
        let commands = runtime.commands.filter { $0.configuration.shouldDisplay }
        self.init(
            version: version, registry: registry ?? runtime.registry, environment: runtime.environment,
            style: runtime.environment.style, errorStyle: runtime.environment.errorStyle,
            dueToday: { runtime.dueTodayCount() },
            hostCommands: commands.compactMap { type in type.configuration.commandName.map { ($0, type.configuration.abstract) } },
            runHostCommand: { name, arguments in
                guard let type = commands.first(where: { $0.configuration.commandName == name }) else { return ExitStatus.usage }
                return runtime.execute(type, arguments: arguments, messagePrefix: "")
            },
            moduleContext: { moduleID, input, output, errors in
                runtime.with(input: input, output: output, errors: errors).moduleContext(for: moduleID)
            })
        partnerNotice = {
            let lines = [runtime.remindersNotice().map { $0 + " (:due)" }, runtime.questionNotice().map { $0 + " (:question)" }]
            return lines.compactMap { $0 }.isEmpty ? nil : lines.compactMap { $0 }.joined(separator: ".\n")
        }
        didHandleInput = { runtime.finishCommand() }
    }
}

/// The interactive session: reads input (continuing at `...>` while a bracket
/// or string is open), runs meta commands and the routine language, and keeps
/// going after errors.
public final class REPL {
    /// The prompt for a new input.
    public static let prompt = "tandem> "
    /// The prompt for a continuation line.
    public static let continuationPrompt = "   ...> "

    let configuration: REPLConfiguration
    let reader: any LineReader
    let output: any TextOutput
    let errors: any TextOutput
    /// The language; settable so that it can be built with the REPL's input.
    public var language: any REPLLanguage
    /// Every chunk that ran without error, oldest first (for `:save`).
    var sessionSources: [String] = []
    /// The exit status of the first error (for scripts read from a pipe).
    var firstFailure: Int32?
    var finished = false

    /// Creates a session.
    public init(
        configuration: REPLConfiguration, reader: any LineReader, output: any TextOutput = StandardOutput.stdout,
        errors: any TextOutput = StandardOutput.stderr, language: (any REPLLanguage)? = nil
    ) {
        self.configuration = configuration
        self.reader = reader
        self.output = output
        self.errors = errors
        self.language = language ?? UnavailableLanguage(errors: { errors.write($0) })
    }

    /// The banner shown at the start of an interactive session.
    public var banner: String {
        let modules = configuration.registry.modules.count
        var text = "Tandem \(configuration.version): \(modules) coaching module\(modules == 1 ? "" : "s")"
        if let due = configuration.dueToday() {
            text += ", \(due) practice\(due == 1 ? "" : "s") due today (:today)"
        }
        text += ". Type :help."
        if let notice = configuration.partnerNotice() { text += "\n" + notice.terminalSafeLines + "." }
        return text
    }

    /// Runs the session to its end and returns the exit status: 0 for an
    /// interactive session; for input from a pipe, the status of the first
    /// error (130 when interrupted).
    public func run() -> Int32 {
        if reader.isInteractive {
            output.write(configuration.style.bold(banner) + "\n")
        }
        while !finished {
            switch readChunk() {
            case .endOfInput:
                finished = true
            case .interrupted:
                continue
            case .line(let chunk):
                handle(chunk)
            }
        }
        return reader.isInteractive ? 0 : (firstFailure ?? 0)
    }

    /// Reads one complete input: a line, or several while a bracket or string
    /// stays open.
    func readChunk() -> LineReadResult {
        var buffer = ""
        var prompt = Self.prompt
        while true {
            switch reader.readLine(prompt: prompt) {
            case .interrupted:
                return .interrupted
            case .endOfInput:
                if buffer.isEmpty { return .endOfInput }
                // Ctrl-D inside a multi-line input abandons it on a terminal;
                // a script's unfinished input goes to the parser to report.
                return reader.isInteractive ? .interrupted : .line(buffer)
            case .line(let line):
                buffer = buffer.isEmpty ? line : buffer + "\n" + line
                if buffer.drop(while: \.isWhitespace).hasPrefix(":") { return .line(buffer) }
                if buffer.allSatisfy(\.isWhitespace) { return .line(buffer) }
                let incomplete = language.isIncomplete(buffer) ?? InputScanner.isIncomplete(buffer)
                if !incomplete { return .line(buffer) }
                prompt = Self.continuationPrompt
            }
        }
    }

    /// Runs one complete input.
    public func handle(_ chunk: String) {
        guard !chunk.allSatisfy(\.isWhitespace) else { return }
        reader.addHistory(chunk)
        let trimmed = chunk.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix(":") {
            runMeta(trimmed)
            configuration.didHandleInput()
            return
        }
        let outcome = language.execute(chunk)
        record(outcome)
        if outcome == .success { sessionSources.append(chunk) }
        configuration.didHandleInput()
    }

    func record(_ outcome: REPLOutcome) {
        switch outcome {
        case .success:
            break
        case .failure(let code):
            if firstFailure == nil { firstFailure = code }
        case .interrupted:
            if firstFailure == nil { firstFailure = ExitStatus.interrupted }
            if !reader.isInteractive { finished = true }
        }
    }

    func fail(_ message: String, hint: String? = nil, exitCode: Int32 = 2) {
        let style = configuration.errorStyle
        // Messages echo what was typed: shown escaped, like every error.
        var text = style.color(style.bold("error:"), .red) + " " + message.terminalSafeLines + "\n"
        if let hint { text += "  " + style.bold("hint:") + " " + hint.terminalSafeLines + "\n" }
        errors.write(text)
        if firstFailure == nil { firstFailure = exitCode }
    }
}
