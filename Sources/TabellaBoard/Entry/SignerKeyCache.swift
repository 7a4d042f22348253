import TabellaCrypto
import TabellaGroups

/// Signer keys the board has already read and validated, by their 32 bytes.
///
/// Reading an Ed25519 public key checks that it is a point of the prime-order subgroup (libsodium multiplies it
/// by the group's order), which costs about two thirds of a signature check. A board sees the same signers again
/// and again (its operators, trustees, monitors, a voter who casts and then confirms), so it validates each key
/// once: a key is taken from the cache only for exactly the bytes it was validated from. The cache is bounded:
/// when it holds ``capacity`` keys it starts again empty.
final class SignerKeyCache: Sendable {
    /// The cache every board entry read in this process uses.
    static let shared = SignerKeyCache()

    /// The most keys held.
    let capacity: Int
    private let keys = Locked<[[UInt8]: Ed25519.PublicKey]>([:])

    /// An empty cache of at most `capacity` keys.
    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// How many keys it holds.
    var count: Int { keys.withLock { $0.count } }

    /// The validated key with these bytes.
    ///
    /// - Throws: ``SignatureError`` when the bytes are not a valid key (such bytes are never cached).
    func key(_ bytes: [UInt8]) throws(SignatureError) -> Ed25519.PublicKey {
        if let key = keys.withLock({ $0[bytes] }) { return key }
        let key = try Ed25519.PublicKey(bytes: bytes)
        keys.withLock { keys in
            if keys.count >= capacity { keys.removeAll(keepingCapacity: true) }
            keys[bytes] = key
        }
        return key
    }
}
