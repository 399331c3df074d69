import Foundation

/// Laying text out for a terminal: its width, and paragraphs wrapped to it.
public enum TextLayout {
    /// The width of the terminal on `fileDescriptor` in columns: from the
    /// terminal itself, else `COLUMNS`, else 80.
    public static func terminalWidth(
        fileDescriptor: Int32 = STDOUT_FILENO,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int {
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// The width prose reads best at here: the terminal's, at most 100 columns.
    public static var readingWidth: Int { min(terminalWidth(), 100) }

    /// Wraps a paragraph at word boundaries so no line is longer than `width`
    /// (unless a single word is): the first line starts with `indent`, the
    /// others with `hanging` (default: as many spaces as `indent`).
    public static func wrap(_ text: String, width: Int, indent: String = "", hanging: String? = nil) -> [String] {
        let rest = hanging ?? String(repeating: " ", count: indent.count)
        var lines: [String] = []
        var line = indent
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}
