import TabellaCrypto
import Testing

@testable import TabellaBoard

/// The cache of validated signer keys: it returns only keys validated from the same bytes, never caches an
/// invalid key, and stays within its capacity.
struct SignerKeyCacheTests {
    @Test func returnsTheKeyValidatedFromTheSameBytes() throws {
        let cache = SignerKeyCache(capacity: 8)
        let key = Ed25519.PrivateKey().publicKey
        #expect(try cache.key(key.bytes) == key)
        #expect(try cache.key(key.bytes) == key)
        #expect(cache.count == 1)
        let other = Ed25519.PrivateKey().publicKey
        #expect(try cache.key(other.bytes) == other)
        #expect(cache.count == 2)
    }

    @Test func neverCachesAnInvalidKey() {
        let cache = SignerKeyCache(capacity: 8)
        // A point of order 8 (RFC 8032 small-order encodings): not in the prime-order subgroup.
        var smallOrder = [UInt8](repeating: 0, count: 32)
        smallOrder[0] = 0x01
        for _ in 0..<2 {
            #expect(throws: SignatureError.self) { try cache.key(smallOrder) }
        }
        #expect(throws: SignatureError.self) { try cache.key([UInt8](repeating: 7, count: 31)) }
        #expect(cache.count == 0)
    }

    @Test func staysWithinItsCapacity() throws {
        let cache = SignerKeyCache(capacity: 3)
        let keys = (0..<7).map { _ in Ed25519.PrivateKey().publicKey }
        for key in keys {
            #expect(try cache.key(key.bytes) == key)
            #expect(cache.count <= 3)
        }
        #expect(try cache.key(keys[0].bytes) == keys[0])
    }

    @Test func boardEntriesReadThroughItStillRefuseBadSigners() throws {
        let author = Ed25519.PrivateKey()
        let entry = try BoardEntry(type: "note", election: "e1", payload: [1, 2, 3], signedBy: author)
        var bytes = entry.encoded
        #expect(try BoardEntry(decoding: bytes) == entry)
        let signerStart = bytes.count - 64 - 32
        bytes.replaceSubrange(signerStart..<signerStart + 32, with: [1] + [UInt8](repeating: 0, count: 31))
        #expect(throws: BoardError.self) { try BoardEntry(decoding: bytes) }
    }
}
