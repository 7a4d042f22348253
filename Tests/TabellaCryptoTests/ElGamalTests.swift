import Testing
import TabellaCrypto
import TabellaGroups

/// Exponential ElGamal in every group: encryption, both decryptions, homomorphic sums, weights, re-encryption.
@Suite("Exponential ElGamal")
struct ElGamalTests {
    @Test("integer-4096") func integer() { check(IntegerGroup.electionGuard) }
    @Test("ristretto255") func ristretto() { check(Ristretto255()) }
    @Test("p256") func p256() { check(P256()) }

    private func check<G: PrimeOrderGroup>(_ group: G) {
        let field = group.scalars
        let secret = field.randomNonzero()
        let key = ElGamalPublicKey(group: group, element: group.generatorPower(secret: secret))
        let (x, y) = (field.random(), field.random())
        let a = key.encrypt(3, nonce: x)
        let b = key.encrypt(4, nonce: y)
        // (g^ξ, K^(σ+ξ)) exactly.
        #expect(a.alpha == group.generatorPower(public: x))
        #expect(a.beta == group.power(key.element, public: field.add(field.scalar(3), x)))
        #expect(key.discreteLog(of: key.exponentialPlaintext(of: a, nonce: x), upTo: 10) == 3)
        #expect(key.discreteLog(of: key.exponentialPlaintext(of: a, secretKey: secret), upTo: 10) == 3)
        // A wrong nonce or key gives no small value.
        #expect(key.discreteLog(of: key.exponentialPlaintext(of: a, nonce: y), upTo: 10) == nil)
        // Sum and weight.
        let sum = a.adding(b, in: group)
        #expect(sum == key.encrypt(7, nonce: field.add(x, y)))
        #expect(ElGamalCiphertext.sum([a, b, .identity(in: group)], in: group) == sum)
        let weighted = a.weighted(by: field.scalar(5), in: group)
        #expect(weighted == key.encrypt(15, nonce: field.multiply(field.scalar(5), x)))
        // Re-encryption changes both components and keeps the value.
        let z = field.randomNonzero()
        let again = key.reencrypt(a, nonce: z)
        #expect(again != a)
        #expect(again == key.encrypt(3, nonce: field.add(x, z)))
        #expect(key.discreteLog(of: key.exponentialPlaintext(of: again, secretKey: secret), upTo: 10) == 3)
    }
}
