import Foundation
import TabellaBoard
import Testing

/// The board's base64: RFC 4648 test vectors, agreement with Foundation, and refusal of every non-canonical text.
struct Base64Tests {
    /// RFC 4648 §10.
    @Test func rfc4648Vectors() {
        let vectors = [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ]
        for (plain, encoded) in vectors {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(Base64.decode(encoded) == Array(plain.utf8))
        }
    }

    @Test func agreesWithFoundationOnEveryLengthAndByte() {
        var generator = SystemRandomNumberGenerator()
        for count in 0..<100 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64.encode(bytes)
            #expect(text == Data(bytes).base64EncodedString())
            #expect(Base64.decode(text) == bytes)
        }
        let all = Array(0...255).map(UInt8.init)
        #expect(Base64.decode(Base64.encode(all)) == all)
    }

    @Test func refusesNonCanonicalText() {
        let refused = [
            "Zg", "Zg=", "Zm8", "Zg===", "Zh==", "Zm9=", "Zm 9v", "Zm9v\n", "=Zm9", "Zm=v", "Z===", "====",
            "Zm9v-A==", "Zm9v_A==", "Zm9vYg==Zm9v", "Zé==",
        ]
        for text in refused { #expect(Base64.decode(text) == nil, "\(text) was accepted") }
    }
}
