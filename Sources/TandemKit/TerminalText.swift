/// Text from people and files made safe to show on a terminal.
///
/// A terminal obeys the control characters in what it is sent: ESC starts
/// sequences that clear the screen, retitle the window or write the
/// clipboard (OSC 52), CR and backspace let one line overwrite another, and
/// the C1 controls (U+0080–U+009F, such as U+009B, a one-character CSI) do
/// what ESC does on many terminals. So every string that comes from data (a
/// note, a habit title, a name, a tag, a file name, a line of a routine, an
/// id echoed in an error) passes through ``escaped(_:allowingNewlines:)``
/// before it is written, and only Tandem's own ``TextStyle`` emits escapes.
///
/// Control characters are shown, not dropped, so nothing is hidden:
///
/// | character | shown as |
/// | --- | --- |
/// | C0 controls U+0000–U+001F | caret notation: `^@`, `^A` … `^Z`, `^[` (ESC), `^\`, `^]`, `^^`, `^_`; so CR is `^M`, BEL `^G`, backspace `^H` |
/// | DEL U+007F | `^?` |
/// | C1 controls U+0080–U+009F | `\u{80}` … `\u{9F}` |
/// | bidirectional embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069 | `\u{202E}` and so on: they reorder what follows on the line, so a name could make a line read differently than it is |
///
/// Newline and tab are kept where the layout allows them
/// (`allowingNewlines: true`, for notes and messages), and shown as `^J` and
/// `^I` in one-line text (names, titles, tags, ids, file names).
public enum TerminalText {
    /// `text` with every control character shown visibly (see the table
    /// above), so that it cannot drive the terminal.
    ///
    /// - Parameters:
    ///   - text: text from data: what a person typed, or what a file holds.
    ///   - allowingNewlines: whether newline and tab are kept (a CR right
    ///     before a newline is dropped, so Windows line ends read as one
    ///     newline); otherwise they are shown as `^J` and `^I`.
    public static func escaped(_ text: some StringProtocol, allowingNewlines: Bool = false) -> String {
        guard text.utf8.contains(where: { isControlByte($0) }) else { return String(text) }
        var result = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if allowingNewlines, scalar == "\r", scalars.first == "\n" { continue }
            if !isControl(scalar) || (allowingNewlines && (scalar == "\n" || scalar == "\t")) {
                result.unicodeScalars.append(scalar)
            } else {
                result += shown(scalar)
            }
        }
        return result
    }

    /// Whether `scalar` is a control character: C0, DEL, C1, or a
    /// bidirectional embedding, override or isolate.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Why `text` cannot be a one-line field such as a name, a title or a
    /// tag: it has a newline or another control character, or more than
    /// `maximumLength` characters. `nil` when it is fine.
    ///
    /// - Parameters:
    ///   - text: the field as it would be stored.
    ///   - maximumLength: the most characters allowed.
    public static func lineProblem(_ text: some StringProtocol, maximumLength: Int = 80) -> String? {
        if text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
            return "it must be one line"
        }
        if let control = text.unicodeScalars.first(where: isControl) {
            return "it contains the control character \(shown(control)), which could drive the terminal"
        }
        if text.count > maximumLength {
            return "it is \(text.count) characters long; at most \(maximumLength) are allowed"
        }
        return nil
    }

    /// JSON text with DEL and the C1 controls written as `\u007f`, `\u009b`
    /// and so on. `JSONEncoder` escapes the C0 controls (ESC as `\u001b`)
    /// but writes DEL and C1 as they are, and a terminal may obey U+009B as
    /// a CSI; outside strings JSON is plain ASCII, so the result is the same
    /// JSON value. Use it for every `--json` output.
    ///
    /// - Parameter json: JSON text, as `JSONEncoder` writes it.
    public static func escapingJSON(_ json: String) -> String {
        guard json.utf8.contains(where: { $0 == 0x7F || $0 == 0xC2 }) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) {
                result.append(contentsOf: "\\u00\(String(scalar.value, radix: 16))".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The visible form of one control character.
    static func shown(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case ..<0x20: "^" + String(Unicode.Scalar(UInt8(scalar.value) + 0x40))
        case 0x7F: "^?"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// Whether a UTF-8 byte starts or is part of a control character: C0,
    /// DEL, the lead byte 0xC2 of U+0080–U+00BF or 0xE2 of U+2000–U+2FFF
    /// (checked exactly later).
    private static func isControlByte(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }
}

extension StringProtocol {
    /// The text on one line with every control character (newline and tab
    /// too) shown visibly: ``TerminalText/escaped(_:allowingNewlines:)``.
    /// Use it for data interpolated into output: names, titles, ids, tags.
    public var terminalSafe: String { TerminalText.escaped(self) }

    /// The text with newlines and tabs kept and every other control
    /// character shown visibly: for notes and other text that may span lines.
    public var terminalSafeLines: String { TerminalText.escaped(self, allowingNewlines: true) }
}
