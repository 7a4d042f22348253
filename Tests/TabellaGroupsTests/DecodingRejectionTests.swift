import Testing
@testable import TabellaGroups
import TabellaTestSupport

/// Every rejection reason of element and scalar decoding, each with the code it must carry.
@Suite("Decoding rejects invalid input")
struct DecodingRejectionTests {
    /// Expects decoding `bytes` in `group` to fail with `code`.
    func expectRejection<G: PrimeOrderGroup>(_ group: G, _ bytes: [UInt8], _ code: GroupError.Code) {
        #expect {
            _ = try group.decode(bytes)
        } throws: { error in
            (error as? GroupError)?.code == code
        }
    }

    @Test("integer group: wrong length, p itself, above p, zero, outside the subgroup")
    func integerGroup() {
        let group = IntegerGroup.electionGuard
        let p = group.modulus
        expectRejection(group, [1], .wrongLength)
        expectRejection(group, p + [0], .wrongLength)
        expectRejection(group, p, .outOfRange)
        expectRejection(group, [UInt8](repeating: 0xff, count: p.count), .outOfRange)
        expectRejection(group, [UInt8](repeating: 0, count: p.count), .zero)
        // p - 1 has order 2, which does not divide q.
        var minusOne = p
        minusOne[minusOne.count - 1] -= 1
        expectRejection(group, minusOne, .notInSubgroup)
        // 2 is not in the order-q subgroup of the ElectionGuard group.
        expectRejection(group, [UInt8](repeating: 0, count: p.count - 1) + [2], .notInSubgroup)
    }

    @Test("safe-prime group: a quadratic non-residue is outside the subgroup")
    func safePrimeGroup() throws {
        let group = TestGroups.safePrime
        #expect(group.isSafePrimeGroup)
        let count = group.elementByteCount
        // 4 = 2² is a residue; p - 4 is not, since -1 is a non-residue modulo a safe prime p ≡ 3 (mod 4).
        _ = try group.decode([UInt8](repeating: 0, count: count - 1) + [4])
        var minusFour = group.modulus
        minusFour[count - 1] -= 4
        expectRejection(group, minusFour, .notInSubgroup)
    }

    @Test("ristretto255: wrong length, non-canonical field element, negative, not a valid encoding")
    func ristretto() {
        let group = Ristretto255()
        expectRejection(group, [UInt8](repeating: 0, count: 31), .wrongLength)
        // 2^255 - 19 itself (not reduced).
        expectRejection(group, [0xed] + [UInt8](repeating: 0xff, count: 30) + [0x7f], .nonCanonical)
        // The top bit set.
        expectRejection(group, [UInt8](repeating: 0, count: 31) + [0x80], .nonCanonical)
        // An odd ("negative") field element.
        expectRejection(group, [1] + [UInt8](repeating: 0, count: 31), .nonCanonical)
        // A canonical, non-negative field element that encodes no point (RFC 9496 A.2 bad encodings).
        expectRejection(group, Hex.decode("26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371")!,
                        .notOnCurve)
    }

    @Test("p256: wrong length, uncompressed prefix, x not below the prime, x not on the curve")
    func p256() {
        let group = P256()
        expectRejection(group, [UInt8](repeating: 2, count: 65), .wrongLength)
        expectRejection(group, [0x04] + [UInt8](repeating: 1, count: 32), .nonCanonical)
        expectRejection(group, [0x02] + [UInt8](repeating: 0xff, count: 32), .outOfRange)
        // x = 1 gives a right-hand side x³ - 3x + b with no square root modulo p.
        expectRejection(group, [0x02] + [UInt8](repeating: 0, count: 31) + [1], .notOnCurve)
    }

    @Test("scalars: wrong length and q or above")
    func scalars() throws {
        let field = IntegerGroup.electionGuard.scalars
        #expect(throws: GroupError(.wrongLength, "a scalar has 32 bytes, not 31")) {
            _ = try field.decode([UInt8](repeating: 0, count: 31))
        }
        #expect { _ = try field.decode(field.modulus) } throws: { ($0 as? GroupError)?.code == .outOfRange }
        let ristretto = Ristretto255().scalars
        #expect { _ = try ristretto.decode([UInt8](repeating: 0xff, count: 32)) } throws: {
            ($0 as? GroupError)?.code == .outOfRange
        }
        #expect(try ristretto.decode(ristretto.encode(ristretto.scalar(7))) == ristretto.scalar(7))
    }

    @Test("group parameters: q not dividing p - 1, g outside the subgroup, g = 1")
    func parameters() {
        let p = IntegerGroup.electionGuard.modulus
        let q = IntegerGroup.electionGuard.scalars.modulus
        #expect { _ = try IntegerGroup(name: "bad", p: p, q: [0x0b], g: [2]) } throws: {
            ($0 as? GroupError)?.code == .invalidParameters
        }
        #expect { _ = try IntegerGroup(name: "bad", p: p, q: q, g: [2]) } throws: {
            ($0 as? GroupError)?.code == .invalidParameters
        }
        #expect { _ = try IntegerGroup(name: "bad", p: p, q: q, g: [1]) } throws: {
            ($0 as? GroupError)?.code == .invalidParameters
        }
    }

    @Test("the ElectionGuard p and q are prime")
    func primality() {
        #expect(IntegerGroup.electionGuard.checkPrimality(rounds: 4))
    }
}

/// Decoding many elements at once gives the results of decoding each.
@Suite("Batch decoding agrees with decoding one by one")
struct BatchDecodingTests {
    @Test("integer-4096: members pass; an order-2 element and a square outside the subgroup are named")
    func electionGuardBatch() throws {
        let group = IntegerGroup.electionGuard
        let count = group.elementByteCount
        let members = (0..<6).map { _ in group.encode(group.generatorPower(public: group.scalars.random())) }
        var minusOne = group.modulus
        minusOne[count - 1] -= 1
        // 4 = 2² is a quadratic residue, so only the batched power check can catch it if it lies outside.
        let four = [UInt8](repeating: 0, count: count - 1) + [4]
        #expect(throws: GroupError.self) { try group.decode(four) }
        let mixed = members[..<3] + [four, minusOne] + members[3...]
        for batch in [members, members + [four], [minusOne] + members, Array(mixed)] {
            let batched = group.decodeAll(Array(batch))
            for (bytes, result) in zip(batch, batched) {
                switch (result, Result { () throws(GroupError) in try group.decode(bytes) }) {
                case (.success(let a), .success(let b)): #expect(a == b)
                case (.failure(let a), .failure(let b)): #expect(a.code == b.code)
                default: Issue.record("batch and single decoding disagree")
                }
            }
        }
    }
}
