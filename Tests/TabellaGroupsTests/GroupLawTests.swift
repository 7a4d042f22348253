import Testing
@testable import TabellaGroups
import TabellaTestSupport

/// The same laws, checked for every group Tabella offers.
@Suite("Group laws")
struct GroupLawTests {
    @Test("integer-4096") func integer() throws { try checkLaws(IntegerGroup.electionGuard) }
    @Test("safe-prime quadratic residues") func safePrime() throws { try checkLaws(TestGroups.safePrime) }
    @Test("ristretto255") func ristretto() throws { try checkLaws(Ristretto255()) }
    @Test("p256") func p256() throws { try checkLaws(P256()) }

    private func checkLaws<G: PrimeOrderGroup>(_ group: G) throws {
        let field = group.scalars
        for _ in 0..<3 {
            let a = group.generatorPower(secret: field.random())
            let b = group.generatorPower(secret: field.random())
            let c = group.power(a, secret: field.random())
            // Associativity, identity, inverse.
            #expect(group.multiply(group.multiply(a, b), c) == group.multiply(a, group.multiply(b, c)))
            #expect(group.multiply(a, group.identity) == a)
            #expect(group.multiply(a, group.inverse(a)) == group.identity)
            #expect(group.multiply(a, b) == group.multiply(b, a))
            // Exponent homomorphism: g^(x+y) = g^x g^y and (g^x)^y = g^(xy), on every path.
            let x = field.random()
            let y = field.random()
            let gx = group.power(group.generator, public: x)
            #expect(group.power(group.generator, secret: x) == gx)
            #expect(group.generatorPower(secret: x) == gx)
            #expect(group.generatorPower(public: x) == gx)
            #expect(group.generatorPower(public: field.add(x, y)) == group.multiply(gx, group.generatorPower(public: y)))
            #expect(group.power(gx, public: y) == group.generatorPower(public: field.multiply(x, y)))
            let table = group.fixedBase(a)
            #expect(group.power(table, secret: x) == group.power(a, public: x))
            #expect(group.power(table, public: x) == group.power(a, public: x))
            // The order is q: g^q = g^0 = 1, and g^(q-1) = g^-1.
            #expect(group.generatorPower(public: field.zero) == group.identity)
            #expect(group.generatorPower(secret: field.negate(field.one)) == group.inverse(group.generator))
            // Encoding round trip.
            #expect(try group.decode(group.encode(a)) == a)
            #expect(group.encode(a).count == group.elementByteCount)
        }
        #expect(try group.decode(group.encode(group.identity)) == group.identity)
        // Encoding several elements at once gives each one's encoding, in order, the identity included.
        let elements = (0..<5).map { _ in group.power(group.generator, secret: field.random()) }
            + [group.identity, group.multiply(group.generator, group.generator)]
        #expect(group.encodeAll(elements) == elements.flatMap { group.encode($0) })
        #expect(group.encodeAll([]).isEmpty)
        // Products appended to the encoding: sums of several, a repeated element (a doubling), an element and its
        // inverse (the identity), one element, none (the identity).
        let withInverse = elements + [group.inverse(elements[0])]
        let products = [[0, 1, 2, 3, 4], [1, 1], [0, 7], [5, 2], [3], [], [0, 1, 2, 3, 4, 5, 6, 7]]
        let expected = products.map { $0.reduce(group.identity) { group.multiply($0, withInverse[$1]) } }
        #expect(group.encodeAll(withInverse, appendingProductsOf: products)
            == (withInverse + expected).flatMap { group.encode($0) })
        #expect(group.encodeAll(withInverse, appendingProductsOf: []) == group.encodeAll(withInverse))
    }

    @Test("multi-exponentiation equals the product of separate powers, for every plan", arguments: [1, 2, 7, 40, 300])
    func multiPower(terms: Int) {
        checkMultiPower(IntegerGroup.electionGuard, terms: min(terms, 60))
        checkMultiPower(TestGroups.safePrime, terms: terms)
        checkMultiPower(P256(), terms: terms)
        checkMultiPower(Ristretto255(), terms: min(terms, 7))
    }

    private func checkMultiPower<G: PrimeOrderGroup>(_ group: G, terms: Int) {
        let bases = (0..<terms).map { _ in group.generatorPower(public: group.scalars.random()) }
        var exponents = (0..<terms).map { _ in group.scalars.random() }
        exponents[0] = group.scalars.scalar(UInt64.random(in: 0...UInt64.max))  // a short exponent
        if terms > 1 { exponents[1] = group.scalars.zero }
        let expected = zip(bases, exponents).reduce(group.identity) { group.multiply($0, group.power($1.0, public: $1.1)) }
        #expect(group.multiPower(bases, exponents) == expected)
    }

    @Test("the plan moves from Straus to Pippenger as terms grow")
    func plans() {
        #expect(MultiExponentiation.plan(terms: 2, bits: 256) == .straus(width: 4))
        guard case .pippenger = MultiExponentiation.plan(terms: 1_000, bits: 256) else {
            Issue.record("1,000 terms should use Pippenger")
            return
        }
    }
}
