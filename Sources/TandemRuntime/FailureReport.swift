import ArgumentParser
import Foundation
import TandemCatalog
import TandemKit
import TandemRoutine
import TandemTogether

/// A routine that did not finish, thrown by `tandem run` and `tandem check`
/// so that its diagnostics are printed, and its exit code chosen, in the one
/// place every failure is.
public struct RoutineFailure: Error, Sendable {
    /// Why it did not finish.
    public enum Kind: Sendable {
        /// Checking found problems; nothing ran.
        case check
        /// It stopped with an error.
        case runtime
        /// Ctrl-C stopped it.
        case interrupted
    }

    /// Why it did not finish.
    public var kind: Kind
    /// What to show, file:line:col each.
    public var diagnostics: [Diagnostic]
    /// A last line, such as "2 errors found; nothing ran."
    public var summary: String?

    /// Creates a failure.
    public init(kind: Kind, diagnostics: [Diagnostic], summary: String? = nil) {
        self.kind = kind
        self.diagnostics = diagnostics
        self.summary = summary
    }

    /// The failure of an outcome that did not succeed; `nil` for success.
    public init?(_ outcome: RoutineOutcome) {
        switch outcome {
        case .success: return nil
        case .checkFailed(let diagnostics):
            self.init(kind: .check, diagnostics: diagnostics, summary: "\(RoutineFailure.count(diagnostics.count)) found; nothing ran.")
        case .runtimeError(let diagnostic): self.init(kind: .runtime, diagnostics: [diagnostic])
        case .interrupted(let diagnostic): self.init(kind: .interrupted, diagnostics: [diagnostic])
        }
    }

    /// "1 error", "3 errors".
    public static func count(_ errors: Int) -> String { "\(errors) error\(errors == 1 ? "" : "s")" }

    /// The exit code: 2 for a check, 1 at run time, 130 when interrupted.
    public var exitCode: Int32 {
        switch kind {
        case .check: ExitStatus.checkFailed
        case .runtime: ExitStatus.runtimeError
        case .interrupted: ExitStatus.interrupted
        }
    }
}

/// What a person reads about a failure, and the exit code: the one mapping
/// from errors to messages that `tandem`, the REPL and scheduled runs share.
///
/// | error | exit code |
/// | --- | --- |
/// | usage (ArgumentParser), ``LookupError``, bad input | 2 |
/// | a routine's check | 2 |
/// | a routine's run time error | 1 |
/// | interrupted | 130 |
/// | a mistyped pairing code | 2 |
/// | refused data, a wrong pairing code, anything else | 1 |
///
/// Messages echo what people typed and what files hold (ids, paths, lines
/// of a routine), so every control character in them is shown visibly
/// (``TerminalText``); diagnostics escape their own text.
public struct FailureReport: Sendable {
    /// What to show.
    public enum Body: Sendable, Equatable {
        /// One message, shown after the front end's `error:` prefix.
        case message(String)
        /// Text shown as it is (diagnostics, ArgumentParser's usage text).
        case text(String)
    }

    /// What to show.
    public var body: Body
    /// The exit code.
    public var exitCode: Int32
    /// A help or version request: shown on standard output, exit code 0.
    public var isHelp: Bool

    /// Classifies `error`, raised while running `command` (whose usage text
    /// ArgumentParser's errors show); `colored` styles diagnostics, and
    /// `width` (the terminal's columns) is what their source lines are cut to.
    public init(_ error: any Error, command: any ParsableCommand.Type, colored: Bool = false, columns: Int? = nil, width: Int? = nil) {
        isHelp = false
        switch error {
        case let failure as CommandFailure:
            body = .message(failure.message.terminalSafeLines)
            exitCode = failure.exitCode
        case let lookup as LookupError:
            body = .message(lookup.description.terminalSafeLines)
            exitCode = ExitStatus.usage
        case let routine as RoutineFailure:
            exitCode = routine.exitCode
            if routine.kind == .interrupted {
                body = .text("\ntandem: interrupted at \(routine.diagnostics.first.map { $0.range.description } ?? "?")\n")
            } else {
                var text = RoutineSession.render(routine.diagnostics, colored: colored, width: width)
                if let summary = routine.summary { text += summary + "\n" }
                body = .text(text)
            }
        case let together as TogetherError:
            // The shared folder's own words; a wrong or mistyped code is bad input.
            body = .message(together.description.terminalSafeLines)
            switch together {
            case .badPairingCode: exitCode = ExitStatus.usage
            default: exitCode = ExitStatus.refused
            }
        case let diagnostic as Diagnostic:
            body = .text(RoutineSession.render([diagnostic], colored: colored, width: width))
            exitCode = ExitStatus.usage
        default:
            let code = command.exitCode(for: error)
            let message = command.fullMessage(for: error, columns: columns).terminalSafeLines
            if code == .success {
                body = .text(message + "\n")
                exitCode = ExitStatus.success
                isHelp = true
            } else if code == .validationFailure {
                body = .text(message + "\n")
                exitCode = ExitStatus.usage
            } else if let exit = error as? ExitCode {
                body = .text("")
                exitCode = exit.rawValue
            } else {
                body = .message(String(describing: error).terminalSafeLines)
                exitCode = ExitStatus.runtimeError
            }
        }
    }

    /// The text to write: messages after `prefix` and `error: `.
    public func rendered(prefix: String) -> String {
        switch body {
        case .message(let message): "\(prefix)error: \(message)\n"
        case .text(let text): text
        }
    }

    /// Writes ``rendered(prefix:)``.
    public func write(to output: any TextOutput, prefix: String) {
        output.write(rendered(prefix: prefix))
    }
}
