import Foundation
import Synchronization
import TandemKit

/// What one read from a ``LineReader`` gave.
public enum LineReadResult: Sendable, Hashable {
    /// A line (or, recalled from history, several lines), without the final newline.
    case line(String)
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfInput
}

/// Where the REPL's input comes from: libedit on a terminal, or a pipe,
/// a file, or a script in tests.
public protocol LineReader: AnyObject, Sendable {
    /// Whether a person is typing (prompts, line editing, history).
    var isInteractive: Bool { get }
    /// Shows the prompt (when interactive) and reads one line.
    func readLine(prompt: String) -> LineReadResult
    /// Records a complete input in the history (a no-op for non-interactive readers).
    func addHistory(_ entry: String)
    /// The history, oldest first.
    var history: [String] { get }
    /// The terminal's width in columns (80 when unknown).
    var width: Int { get }
}

extension LineReader {
    /// No history by default.
    public func addHistory(_ entry: String) {}
    /// No history by default.
    public var history: [String] { [] }
    /// 80 columns by default.
    public var width: Int { 80 }
}

/// Lines given in advance: for tests.
public final class ScriptedLineReader: LineReader {
    private let state: Mutex<(results: [LineReadResult], prompts: [String], history: HistoryStore)>
    /// Whether to behave as a terminal (prompts are recorded either way).
    public let isInteractive: Bool
    /// The width reported.
    public let width: Int

    /// Creates a reader returning `results` in order, then ``LineReadResult/endOfInput``.
    public init(_ results: [LineReadResult], isInteractive: Bool = true, width: Int = 80) {
        state = Mutex((results, [], HistoryStore()))
        self.isInteractive = isInteractive
        self.width = width
    }

    /// Creates a reader returning these lines in order.
    public convenience init(lines: [String], isInteractive: Bool = true, width: Int = 80) {
        self.init(lines.map { .line($0) }, isInteractive: isInteractive, width: width)
    }

    /// The next result.
    public func readLine(prompt: String) -> LineReadResult {
        state.withLock { state in
            state.prompts.append(prompt)
            return state.results.isEmpty ? .endOfInput : state.results.removeFirst()
        }
    }

    /// Every prompt shown so far.
    public var prompts: [String] { state.withLock { $0.prompts } }
    /// Records the entry.
    public func addHistory(_ entry: String) { state.withLock { _ = $0.history.add(entry) } }
    /// The recorded entries.
    public var history: [String] { state.withLock { $0.history.entries } }
}

/// Lines from a file descriptor (standard input when it is a pipe or a file),
/// without prompts or line editing.
public final class StreamLineReader: LineReader {
    private let buffer = Mutex<(bytes: [UInt8], atEnd: Bool)>(([], false))
    private let descriptor: Int32

    /// Creates a reader of `descriptor`.
    public init(descriptor: Int32 = STDIN_FILENO) { self.descriptor = descriptor }

    /// Never interactive.
    public var isInteractive: Bool { false }

    /// Reads up to the next newline; the prompt is not shown.
    public func readLine(prompt: String) -> LineReadResult {
        buffer.withLock { state in
            while true {
                if let newline = state.bytes.firstIndex(of: UInt8(ascii: "\n")) {
                    var line = Array(state.bytes[..<newline])
                    state.bytes.removeSubrange(...newline)
                    if line.last == UInt8(ascii: "\r") { line.removeLast() }
                    return .line(String(decoding: line, as: UTF8.self))
                }
                if state.atEnd {
                    guard !state.bytes.isEmpty else { return .endOfInput }
                    let line = state.bytes
                    state.bytes.removeAll()
                    return .line(String(decoding: line, as: UTF8.self))
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { state.atEnd = true } else { state.bytes += chunk[..<count] }
            }
        }
    }
}

/// TandemKit's ``LineInput`` over a ``LineReader``, so that `ask` and
/// `practice` read their answers through the REPL's line editor.
public final class ReaderLineInput: LineInput {
    private let reader: any LineReader
    private let onInterrupt: @Sendable () -> Void

    /// Creates an input reading from `reader`; `onInterrupt` runs when Ctrl-C
    /// abandons an answer.
    public init(_ reader: any LineReader, onInterrupt: @escaping @Sendable () -> Void = {}) {
        self.reader = reader
        self.onInterrupt = onInterrupt
    }

    /// Whether the reader is a terminal.
    public var isInteractive: Bool { reader.isInteractive }

    /// One answer, or `nil` at the end of input or on Ctrl-C.
    public func readLine(prompt: String) -> String? {
        switch reader.readLine(prompt: prompt) {
        case .line(let text): return text
        case .interrupted:
            onInterrupt()
            return nil
        case .endOfInput: return nil
        }
    }
}

/// The answers to `ask` and `practice` when the REPL reads a script from a
/// pipe: the script's next line is the answer, as `tandem run` reads piped
/// answers. That is on purpose (a script can answer its own questions), but
/// it surprises someone who pipes a script that asks: the first answer read
/// says so once on the error stream, with the answer it took.
public final class PipedAnswerInput: LineInput {
    private let base: any LineInput
    private let errors: any TextOutput
    private let warned = Mutex(false)

    /// Creates an input that reads from `base` and warns on `errors`.
    public init(_ base: any LineInput, errors: any TextOutput) {
        self.base = base
        self.errors = errors
    }

    /// Never a terminal: answers come from the script.
    public var isInteractive: Bool { false }

    /// The script's next line, after the one warning.
    public func readLine(prompt: String) -> String? {
        let answer = base.readLine(prompt: prompt)
        let first = warned.withLock { warned in
            defer { warned = true }
            return !warned
        }
        if first {
            let taken = answer.map { "'\($0)'" } ?? "nothing (the input ended)"
            errors.write("tandem: note: input is not a terminal, so a question takes the next line of the script as its answer: \(taken)\n")
        }
        return answer
    }
}
