import Crypto
import Foundation

/// An answer to the day's question, sealed until both partners have
/// answered: commit and reveal, with no server.
///
/// The answer is encrypted with a key of its own, and a commitment (a
/// SHA-256 of the answer with a random nonce) goes with it. The key and
/// nonce are shared only once the partner's own commitment has arrived, so
/// neither can read the other's answer first, and neither can change an
/// answer afterwards (the commitment would no longer match).
///
/// What it does not protect against: a modified Tandem that commits to a
/// throwaway answer to read the partner's, or a partner who reads the
/// journal of the other's machine.
public struct SealedAnswer: Sendable, Hashable {
    /// The commitment, hex: SHA-256 of the context, the nonce and the text.
    public var commitment: String
    /// The answer encrypted (ChaCha20-Poly1305) with ``key``.
    public var sealed: Data
    /// The answer's own key (32 bytes): stays on the device until the reveal.
    public var key: Data
    /// The commitment's nonce (16 bytes): revealed with the key.
    public var nonce: Data

    static func context(author: String, day: String) -> String { "tandem answer v1|\(author)|\(day)" }

    static func commitment(_ text: String, nonce: Data, author: String, day: String) -> String {
        var hash = SHA256()
        hash.update(data: Data((context(author: author, day: day) + "|").utf8))
        hash.update(data: nonce)
        hash.update(data: Data(text.utf8))
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Seals `text` as `author`'s answer for `day`.
    public static func seal(_ text: String, author: String, day: String) throws -> SealedAnswer {
        let key = SymmetricKey(size: .bits256)
        var generator = SystemRandomNumberGenerator()
        let nonce = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let box = try ChaChaPoly.seal(Data(text.utf8), using: key, authenticating: Data(context(author: author, day: day).utf8))
        return SealedAnswer(
            commitment: commitment(text, nonce: nonce, author: author, day: day), sealed: box.combined,
            key: key.withUnsafeBytes { Data($0) }, nonce: nonce)
    }

    /// Opens a partner's answer with the revealed key and nonce, and checks
    /// it against the commitment they made before seeing mine.
    ///
    /// - Throws: ``TogetherError/unreadableLine(file:offset:reason:)`` when
    ///   it does not open or does not match its commitment.
    public static func open(sealed: Data, commitment expected: String, key: Data, nonce: Data, author: String, day: String) throws -> String {
        let failure = TogetherError.unreadableLine(file: "the answer of \(day)", offset: 0, reason: "it does not match what was committed")
        guard key.count == 32,
              let box = try? ChaChaPoly.SealedBox(combined: sealed),
              let bytes = try? ChaChaPoly.open(box, using: SymmetricKey(data: key), authenticating: Data(context(author: author, day: day).utf8)),
              let text = String(data: bytes, encoding: .utf8)
        else { throw failure }
        guard commitment(text, nonce: nonce, author: author, day: day) == expected else { throw failure }
        return text
    }
}
