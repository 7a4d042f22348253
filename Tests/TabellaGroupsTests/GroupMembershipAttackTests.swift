import Testing
@testable import TabellaGroups

/// Group-membership attacks (the older Belenios case: elements accepted without a subgroup check): non-canonical
/// encodings of valid elements, 1 and p + 1, small-order points, and random bytes. Wrong lengths, 0, p, p − 1, 2,
/// off-curve x and invalid ristretto255 encodings are in ``DecodingRejectionTests``.
@Suite("Known attacks: group membership")
struct GroupMembershipAttackTests {
    /// `a + b` for big-endian byte strings of one length (the result must fit).
    private func add(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = a
        var carry = 0
        for index in result.indices.reversed() {
            let sum = Int(a[index]) + Int(b[index]) + carry
            result[index] = UInt8(sum & 0xff)
            carry = sum >> 8
        }
        precondition(carry == 0, "the sum does not fit")
        return result
    }

    private func number(_ value: UInt8, bytes: Int) -> [UInt8] { [UInt8](repeating: 0, count: bytes - 1) + [value] }

    private func expectCode<G: PrimeOrderGroup>(_ group: G, _ bytes: [UInt8], _ code: GroupError.Code) {
        DecodingRejectionTests().expectRejection(group, bytes, code)
    }

    @Test("integer group: 1 is the identity; p + 1, a non-canonical 1, is refused")
    func integerOne() throws {
        let group = IntegerGroup.electionGuard
        let count = group.elementByteCount
        #expect(try group.decode(number(1, bytes: count)) == group.identity)
        expectCode(group, add(group.modulus, number(1, bytes: count)), .outOfRange)
    }

    @Test("ristretto255: s + p for a valid s is refused; Ed25519's small-order points are the identity or refused")
    func ristrettoSmallOrder() throws {
        let group = Ristretto255()
        let generator = group.encode(group.generator)
        let p: [UInt8] = [0xed] + [UInt8](repeating: 0xff, count: 30) + [0x7f]
        let shifted = add(generator.reversed(), p.reversed()).reversed()
        expectCode(group, Array(shifted), .nonCanonical)
        // The Edwards encodings of the eight points of order 1, 2, 4 and 8 (libsodium's small-order list).
        let torsion = [
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        ]
        for hex in torsion {
            if let element = try? group.decode(Hex.decode(hex)!) {
                #expect(element == group.identity, "\(hex) decodes to a non-identity element")
            }
        }
    }

    @Test("p256: x + p for an x on the curve is refused, and so are prefixes other than 02 and 03")
    func p256NonCanonical() throws {
        let group = P256()
        let prime = Hex.decode("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")!
        let onCurve = try #require((1...64).lazy.map { UInt8($0) }.first { x in
            (try? group.decode([0x02] + number(x, bytes: 32))) != nil
        })
        expectCode(group, [0x02] + add(prime, number(onCurve, bytes: 32)), .outOfRange)
        for prefix: UInt8 in [0x00, 0x01, 0x04, 0x05, 0x06, 0x07, 0xff] {
            #expect(throws: GroupError.self) { try group.decode([prefix] + number(onCurve, bytes: 32)) }
        }
    }

    @Test("random bytes decode, if at all, to an element of order q, in every group")
    func randomBytes() {
        checkOrder(IntegerGroup.electionGuard, count: 16)
        checkOrder(Ristretto255(), count: 400)
        checkOrder(P256(), count: 400)
    }

    private func checkOrder<G: PrimeOrderGroup>(_ group: G, count: Int) {
        let field = group.scalars
        let qMinusOne = field.subtract(field.zero, field.one)
        for _ in 0..<count {
            var bytes = SecureRandom.bytes(count: group.elementByteCount)
            if group is P256 { bytes[0] = 2 + bytes[0] % 2 }
            guard let element = try? group.decode(bytes) else { continue }
            // e^q = e^(q − 1) · e must be the identity.
            #expect(group.multiply(group.power(element, public: qMinusOne), element) == group.identity)
        }
    }
}
