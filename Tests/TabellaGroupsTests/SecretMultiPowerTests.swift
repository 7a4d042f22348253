import Testing
@testable import TabellaGroups
import TabellaTestSupport

/// The constant-time multi-exponentiation (`multiPower(_:secret:)`) against separate constant-time powers, in every
/// group: random inputs and the edge cases of its digits and of its additions.
@Suite("Secret multi-exponentiation")
struct SecretMultiPowerTests {
    @Test("integer-4096") func integer() { check(IntegerGroup.electionGuard, manyTerms: 6) }
    @Test("ristretto255") func ristretto() { check(Ristretto255(), manyTerms: 150) }
    @Test("p256") func p256() { check(P256(), manyTerms: 150) }

    /// The product of separate `power(_:secret:)` calls.
    private func expected<G: PrimeOrderGroup>(_ group: G, _ bases: [G.Element], _ exponents: [Scalar]) -> G.Element {
        zip(bases, exponents).reduce(group.identity) { group.multiply($0, group.power($1.0, secret: $1.1)) }
    }

    private func check<G: PrimeOrderGroup>(_ group: G, manyTerms: Int) {
        let field = group.scalars
        let minusOne = field.negate(field.one)
        let a = group.generatorPower(secret: field.random())
        let b = group.generatorPower(secret: field.random())
        let e = field.random()
        let cases: [(name: String, bases: [G.Element], exponents: [Scalar])] = [
            ("one term", [a], [e]),
            ("exponent 0", [a, b], [field.zero, e]),
            ("only zero exponents", [a, b], [field.zero, field.zero]),
            ("exponent 1", [a], [field.one]),
            ("exponent q − 1", [a, b], [minusOne, e]),
            ("exponent q − 2", [a], [field.subtract(minusOne, field.one)]),
            ("identity base", [group.identity, a, group.identity], [e, e, field.random()]),
            ("only the identity", [group.identity], [e]),
            ("a base and its inverse, same exponent", [a, group.inverse(a)], [e, e]),
            ("a base and its inverse, other exponents", [a, group.inverse(a), b], [e, field.random(), e]),
            ("the same base repeated, same exponent", [a, a, a], [e, e, e]),
            ("the same base repeated, other exponents", [a, a], [e, field.random()]),
            ("the generator", [group.generator, a], [e, minusOne]),
            ("no terms", [], []),
        ]
        for (name, bases, exponents) in cases {
            #expect(group.multiPower(bases, secret: exponents) == expected(group, bases, exponents), "\(name)")
        }
        // Random terms, and one table serving several products, over all its bases and over a prefix.
        let bases = (0..<manyTerms).map { _ in group.generatorPower(public: field.random()) }
        let table = group.secretMultiPowerTable(bases)
        for count in [manyTerms, manyTerms / 2, 1] {
            let exponents = field.random(count: count)
            #expect(group.multiPower(table, secret: exponents) == expected(group, bases, exponents), "\(count) terms")
        }
        // A wrong product is told apart: changing one exponent changes the result.
        let exponents = field.random(count: 3)
        var changed = exponents
        changed[1] = field.add(changed[1], field.one)
        #expect(group.multiPower(Array(bases.prefix(3)), secret: changed) != expected(group, bases, exponents))
    }

    @Test("signed digits: in [−16, 16] and summing to the exponent", arguments: ["p256", "ristretto255"])
    func digits(groupName: String) {
        let field: ScalarField = groupName == "p256" ? P256().scalars : Ristretto255().scalars
        let thirtyTwo = field.scalar(32)
        let minusOne = field.negate(field.one)
        for exponent in [field.zero, field.one, minusOne, field.scalar(16), field.scalar(17), field.scalar(31)]
            + field.random(count: 20) {
            let digits = SecretMultiExponentiation.digits(exponent)
            #expect(digits.count == SecretMultiExponentiation.windows)
            #expect(digits.allSatisfy { (-16...16).contains($0) })
            var sum = field.zero
            for digit in digits.reversed() {
                let magnitude = field.scalar(UInt64(digit.magnitude))
                sum = field.add(field.multiply(sum, thirtyTwo), digit < 0 ? field.negate(magnitude) : magnitude)
            }
            #expect(sum == exponent)
        }
        #expect(SecretMultiExponentiation.digits(field.scalar(17)).prefix(2) == [-15, 1])
        #expect(SecretMultiExponentiation.digits(field.scalar(16)).prefix(2) == [16, 0])
    }
}
