import Testing
@testable import TabellaGroups
import TabellaTestSupport

/// The shapes that keep the 4096-bit group's secret paths independent of the exponent (Docs/security.md,
/// "Constant-time checks"): exponents of one length, and comb entries as long as p.
@Suite("Constant-time shapes")
struct ConstantTimeShapeTests {
    /// Exponents at the edges (zero, one, small, q − 1, q − 2) and random ones.
    private static func exponents(_ field: ScalarField) -> [Scalar] {
        [field.zero, field.one, field.scalar(3), field.scalar(0xffff), field.negate(field.one),
         field.negate(field.scalar(2))] + (0..<8).map { _ in field.random() }
    }

    @Test("a fixed-length exponent has bitCount + 1 bits and gives the same power, for every group order")
    func fixedLengthExponents() {
        checkFixedLength(IntegerGroup.electionGuard)
        checkFixedLength(TestGroups.safePrime)
        checkFixedLength(P256())
        checkFixedLength(Ristretto255())
    }

    private func checkFixedLength<G: PrimeOrderGroup>(_ group: G) {
        let field = group.scalars
        let base = group.generatorPower(public: field.random())
        for exponent in Self.exponents(field) {
            let padded = Scalar(limbs: field.fixedLengthExponent(exponent))
            #expect(padded.limbs.count == field.limbCount + 1)
            #expect(padded.bitLength == field.bitCount + 1, "\(group.name): \(padded.bitLength) bits")
            #expect(group.power(base, public: padded) == group.power(base, public: exponent), "\(group.name)")
        }
    }

    @Test("the secret path's powers in the 4096-bit group equal the public ones, from tables of 1, g and a key")
    func integerSecretPowers() {
        let group = IntegerGroup.electionGuard
        let key = group.generatorPower(secret: group.scalars.random())
        for base in [group.identity, group.generator, key] {
            let table = group.fixedBase(base)
            for exponent in Self.exponents(group.scalars) {
                let expected = group.power(base, public: exponent)
                #expect(group.power(table, secret: exponent) == expected)
                #expect(group.power(table, public: exponent) == expected)
                #expect(group.power(base, secret: exponent) == expected)
            }
        }
    }

    @Test("every comb entry and the start are as long as p, also for the base one")
    func combEntriesAreFullLength() {
        let group = IntegerGroup.electionGuard
        let limbCount = group.elementByteCount / 8
        let domain = MontgomeryDomain(modulusLimbs: Limbs.fromBigEndian(group.modulus, count: limbCount))
        for base in [group.identity, group.generator] {
            let table = CombTable(base: base.limbs, domain: domain, exponentBits: 256, windowBits: 6)
            #expect(table.entries.count == 43 * 64 * limbCount)
            #expect(CombTable.isFullLength(table.entries + table.start, limbCount: limbCount))
        }
        // Unmasked, the entries of digit 0 (one, R mod p) would not be.
        let one = BigNumberContext.pooled { domain.one($0).limbs(count: limbCount) }
        #expect(!CombTable.isFullLength(one, limbCount: limbCount))
    }
}
