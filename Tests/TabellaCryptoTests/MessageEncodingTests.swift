import Testing
import TabellaCrypto
import TabellaGroups
import TabellaTestSupport

/// Write-in answers as group elements: round trips, limits, and what decoding refuses, in every kind of group.
@Suite("Write-in encoding")
struct MessageEncodingTests {
    @Test("P-256") func p256() throws { try check(P256(), capacity: 30) }
    @Test("ristretto255") func ristretto255() throws { try check(Ristretto255(), capacity: 28) }
    @Test("safe-prime quadratic residues") func safePrime() throws { try check(TestGroups.safePrime, capacity: 253) }
    @Test("integer-4096 (exponential chunks)") func integer() throws {
        try check(IntegerGroup.electionGuard, capacity: nil)
    }

    private func expectCode(_ code: MessageEncodingError.Code, naming words: [String] = [],
                            _ body: () throws -> Void) {
        #expect {
            try body()
        } throws: { error in
            guard let error = error as? MessageEncodingError else { return false }
            return error.code == code && words.allSatisfy(error.message.contains)
        }
    }

    private func check<G: PrimeOrderGroup>(_ group: G, capacity: Int?) throws {
        let encoding = MessageEncoding(group: group)
        #expect(encoding.capacity == capacity)
        let limit = capacity ?? 40
        let maximum = String(repeating: "x", count: limit - 3) + "€"
        for text in ["", "a", "Zoë Ünal", "選挙 🗳", maximum, "nul\u{0}byte"] {
            let elements = try encoding.encode(text, limit: limit, contest: "motto")
            #expect(elements.count == encoding.elementCount(limit: limit))
            #expect(elements.count == (capacity == nil ? (limit + 2) / 2 : 1))
            for element in elements { #expect(try group.decode(group.encode(element)) == element) }
            #expect(try encoding.decode(elements, limit: limit, contest: "motto") == text, "\(text)")
        }
        #expect(try encoding.encode("same", limit: limit, contest: "m") == encoding.encode("same", limit: limit,
                                                                                           contest: "m"))
        #expect(try encoding.encode("a", limit: limit, contest: "m") != encoding.encode("b", limit: limit,
                                                                                        contest: "m"))

        expectCode(.tooLong, naming: ["\"motto\"", "\(limit + 1) bytes", "limit of \(limit)"]) {
            _ = try encoding.encode(String(repeating: "y", count: limit + 1), limit: limit, contest: "motto")
        }
        expectCode(.tooLong, naming: ["4 bytes", "limit of 3"]) {
            _ = try encoding.encode("€a", limit: 3, contest: "motto")
        }
        expectCode(.invalidUTF8, naming: ["\"motto\""]) {
            _ = try encoding.encode(utf8: [0x61, 0xc3], limit: limit, contest: "motto")
        }
        expectCode(.invalidUTF8) { _ = try encoding.encode(utf8: [0xed, 0xa0, 0x80], limit: limit, contest: "m") }
        if let capacity {
            expectCode(.overCapacity, naming: ["\"motto\"", "\(capacity + 1) bytes", "at most \(capacity)"]) {
                _ = try encoding.encode("a", limit: capacity + 1, contest: "motto")
            }
        }

        // Elements that encode no answer: the generator, the identity, a wrong count, a non-minimal counter.
        let one = try encoding.encode("a", limit: limit, contest: "m")
        let stray = [group.generatorPower(public: group.scalars.scalar(123_456_789))]
            + Array(repeating: group.identity, count: one.count - 1)
        expectCode(.notAnEncoding, naming: ["\"motto\""]) {
            _ = try encoding.decode(stray, limit: limit, contest: "motto")
        }
        expectCode(.notAnEncoding) {
            _ = try encoding.decode(Array(repeating: group.identity, count: one.count), limit: limit, contest: "m")
        }
        expectCode(.notAnEncoding, naming: ["elements, not"]) {
            _ = try encoding.decode(one + one, limit: limit, contest: "m")
        }
        if capacity == nil {
            // A valid answer under a longer limit has more chunks; under a shorter one it is too long.
            let long = try encoding.encode(String(repeating: "z", count: 20), limit: 40, contest: "m")
            expectCode(.notAnEncoding) { _ = try encoding.decode(Array(long.prefix(6)), limit: 10, contest: "m") }
        }
    }

    @Test("a second candidate for the same answer is not accepted: one encoding per answer")
    func canonical() throws {
        let group = P256()
        let encoding = MessageEncoding(group: group)
        let element = try encoding.encode("hi", limit: 30, contest: "m")[0]
        var bytes = group.encode(element)
        #expect(bytes[0] == 0x02)
        // Other counters for the same block: whichever lies on the curve is a valid point but not the encoding.
        var others = 0
        for counter in UInt8(bytes[1] + 1)..<255 {
            bytes[1] = counter
            guard let other = try? group.decode(bytes) else { continue }
            others += 1
            #expect(throws: MessageEncodingError.self) { _ = try encoding.decode([other], limit: 30, contest: "m") }
            if others == 3 { break }
        }
        #expect(others == 3)
        // The same x with the odd y is the inverse point: not an encoding either.
        #expect(throws: MessageEncodingError.self) {
            _ = try encoding.decode([group.inverse(element)], limit: 30, contest: "m")
        }
    }

    @Test("in a safe-prime group, an answer is carried by m or by p − m, whichever is a residue")
    func safePrimeResidue() throws {
        let group = TestGroups.safePrime
        let encoding = MessageEncoding(group: group)
        var direct = 0
        let texts = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh"]
        for text in texts {
            let element = try encoding.encode(text, limit: 253, contest: "m")[0]
            // m itself starts 00 01; p − m starts with p's leading byte or one less.
            if group.encode(element).starts(with: [0x00, 0x01]) { direct += 1 }
            #expect(try encoding.decode([element], limit: 253, contest: "m") == text)
        }
        #expect(direct > 0 && direct < texts.count)
    }
}
