import Crypto
import Foundation

/// One line of a device's log: a payload sealed with the couple key.
///
/// On disk a line is `{"v":1,"s":SEQ,"c":"BASE64"}` and a newline: the
/// sequence number in the clear (so a reader can tell lines apart and order
/// them) and the payload sealed with ChaCha20-Poly1305. The device id and the
/// sequence number are its associated data, so a line copied into another
/// device's log, or renumbered, no longer opens. Someone without the key
/// learns how many lines there are, their sizes and when the files changed.
public struct SealedLine: Sendable, Hashable {
    /// The writer's place in its own log: 1, 2, 3, … with no gaps.
    public var sequence: UInt64
    /// Nonce, ciphertext and tag.
    public var sealed: Data

    private struct Wire: Codable {
        var v: Int
        var s: UInt64
        var c: String
    }

    /// The associated data that binds a line to its device and position.
    static func associatedData(device: String, sequence: UInt64) -> Data {
        Data("tandem line v1|\(device)|\(sequence)".utf8)
    }

    /// Seals `payload` as line `sequence` of `device`'s log.
    public static func seal(_ payload: Data, device: String, sequence: UInt64, key: CoupleKey) throws -> SealedLine {
        let box = try ChaChaPoly.seal(payload, using: key.key, authenticating: associatedData(device: device, sequence: sequence))
        return SealedLine(sequence: sequence, sealed: box.combined)
    }

    /// Opens the line as written by `device`.
    ///
    /// - Throws: an error when the key is not the couple's, or the line was
    ///   changed or moved.
    public func open(device: String, key: CoupleKey) throws -> Data {
        let box = try ChaChaPoly.SealedBox(combined: sealed)
        return try ChaChaPoly.open(box, using: key.key, authenticating: Self.associatedData(device: device, sequence: sequence))
    }

    /// The line as it is written, with its newline.
    public var encoded: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = (try? encoder.encode(Wire(v: 1, s: sequence, c: sealed.base64EncodedString()))) ?? Data()
        data.append(0x0A)
        return data
    }

    /// Reads a line (without its newline).
    public init(decoding line: some DataProtocol) throws {
        if let fast = Self.canonical(Data(line)) {
            self = fast
            return
        }
        let wire: Wire
        do { wire = try JSONDecoder().decode(Wire.self, from: Data(line)) } catch {
            throw TogetherError.notASharedFolder("not a Tandem log line")
        }
        guard wire.v == 1 else { throw TogetherError.notASharedFolder("a log line of version \(wire.v), newer than this Tandem") }
        guard let sealed = Data(base64Encoded: wire.c) else { throw TogetherError.notASharedFolder("a log line whose payload is not base 64") }
        self.init(sequence: wire.s, sealed: sealed)
    }

    /// The line exactly as ``encoded`` writes it, `{"c":"…","s":N,"v":1}`,
    /// read without a JSON decoder (a partner's years of lines go through
    /// here); anything else is `nil` and goes to the decoder.
    static func canonical(_ line: Data) -> SealedLine? {
        line.withUnsafeBytes { raw -> SealedLine? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let head = Array(#"{"c":""#.utf8), tail = Array(#","v":1}"#.utf8), middle = Array(#"","s":"#.utf8)
            guard bytes.count > head.count + middle.count + tail.count,
                  bytes.starts(with: head), bytes.suffix(tail.count).elementsEqual(tail)
            else { return nil }
            // The base 64 text holds no quote; the sequence number follows it.
            guard let quote = bytes[head.count...].firstIndex(of: 0x22),
                  bytes[quote...].starts(with: middle)
            else { return nil }
            let digits = bytes[(quote + middle.count)..<(bytes.count - tail.count)]
            guard !digits.isEmpty, digits.count <= 19, digits.allSatisfy({ (0x30...0x39).contains($0) }),
                  let sequence = UInt64(String(decoding: digits, as: UTF8.self)),
                  let sealed = Data(base64Encoded: Data(bytes[head.count..<quote]))
            else { return nil }
            return SealedLine(sequence: sequence, sealed: sealed)
        }
    }

    /// Creates a line from its parts.
    public init(sequence: UInt64, sealed: Data) {
        self.sequence = sequence
        self.sealed = sealed
    }
}
