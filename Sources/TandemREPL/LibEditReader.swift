import CLineEditor
import Foundation
import Synchronization

/// A ``LineReader`` on libedit: emacs key bindings, history (↑ brings back a
/// multi-line entry whole), context-aware Tab completion, and Ctrl-C that
/// abandons the line instead of killing the process.
///
/// Create one per session, on a terminal, and use it from one thread.
public final class LibEditReader: LineReader, @unchecked Sendable {
    // @unchecked: libedit's state is touched only from the REPL's thread
    // (the C callbacks run inside `el_gets` on that thread).
    private let editor: OpaquePointer
    private let libeditHistory: OpaquePointer
    private var prompt: UnsafeMutablePointer<CChar>?
    private var store: HistoryStore
    private let historyURL: URL?
    /// Computes completions for the text before the cursor; the flag tells
    /// whether the line continues a multi-line input.
    private let completer: (String, Bool) -> Completion
    private var isContinuation = false

    /// Whether the last history save failed (reported once).
    public private(set) var historyProblem: String?

    /// Creates a reader on standard input.
    ///
    /// - Parameters:
    ///   - historyURL: the history file, loaded now and saved after each entry.
    ///   - historyLimit: the most entries kept.
    ///   - completer: the completion for the text before the cursor.
    public init(historyURL: URL?, historyLimit: Int = 1000, completer: @escaping (String, Bool) -> Completion) {
        _ = tandem_ensure_utf8_ctype()
        editor = tandem_el_init("tandem")
        libeditHistory = tandem_history_init(Int32(historyLimit))
        self.historyURL = historyURL
        self.completer = completer
        store = historyURL.map { HistoryStore.load(from: $0, limit: historyLimit) } ?? HistoryStore(limit: historyLimit)
        for entry in store.entries { tandem_history_enter(libeditHistory, entry) }

        tandem_el_set_signal(editor, 0)
        tandem_el_set_editor(editor, "emacs")
        tandem_el_set_history(editor, libeditHistory)
        tandem_el_use_interruptible_reader(editor)
        tandem_el_set_prompt(editor) { editor in
            guard let editor, let data = tandem_el_get_clientdata(editor) else { return nil }
            let reader = Unmanaged<LibEditReader>.fromOpaque(data).takeUnretainedValue()
            return reader.prompt
        }
        tandem_el_set_addfn(editor, "tandem-complete", "Complete the word before the cursor") { editor, _ in
            guard let editor, let data = tandem_el_get_clientdata(editor) else { return UInt8(CC_ERROR) }
            return Unmanaged<LibEditReader>.fromOpaque(data).takeUnretainedValue().complete()
        }
        tandem_el_bind(editor, "^I", "tandem-complete")
        // Searching history with Ctrl-R, as in bash.
        tandem_el_bind(editor, "^R", "em-inc-search-prev")
        tandem_el_bind_quiet_eof(editor)
        tandem_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        tandem_el_end(editor)
        tandem_history_end(libeditHistory)
        free(prompt)
    }

    /// Always interactive.
    public var isInteractive: Bool { true }

    /// The terminal's width.
    public var width: Int {
        let columns = Int(tandem_terminal_width(STDOUT_FILENO))
        return columns > 0 ? columns : 80
    }

    /// Edits one line. Returns ``LineReadResult/interrupted`` on Ctrl-C and
    /// ``LineReadResult/endOfInput`` on Ctrl-D at an empty line.
    public func readLine(prompt text: String) -> LineReadResult {
        free(prompt)
        prompt = strdup(text)
        isContinuation = text.hasPrefix(" ") || text.hasPrefix(".")
        _ = tandem_take_interrupts()
        var count: Int32 = 0
        let line = tandem_el_gets(editor, &count)
        if tandem_take_interrupts() > 0 {
            FileHandle.standardOutput.write(Data("^C\n".utf8))
            return .interrupted
        }
        guard let line, count > 0 else {
            FileHandle.standardOutput.write(Data("\n".utf8))
            return .endOfInput
        }
        var result = String(cString: line)
        if result.hasSuffix("\n") { result.removeLast() }
        return .line(result)
    }

    /// Adds a complete input to the history and saves the history file.
    public func addHistory(_ entry: String) {
        guard store.add(entry), let last = store.entries.last else { return }
        tandem_history_enter(libeditHistory, last)
        guard let historyURL else { return }
        do {
            try HistoryStore.append(last, to: historyURL, limit: store.limit)
        } catch {
            if historyProblem == nil {
                historyProblem = "\(error)"
                FileHandle.standardError.write(Data("tandem: warning: history not saved: \(error)\n".utf8))
            }
        }
    }

    /// The history, oldest first.
    public var history: [String] { store.entries }

    private func complete() -> UInt8 {
        var buffer: UnsafePointer<CChar>?
        var total: Int32 = 0
        let cursor = Int(tandem_el_line(editor, &buffer, &total))
        guard let buffer else { return UInt8(CC_ERROR) }
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: cursor), as: UTF8.self)
        let currentLine = before.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? before
        if currentLine.allSatisfy({ $0 == " " || $0 == "\t" }) {
            tandem_el_insertstr(editor, "  ")
            return UInt8(CC_REFRESH)
        }
        let completion = completer(currentLine, isContinuation || before.contains("\n"))
        if !completion.insertion.isEmpty {
            tandem_el_insertstr(editor, completion.insertion)
        }
        switch completion.candidates.count {
        case 0:
            return UInt8(CC_REFRESH_BEEP)
        case 1:
            return UInt8(CC_REFRESH)
        default:
            if !completion.insertion.isEmpty { return UInt8(CC_REFRESH) }
            let listing = ColumnLayout.render(completion.candidates.map(\.terminalSafe), width: width)
            FileHandle.standardOutput.write(Data(("\n" + listing).utf8))
            return UInt8(CC_REDISPLAY)
        }
    }
}
