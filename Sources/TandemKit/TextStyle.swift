/// Emphasis and colour for terminal output.
///
/// Every method returns its text unchanged when styling is off, so output
/// stays readable in pipes, files and with `NO_COLOR` set.
public struct TextStyle: Sendable, Hashable {
    /// Whether ANSI escapes are written.
    public var isEnabled: Bool

    /// No styling.
    public static let plain = TextStyle(isEnabled: false)
    /// ANSI styling.
    public static let ansi = TextStyle(isEnabled: true)

    /// Creates a style.
    public init(isEnabled: Bool) { self.isEnabled = isEnabled }

    /// The colours used.
    public enum Color: Int, Sendable {
        /// Red, for errors.
        case red = 31
        /// Green, for what went well.
        case green = 32
        /// Yellow, for warnings and what is at risk.
        case yellow = 33
        /// Blue.
        case blue = 34
        /// Magenta, for headings.
        case magenta = 35
        /// Cyan, for ids.
        case cyan = 36
    }

    /// Bold text.
    public func bold(_ text: String) -> String { wrap(text, "1") }
    /// Dim text, for what matters less.
    public func dim(_ text: String) -> String { wrap(text, "2") }
    /// Coloured text.
    public func color(_ text: String, _ color: Color) -> String { wrap(text, String(color.rawValue)) }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
