import Foundation

/// The code one partner reads to the other to pair two machines.
///
/// 25 characters from a 32-letter alphabet (Crockford's base 32: digits and
/// capitals without I, L, O and U), so 125 bits of chance: far more than an
/// offline guesser with a copy of the shared folder can try, even with a
/// slow key derivation in the way. Written in five groups of five
/// (`7KQ2M-XP3AD-…`); typed back in any case, with or without the dashes and
/// spaces, and `O`, `I`, `L` read as `0`, `1`, `1`.
public struct PairingCode: Sendable, Hashable, CustomStringConvertible {
    /// The alphabet, in the order of the values 0…31.
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// How many characters a code has.
    public static let length = 25
    /// The bits of chance in a code.
    public static let entropyBits = length * 5

    /// The characters, without separators.
    public let characters: String

    /// A new code from the system's secure random generator.
    public static func generate() -> PairingCode {
        var generator = SystemRandomNumberGenerator()
        let characters = String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
        return PairingCode(unchecked: characters)
    }

    private init(unchecked characters: String) { self.characters = characters }

    /// Reads a code as a person types it.
    ///
    /// - Throws: ``TogetherError/badPairingCode(_:)`` when it has the wrong
    ///   length or a character outside the alphabet.
    public init(parsing text: String) throws(TogetherError) {
        var characters = ""
        for character in text.uppercased() {
            switch character {
            case " ", "-", "\t", "\n", "\r": continue
            case "O": characters.append("0")
            case "I", "L": characters.append("1")
            default:
                guard Self.alphabet.contains(character) else {
                    throw .badPairingCode("'\(character)' is not in a pairing code (it uses 0-9 and A-Z without I, L, O, U)")
                }
                characters.append(character)
            }
        }
        guard characters.count == Self.length else {
            throw .badPairingCode("a pairing code has \(Self.length) characters, not \(characters.count)")
        }
        self.characters = characters
    }

    /// The code in five groups of five, as it is shown.
    public var description: String {
        stride(from: 0, to: characters.count, by: 5).map { start in
            let from = characters.index(characters.startIndex, offsetBy: start)
            return String(characters[from..<characters.index(from, offsetBy: 5)])
        }.joined(separator: "-")
    }
}
