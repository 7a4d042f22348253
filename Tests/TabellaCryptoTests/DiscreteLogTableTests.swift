import Testing
import TabellaCrypto
import TabellaGroups

@Suite("Baby-step giant-step discrete logarithms")
struct DiscreteLogTableTests {
    @Test("finds every logarithm at the edges of its range and none beyond it, in every group")
    func edges() {
        check(P256())
        check(Ristretto255())
        check(IntegerGroup.electionGuard)
    }

    private func check<G: PrimeOrderGroup>(_ group: G) {
        let base = group.generatorPower(public: group.scalars.random())
        let table = DiscreteLogTable(group: group, base: base, bound: 1_000)
        for value: UInt64 in [0, 1, 2, 31, 32, 33, 500, 999, 1_000] {
            #expect(table.logarithm(of: group.power(base, public: group.scalars.scalar(value))) == value)
        }
        #expect(table.logarithm(of: group.power(base, public: group.scalars.scalar(1_001))) == nil)
        #expect(table.logarithm(of: group.power(base, public: group.scalars.scalar(5_000))) == nil)
        #expect(table.logarithm(of: group.generatorPower(public: group.scalars.random())) == nil)
    }
}
