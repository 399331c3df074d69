import Crypto
import CryptoExtras
import Foundation

/// The key every line in the shared folder is sealed with, and its wrapping.
///
/// The couple key is 256 random bits, made once by the partner who sets the
/// folder up. The folder keeps it only wrapped: sealed (AES-GCM) with a key
/// derived from the pairing code by scrypt, with a random salt. The code
/// itself is never written anywhere, so a copy of the folder opens only to
/// someone who has the code, and every guess costs a scrypt derivation.
public struct CoupleKey: Sendable {
    /// The key.
    public let key: SymmetricKey

    /// A new random key.
    public static func generate() -> CoupleKey { CoupleKey(key: SymmetricKey(size: .bits256)) }

    /// Wraps an existing key.
    public init(key: SymmetricKey) { self.key = key }

    /// scrypt's cost: 2^15 rounds of 8-block mixing, 32 MiB and about a tenth
    /// of a second per guess here.
    public struct Cost: Sendable, Codable, Hashable {
        /// The rounds (N), a power of two.
        public var rounds: Int
        /// The block size (r).
        public var blockSize: Int
        /// The parallelism (p).
        public var parallelism: Int

        /// The cost of new folders.
        public static let standard = Cost(rounds: 1 << 15, blockSize: 8, parallelism: 1)

        /// Creates a cost.
        public init(rounds: Int, blockSize: Int, parallelism: Int) {
            self.rounds = rounds
            self.blockSize = blockSize
            self.parallelism = parallelism
        }
    }

    /// The key derived from a pairing code.
    static func wrappingKey(for code: PairingCode, salt: Data, cost: Cost) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Array(code.characters.utf8), salt: salt, outputByteCount: 32,
            rounds: cost.rounds, blockSize: cost.blockSize, parallelism: cost.parallelism,
            maxMemory: 128 * cost.rounds * cost.blockSize * (cost.parallelism + 1) + (1 << 20))
    }

    /// This key sealed with the key derived from `code`.
    public func wrapped(with code: PairingCode, cost: Cost = .standard) throws -> WrappedCoupleKey {
        var salt = Data(count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: 0...255, using: &generator) }
        let wrapping = try Self.wrappingKey(for: code, salt: salt, cost: cost)
        let sealed = try AES.GCM.seal(key.withUnsafeBytes { Data($0) }, using: wrapping, authenticating: Data(WrappedCoupleKey.label.utf8))
        return WrappedCoupleKey(salt: salt, cost: cost, sealed: sealed.combined!)
    }
}

/// The couple key as the folder keeps it: sealed with a key derived from the
/// pairing code.
public struct WrappedCoupleKey: Sendable, Codable, Hashable {
    /// What the sealed key is bound to, so it cannot be taken for another
    /// kind of secret.
    static let label = "tandem couple key v1"

    /// scrypt's salt.
    public var salt: Data
    /// scrypt's cost.
    public var cost: CoupleKey.Cost
    /// The key, sealed (nonce, ciphertext and tag).
    public var sealed: Data

    /// Opens the key with a pairing code.
    ///
    /// - Throws: ``TogetherError/wrongPairingCode`` when the code is not the one it was wrapped with.
    public func unwrap(with code: PairingCode) throws -> CoupleKey {
        let wrapping: SymmetricKey
        do { wrapping = try CoupleKey.wrappingKey(for: code, salt: salt, cost: cost) } catch {
            throw TogetherError.notASharedFolder("the shared folder's key settings cannot be used: \(error)")
        }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            let bytes = try AES.GCM.open(box, using: wrapping, authenticating: Data(Self.label.utf8))
            guard bytes.count == 32 else { throw TogetherError.notASharedFolder("the shared folder's key has the wrong size") }
            return CoupleKey(key: SymmetricKey(data: bytes))
        } catch let error as TogetherError {
            throw error
        } catch {
            throw TogetherError.wrongPairingCode
        }
    }
}
