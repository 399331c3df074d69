import Foundation
import TandemKit
import TandemRoutine

/// The routine language as the REPL speaks it: one ``RoutineSession`` whose
/// routines and variables last from chunk to chunk; an expression's value is
/// echoed; errors print with their caret and hint.
public final class RoutineLanguage: REPLLanguage {
    /// The session the chunks run in.
    public let session: RoutineSession
    private let output: any TextOutput
    private let errors: any TextOutput
    private let colored: Bool

    /// Creates the language over a session.
    ///
    /// - Parameters:
    ///   - session: where chunks run (its host reads answers, records the journal).
    ///   - output: where echoed values go.
    ///   - errors: where diagnostics go.
    ///   - colored: whether diagnostics are coloured.
    public init(session: RoutineSession, output: any TextOutput, errors: any TextOutput, colored: Bool) {
        self.session = session
        self.output = output
        self.errors = errors
        self.colored = colored
    }

    /// The language's own check of open brackets and strings.
    public func isIncomplete(_ source: String) -> Bool? { RoutineSession.isIncomplete(source) }

    /// Runs a chunk in the session.
    public func execute(_ source: String) -> REPLOutcome {
        session.interrupt.reset()
        return report(session.evaluate(source))
    }

    /// Runs a file as `tandem run` does, in a session of its own (so that its
    /// routines do not clash with this session's), with the same host.
    public func runFile(_ url: URL) -> REPLOutcome {
        let program = RoutineProgram.load(path: url.path)
        session.interrupt.reset()
        let fresh = RoutineSession(registry: session.registry, host: session.host, interrupt: session.interrupt)
        return report(fresh.run(program, entry: .fileRoutine))
    }

    /// Brings a file's routines and variables into the session.
    public func loadFile(_ url: URL) -> REPLOutcome {
        let program = RoutineProgram.load(path: url.path)
        session.interrupt.reset()
        let outcome = report(session.load(program))
        if outcome == .success {
            let names = program.routines.map(\.name)
            let file = url.lastPathComponent.terminalSafe
            output.write(names.isEmpty ? "Loaded \(file).\n" : "Loaded \(names.joined(separator: ", ").terminalSafe) from \(file).\n")
        }
        return outcome
    }

    /// The routines defined so far.
    public var routineNames: [String] { session.routineNames }
    /// The variables defined so far.
    public var variableNames: [String] { session.variableNames }

    /// The keys of the map the variable holds, for completion after `name["`.
    public func mapKeys(ofVariable name: String) -> [String]? { session.mapKeys(ofVariable: name) }
    /// The source text that defined a routine.
    public func routineSource(named name: String) -> String? { session.source(ofRoutine: name) }
    /// The routine with the routines and variables it needs, as the session's resolver found them.
    public func fileText(forRoutine name: String) -> Result<String, CommandFailure>? {
        guard session.routineNames.contains(name) else { return nil }
        return Result { () throws(CommandFailure) in try session.fileText(forRoutine: name) }
    }
    /// Sets the language's interrupt flag (safe in a signal handler).
    public func requestInterrupt() { session.interrupt.request() }

    private func report(_ outcome: RoutineOutcome) -> REPLOutcome {
        switch outcome {
        case .success(let value):
            if let value { output.write(value.literalText.terminalSafe + "\n") }
            return .success
        case .checkFailed(let diagnostics):
            errors.write(RoutineSession.render(diagnostics, colored: colored, width: session.host.width))
            return .failure(exitCode: outcome.exitCode)
        case .runtimeError(let diagnostic):
            errors.write(RoutineSession.render([diagnostic], colored: colored, width: session.host.width))
            return .failure(exitCode: outcome.exitCode)
        case .interrupted(let diagnostic):
            errors.write("\ninterrupted at \(diagnostic.range.description.terminalSafe)\n")
            return .interrupted
        }
    }
}
