import Foundation
import TandemKit

/// How running something at the prompt ended.
public enum REPLOutcome: Sendable, Hashable {
    /// It ran (or was a definition) without an error.
    case success
    /// It failed; the error was printed. The exit code is what a script
    /// reading from a pipe ends with: 1 for a runtime error, 2 for a check error.
    case failure(exitCode: Int32)
    /// Ctrl-C stopped it.
    case interrupted
}

/// What the REPL needs from the routine language: run chunks of source in one
/// session whose definitions and variables last, say whether a chunk is
/// incomplete, and name what the session defines (for completion).
public protocol REPLLanguage: AnyObject {
    /// Whether `source` needs more lines (an open bracket or string), or `nil`
    /// when the language cannot tell (the REPL's own scanner decides).
    func isIncomplete(_ source: String) -> Bool?
    /// Runs a chunk typed at the prompt, printing results and errors.
    func execute(_ source: String) -> REPLOutcome
    /// Runs a routine file as `tandem run` does.
    func runFile(_ url: URL) -> REPLOutcome
    /// Brings a file's routines (and top-level definitions) into the session.
    func loadFile(_ url: URL) -> REPLOutcome
    /// The routines the session defines.
    var routineNames: [String] { get }
    /// The variables the session defines.
    var variableNames: [String] { get }
    /// The keys of the map a session variable holds (for completion after
    /// `name["`), or `nil` when it holds no map.
    func mapKeys(ofVariable name: String) -> [String]?
    /// The source text of a routine the session defines, when the language keeps it.
    func routineSource(named name: String) -> String?
    /// The text of a file that defines routine `name` with everything it
    /// needs from the session, or a failure naming what cannot be saved;
    /// `nil` when the language cannot tell (`:save` then writes the routine's
    /// source alone).
    func fileText(forRoutine name: String) -> Result<String, CommandFailure>?
    /// Asks a running chunk to stop at the next statement boundary.
    /// Called from a signal handler: must only set a flag.
    func requestInterrupt()
}

extension REPLLanguage {
    /// The language cannot tell.
    public func fileText(forRoutine name: String) -> Result<String, CommandFailure>? { nil }
    /// No maps.
    public func mapKeys(ofVariable name: String) -> [String]? { nil }
}

/// The stand-in while no language is wired: every chunk is an error.
public final class UnavailableLanguage: REPLLanguage {
    private let errors: (String) -> Void

    /// Creates the stand-in; `errors` prints a message.
    public init(errors: @escaping (String) -> Void) { self.errors = errors }

    /// The REPL's scanner decides.
    public func isIncomplete(_ source: String) -> Bool? { nil }
    /// Reports that the language is not available.
    public func execute(_ source: String) -> REPLOutcome {
        errors("error: the routine language is not available in this build\n")
        return .failure(exitCode: ExitStatus.usage)
    }
    /// Reports that the language is not available.
    public func runFile(_ url: URL) -> REPLOutcome { execute("") }
    /// Reports that the language is not available.
    public func loadFile(_ url: URL) -> REPLOutcome { execute("") }
    /// None.
    public var routineNames: [String] { [] }
    /// None.
    public var variableNames: [String] { [] }
    /// None.
    public func routineSource(named name: String) -> String? { nil }
    /// Nothing runs.
    public func requestInterrupt() {}
}
