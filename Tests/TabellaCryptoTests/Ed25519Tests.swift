import Testing
import TabellaCrypto
import TabellaGroups

@Suite("Ed25519 signatures")
struct Ed25519Tests {
    @Test("a signature verifies under its key and fails on another message or key")
    func signAndVerify() throws {
        let key = Ed25519.PrivateKey()
        let message = Array("tabella".utf8)
        let signature = key.signature(for: message)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(signature, for: Array("tabellb".utf8)))
        #expect(!Ed25519.PrivateKey().publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(Array(signature.dropLast()), for: message))
    }

    @Test("RFC 8032 test 1: the seed gives the published key and signature")
    func rfc8032() throws {
        let seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        let key = try Ed25519.PrivateKey(seed: seed)
        #expect(key.publicKey.bytes == hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
        #expect(key.signature(for: []) == hex(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"))
        #expect(key.seed == seed)
    }

    @Test("malformed keys and seeds are rejected with the reason")
    func rejections() {
        #expect { try Ed25519.PublicKey(bytes: [1, 2, 3]) } throws: { ($0 as? SignatureError)?.code == .wrongLength }
        #expect { try Ed25519.PrivateKey(seed: [UInt8](repeating: 0, count: 31)) } throws: {
            ($0 as? SignatureError)?.code == .wrongLength
        }
        // The all-zero encoding is a small-order point, not in the main subgroup.
        #expect { try Ed25519.PublicKey(bytes: [UInt8](repeating: 0, count: 32)) } throws: {
            ($0 as? SignatureError)?.code == .invalidKey
        }
    }

    private func hex(_ text: String) -> [UInt8] { Hex.decode(text)! }
}
