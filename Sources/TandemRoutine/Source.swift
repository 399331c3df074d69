/// One file (or one chunk typed at the REPL) of routine-language source.
///
/// Offsets in a ``SourceRange`` count UTF-8 bytes from the start of ``text``.
public final class SourceFile: Sendable {
    /// The name diagnostics show: the path as the user gave it, or `<repl>`.
    public let name: String
    /// The source text.
    public let text: String
    /// The text as UTF-8 bytes, which the lexer scans.
    let bytes: [UInt8]
    /// Byte offsets at which each line starts.
    let lineStarts: [Int]

    /// Creates a source file from its name and text.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, bytes.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        let prefix = String(decoding: bytes[start..<offset], as: UTF8.self)
        return (low + 1, prefix.count + 1)
    }

    /// The text of a 1-based line, without its newline.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text of a range.
    public func text(of range: SourceRange) -> String {
        let start = max(0, min(Int(range.start), bytes.count))
        let end = max(start, min(Int(range.end), bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A stretch of source: a file and a half-open range of UTF-8 byte offsets.
public struct SourceRange: Sendable, Hashable {
    /// The file.
    public let file: SourceFile
    /// The first byte.
    public let start: Int32
    /// One past the last byte.
    public let end: Int32

    /// Creates a range.
    public init(file: SourceFile, start: Int, end: Int) {
        self.file = file
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: max(start, end))
    }

    /// The range from the start of this one to the end of another.
    func to(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: Int(start), end: Int(max(end, other.end)))
    }

    /// The 1-based line and column where the range starts.
    public var location: (line: Int, column: Int) { file.location(of: Int(start)) }

    /// `file:line:col`.
    public var description: String {
        let (line, column) = location
        return "\(file.name):\(line):\(column)"
    }

    public static func == (a: SourceRange, b: SourceRange) -> Bool {
        a.file === b.file && a.start == b.start && a.end == b.end
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(file))
        hasher.combine(start)
        hasher.combine(end)
    }
}

/// A problem found in source before it runs, or while it runs.
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable {
        /// Nothing runs.
        case error
        /// Worth knowing; does not stop a run.
        case warning
    }

    /// How bad the problem is.
    public var severity: Severity
    /// What is wrong, in one line.
    public var message: String
    /// Where.
    public var range: SourceRange
    /// A suggestion, printed as `  hint: …`.
    public var hint: String?
    /// For runtime errors: the routine calls that led here, innermost first,
    /// as `(routine name, where it was called)`.
    public var callChain: [(routine: String, call: SourceRange)] = []

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, _ message: String, at range: SourceRange, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.range = range
        self.hint = hint
    }

    /// The 1-based line of the start of the range.
    public var line: Int { range.location.line }
    /// The 1-based column of the start of the range.
    public var column: Int { range.location.column }

    /// The diagnostic as it prints: `file:line:col: error: message`, the
    /// source line, a caret and tildes under the range, the hint, and the
    /// chain of routine calls.
    public var description: String { rendered() }

    /// Renders the diagnostic; `colored` colours it on a terminal.
    ///
    /// The file name, the message, the source line and the hint are shown
    /// ``TerminalText``-escaped: a routine file from elsewhere cannot drive
    /// the terminal through its diagnostics. The caret stands under the
    /// escaped text. A source line wider than `width` columns is cut around
    /// the caret, with `…` where text was left out.
    public func rendered(colored: Bool = false, width: Int? = nil) -> String {
        let (line, column) = range.location
        let sourceLine = Array(range.file.line(line))
        func paint(_ text: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func shown(_ characters: ArraySlice<Character>) -> String {
            // Tabs become one space so the caret below lines up.
            String(characters).replacingOccurrences(of: "\t", with: " ").terminalSafe
        }
        var out = paint("\(range.file.name.terminalSafe):\(line):\(column): ", "1")
            + paint("\(severity.rawValue):", severity == .error ? "1;31" : "1;35") + " " + paint(message.terminalSafeLines, "1") + "\n"
        // Underline within the first line of the range.
        let endLocation = range.file.location(of: Int(range.end))
        let endColumn = endLocation.line == line ? endLocation.column : sourceLine.count + 1
        let start = min(max(0, column - 1), sourceLine.count)
        let end = min(max(start, endColumn - 1), sourceLine.count)
        let before = shown(sourceLine[..<start]), marked = shown(sourceLine[start..<end])
        let indent = "    "
        let cut = Diagnostic.cut(
            before + marked + shown(sourceLine[end...]), caret: before.count, length: max(1, marked.count),
            to: width.map { $0 - indent.count })
        out += indent + cut.line + "\n"
        out += indent + String(repeating: " ", count: max(0, cut.caret))
            + paint("^" + String(repeating: "~", count: cut.length - 1), "1;32") + "\n"
        if let hint { out += "  hint: \(hint.terminalSafeLines)\n" }
        for (routine, call) in callChain {
            if call.start == 0 && call.end == 0 {
                out += "  in \(routine.terminalSafe)()\n"
            } else {
                out += "  in \(routine.terminalSafe)(), called at \(call.description.terminalSafe)\n"
            }
        }
        return out
    }
}

extension Diagnostic {
    /// The part of `line` that fits in `columns` (all of it when it fits or
    /// no width is known), with the caret's place and the underline's
    /// length in it: a window around the caret, `…` marking each cut end.
    static func cut(_ line: String, caret: Int, length: Int, to columns: Int?) -> (line: String, caret: Int, length: Int) {
        let characters = Array(line)
        // Narrower than 20 columns there is nothing useful to cut to.
        guard let columns, characters.count > columns, columns >= 20 else { return (line, caret, length) }
        let room = columns - 2
        // The caret a third of the way in, so that what follows it shows.
        let start = max(0, min(caret - room / 3, characters.count - room))
        let end = min(characters.count, start + room)
        let before = start > 0 ? "…" : "", after = end < characters.count ? "…" : ""
        let shownCaret = caret - start + before.count
        return (before + String(characters[start..<end]) + after, shownCaret,
                max(1, min(length, end - max(caret, start))))
    }
}

/// A list of diagnostics, thrown when checking finds problems.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// Every problem, in source order.
    public var diagnostics: [Diagnostic]
    /// Creates a list.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// All of them, rendered.
    public var description: String { diagnostics.map(\.description).joined() }
}
