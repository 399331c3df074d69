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
    public init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    /// The message.
    public var description: String { message }
}
