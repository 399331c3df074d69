/// A failure a command reports to the person at the terminal: the host prints
/// `tandem: error: MESSAGE` on standard error and exits with ``exitCode``.
///
/// Throw it for bad input (an answer out of range, an unknown time zone);
/// nothing should have been written when it is thrown.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
    /// What went wrong and, where it helps, what to do instead.
    public var message: String
    /// The process exit code: 2 for bad input or usage (the default), 1 for
    /// anything else.
    public var exitCode: Int32

    /// Creates a failure.
    public init(_ message: String, exitCode: Int32 = ExitStatus.usage) {
        self.message = message
        self.exitCode = exitCode
    }

    /// The message.
    public var description: String { message }
}

/// The exit codes of Tandem, the same in every front end: the shell's
/// `tandem`, the REPL and scheduled runs. A ``CommandFailure`` carries one.
public enum ExitStatus {
    /// It worked.
    public static let success: Int32 = 0
    /// Bad usage or bad input: an unknown id, a wrong option, a bad date.
    public static let usage: Int32 = 2
    /// A routine failed its check; nothing ran.
    public static let checkFailed: Int32 = 2
    /// A routine stopped with an error, or something could not be done.
    public static let runtimeError: Int32 = 1
    /// Ctrl-C stopped it.
    public static let interrupted: Int32 = 130
    /// Data was refused (a foreign or newer journal, a file that cannot be written).
    public static let refused: Int32 = 1
}
