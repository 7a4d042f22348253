import Testing
import TabellaGroups

/// HMAC against RFC 4231's test cases (1, 2 and 6: a key longer than the block), for SHA-256 (the prepared
/// `SHA256_CTX` states) and SHA-512 (EVP contexts), and a prepared key reused for several messages.
@Suite("HMAC")
struct HMACTests {
    static let cases: [(key: [UInt8], message: String, sha256: String)] = [
        ([UInt8](repeating: 0x0b, count: 20), "Hi There",
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), "what do ya want for nothing?",
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 131), "Test Using Larger Than Block-Size Key - Hash Key First",
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ]

    @Test("RFC 4231 cases 1, 2 and 6 with SHA-256")
    func sha256() {
        for vector in Self.cases {
            let code = HMAC.authenticationCode(.sha256, key: vector.key, message: Array(vector.message.utf8))
            #expect(Hex.encode(code) == vector.sha256)
        }
    }

    @Test("RFC 4231 case 1 with SHA-512")
    func sha512() {
        let code = HMAC.authenticationCode(.sha512, key: [UInt8](repeating: 0x0b, count: 20),
                                           message: Array("Hi There".utf8))
        #expect(Hex.encode(code) == "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
            + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854")
    }

    @Test("a prepared key gives each message its own code, however the message is split", arguments: [
        Digest.sha256, Digest.sha512,
    ])
    func preparedKey(digest: Digest) {
        let key = HMAC.PreparedKey(digest, key: Array("Jefe".utf8))
        let message = Array("what do ya want for nothing?".utf8)
        let whole = key.authenticationCode(parts: [message])
        let other = key.authenticationCode(parts: [Array("Hi There".utf8)])
        #expect(key.authenticationCode(parts: [Array(message[..<7]), [], Array(message[7...])]) == whole)
        #expect(whole != other && key.authenticationCode(parts: [message]) == whole)
        #expect(whole == HMAC.authenticationCode(digest, key: Array("Jefe".utf8), parts: [message]))
        if digest == .sha256 { #expect(Hex.encode(whole) == Self.cases[1].sha256) }
    }
}
