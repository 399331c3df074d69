import Foundation
import Synchronization

/// Somewhere text is written.
public protocol TextOutput: Sendable {
    /// Writes the text as it is (add your own newlines).
    func write(_ text: String)
}

/// Somewhere lines of input come from.
public protocol LineInput: Sendable {
    /// Whether a person is typing at a terminal (so questions may be asked
    /// again after a bad answer), rather than lines coming from a pipe or file.
    var isInteractive: Bool { get }
    /// Shows the prompt (on a terminal) and reads one line without its newline;
    /// `nil` at the end of input.
    func readLine(prompt: String) -> String?
}

/// Standard output or standard error.
public struct StandardOutput: TextOutput {
    private let handle: FileHandle
    /// Standard output.
    public static let stdout = StandardOutput(handle: .standardOutput)
    /// Standard error.
    public static let stderr = StandardOutput(handle: .standardError)
    /// Writes to the stream.
    public func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}

/// Collects output in memory: for tests.
public final class CapturedOutput: TextOutput {
    private let buffer = Mutex("")
    /// Creates an empty capture.
    public init() {}
    /// Appends the text.
    public func write(_ text: String) { buffer.withLock { $0 += text } }
    /// Everything written so far.
    public var text: String { buffer.withLock { $0 } }
}

/// Answers given in advance: for tests and scripts.
public final class ScriptedInput: LineInput {
    private let lines: Mutex<[String]>
    /// Creates an input that returns these lines in order, then `nil`.
    public init(_ lines: [String]) { self.lines = Mutex(lines) }
    /// Never interactive.
    public var isInteractive: Bool { false }
    /// The next line, or `nil` when none are left.
    public func readLine(prompt: String) -> String? {
        lines.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}
