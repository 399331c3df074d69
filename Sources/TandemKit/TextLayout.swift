import Foundation

/// Laying text out in columns: paragraphs wrapped to a width.
public enum TextLayout {
    /// How many terminal columns `text` takes: ANSI escape sequences take
    /// none, wide characters (CJK, most emoji) two, combining marks none.
    public static func columns(_ text: some StringProtocol) -> Int {
        removingEscapes(text).reduce(0) { $0 + columns(of: $1) }
    }

    /// The text without its ANSI escape sequences (`ESC [ … m` and the like).
    public static func removingEscapes(_ text: some StringProtocol) -> String {
        guard text.contains("\u{1B}") else { return String(text) }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else { result.append(scalar); continue }
            switch scalars.next() {
            case "["?:
                // A control sequence ends at its first byte in @…~.
                while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
            case "]"?:
                // An operating system command ends at BEL or ESC \.
                while let next = scalars.next(), next != "\u{07}", next != "\u{1B}" {}
            default:
                break
            }
        }
        return String(result)
    }

    /// `text` followed by spaces up to `width` columns (as ``columns(_:)``
    /// counts them); text already that wide is returned as it is.
    public static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - columns(text)))
    }

    /// The columns one character takes: 0, 1 or 2.
    static func columns(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        return isWide(first) ? 2 : 1
    }

    /// Whether a scalar is East Asian Wide or Fullwidth.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Wraps a paragraph at word boundaries so no line is wider than `width`
    /// columns (unless a single word is): the first line starts with
    /// `indent`, the others with `hanging` (default: as many spaces as
    /// `indent` is wide).
    ///
    /// Widths are counted as ``columns(_:)`` counts them, so colour escapes
    /// take no room and wide characters two columns. Words that stay on one
    /// line keep the spaces between them (so `title  cadence` keeps its two);
    /// a newline in `text` always starts a new line.
    public static func wrap(_ text: String, width: Int, indent: String = "", hanging: String? = nil) -> [String] {
        let rest = hanging ?? String(repeating: " ", count: columns(indent))
        var lines: [String] = []
        var line = indent
        var used = columns(indent)
        var lineHasWord = false
        func startLine() {
            lines.append(line)
            line = rest
            used = columns(rest)
            lineHasWord = false
        }
        for (number, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if number > 0 { startLine() }
            var gap = 0
            for piece in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                if piece.isEmpty { gap += 1; continue }
                let spaces = lineHasWord ? gap + 1 : 0
                let wordWidth = columns(piece)
                if lineHasWord, used + spaces + wordWidth > width {
                    startLine()
                    line += piece
                    used += wordWidth
                } else {
                    line += String(repeating: " ", count: spaces) + piece
                    used += spaces + wordWidth
                }
                lineHasWord = true
                gap = 0
            }
        }
        lines.append(line)
        return lines
    }

    /// ``wrap(_:width:indent:hanging:)``'s lines as text, each line passed
    /// through `styling` (such as ``TextStyle/dim(_:)``, so every line
    /// carries its own escapes) and ending in a newline.
    public static func paragraph(
        _ text: String, width: Int, indent: String = "", hanging: String? = nil, styling: (String) -> String = { $0 }
    ) -> String {
        wrap(text, width: width, indent: indent, hanging: hanging).map { styling($0) + "\n" }.joined()
    }
}
