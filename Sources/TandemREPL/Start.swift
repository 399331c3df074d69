import CLineEditor
import Foundation
import TandemCatalog
import TandemKit
import TandemRuntime
import TandemRoutine

/// Starting a session the way `tandem` with no subcommand does.
public enum REPLMain {
    /// Runs a session on `runtime` and returns its exit status: the routine
    /// language on the runtime's one routine host and journal, its commands as
    /// `:name`.
    ///
    /// - Parameters:
    ///   - registry: the modules to offer, when not the runtime's own (a padded
    ///     catalogue for `scripts/bench repl`).
    public static func run(on runtime: Runtime, version: String, registry: ModuleRegistry? = nil) -> Int32 {
        let configuration = REPLConfiguration(runtime: runtime, version: version, registry: registry)
        let colored = configuration.errorStyle.isEnabled
        return run(configuration, interactive: runtime.environment.isInteractive, output: runtime.environment.output, errors: runtime.environment.errors) { input, output, errors in
            let routineHost = JournalRoutineHost(runtime: runtime.with(input: input, output: output, errors: errors))
            let session = RoutineSession(registry: configuration.registry, host: routineHost)
            return RoutineLanguage(session: session, output: output, errors: errors, colored: colored)
        }
    }

    /// Runs a session on the process's standard streams and returns its exit
    /// status.
    ///
    /// On a terminal the session edits lines with libedit, completes with Tab,
    /// keeps history in ``TandemEnvironment/historyURL`` and handles Ctrl-C
    /// itself. Otherwise it reads the same language from standard input,
    /// without prompts, and returns the status of the first error.
    ///
    /// - Parameters:
    ///   - configuration: what the session runs on.
    ///   - makeLanguage: builds the language session, reading answers to
    ///     `ask` and `practice` from the given input and writing to the outputs.
    public static func run(
        _ configuration: REPLConfiguration, interactive: Bool,
        output: any TextOutput = StandardOutput.stdout, errors: any TextOutput = StandardOutput.stderr,
        makeLanguage: (_ input: any LineInput, _ output: any TextOutput, _ errors: any TextOutput) -> any REPLLanguage
    ) -> Int32 {
        let reader: any LineReader
        if interactive {
            let box = CompleterBox()
            let libedit = LibEditReader(historyURL: configuration.environment.historyURL, historyLimit: configuration.historyLimit) { line, continuation in
                box.complete(line, continuation)
            }
            reader = libedit
            let repl = REPL(configuration: configuration, reader: reader, output: output, errors: errors)
            repl.language = makeLanguage(ReaderLineInput(reader), output, errors)
            box.repl = repl
            SignalBridge.install { repl.language.requestInterrupt() }
            defer { SignalBridge.uninstall() }
            return repl.run()
        }
        reader = StreamLineReader()
        let repl = REPL(configuration: configuration, reader: reader, output: output, errors: errors)
        repl.language = makeLanguage(PipedAnswerInput(ReaderLineInput(reader), errors: errors), output, errors)
        SignalBridge.install { repl.language.requestInterrupt() }
        defer { SignalBridge.uninstall() }
        return repl.run()
    }
}

/// Lets the line editor's completion reach the REPL built after it.
final class CompleterBox {
    var repl: REPL?
    private var engine: CompletionEngine?

    func complete(_ line: String, _ continuation: Bool) -> Completion {
        guard let repl else { return .none }
        if engine == nil { engine = repl.makeCompletionEngine() }
        let names = repl.language.routineNames + repl.language.variableNames
        let language = repl.language
        return engine!.complete(line, sessionNames: names, isContinuation: continuation, mapKeys: { language.mapKeys(ofVariable: $0) })
    }
}

extension REPL {
    /// The completion engine for this session's registry and routines folder.
    public func makeCompletionEngine() -> CompletionEngine {
        let registry = configuration.registry
        var members = CompletionVocabulary.members(fromIDs: registry.allPractices.map(\.id))
        for module in registry.modules {
            members[module.id, default: []] += module.functions.map(\.name)
        }
        let vocabulary = CompletionVocabulary(
            keywords: RoutineSession.keywords, builtins: RoutineSession.builtinNames,
            metaCommands: metaCommandNames,
            helpTopics: Array(Self.helpTopics.keys) + metaCommandNames + registry.moduleIDs,
            moduleIDs: registry.moduleIDs,
            memberNames: members,
            practiceIDs: registry.allPractices.map(\.id))
        let folder = routinesDirectory
        return CompletionEngine(vocabulary: vocabulary, savedRoutines: {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasSuffix(".routine") }.map { String($0.dropLast(".routine".count)) }
        })
    }
}

/// Routes SIGINT to the running language, and wakes the line editor.
enum SignalBridge {
    nonisolated(unsafe) private static var handler: (() -> Void)?

    static func install(_ onInterrupt: @escaping () -> Void) {
        handler = onInterrupt
        tandem_install_signal_handlers { SignalBridge.handler?() }
    }

    static func uninstall() {
        tandem_restore_signal_handlers()
        handler = nil
    }
}
