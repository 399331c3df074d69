import Foundation

/// Laying text out in columns: paragraphs wrapped to a width.
public enum TextLayout {
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
