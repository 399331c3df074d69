import ArgumentParser

/// Whole numbers given to options such as `--seed`, `--days` or `--connection`.
///
/// swift-argument-parser reads `-1` after an option as another flag and
/// reports "Missing value for '--seed <seed>'". Declare every numeric
/// option with `parsing: .unconditional` and this transform, so the word
/// after the option is always its value and a bad one is named:
///
/// ```swift
/// @Option(parsing: .unconditional, help: "…", transform: NumberOption.whole)
/// var seed: UInt64?
/// ```
///
/// A negative value of a signed option parses, so the command's own range
/// check can say what it must be (`--days must be 1 to 60, not -3`).
public enum NumberOption {
    /// The whole number `text` spells, or an error saying why it is not one
    /// of this type (swift-argument-parser prefixes the option and value).
    public static func whole<Number: FixedWidthInteger>(_ text: String) throws -> Number {
        if let value = Number(text) { return value }
        let negative = text.hasPrefix("-")
        let digits = negative || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw NumberOptionError(reason: "it must be a whole number")
        }
        // A whole number the type cannot hold: too small or too large.
        if negative { throw NumberOptionError(reason: "it must be \(Number.min) or more") }
        throw NumberOptionError(reason: "it must be at most \(Number.max)")
    }
}

/// Why an option's value is not a whole number it can take.
public struct NumberOptionError: Error, Sendable, CustomStringConvertible {
    /// "it must be …".
    public var reason: String
    /// The reason.
    public var description: String { reason }
}
