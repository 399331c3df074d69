import Foundation

/// What can go wrong with the shared folder, in words for the person at the
/// terminal.
public enum TogetherError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pairing code was mistyped.
    case badPairingCode(String)
    /// The code is well formed but does not open this folder's key.
    case wrongPairingCode
    /// The folder's `couple.json` is missing, unreadable or not Tandem's.
    case notASharedFolder(String)
    /// A line of a log could not be read (a sync in progress is not one of these).
    case unreadableLine(file: String, offset: UInt64, reason: String)
    /// A file could not be written.
    case cannotWrite(String)

    /// The message.
    public var description: String {
        switch self {
        case .badPairingCode(let why): "that is not a pairing code: \(why)"
        case .wrongPairingCode: "the pairing code does not open this shared folder; check it with your partner (nothing was written)"
        case .notASharedFolder(let why): why
        case .unreadableLine(let file, let offset, let reason): "\(file) at byte \(offset): \(reason)"
        case .cannotWrite(let why): why
        }
    }
}
