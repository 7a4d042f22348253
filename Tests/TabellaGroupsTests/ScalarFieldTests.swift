import Testing
@testable import TabellaGroups

@Suite("Scalar field arithmetic")
struct ScalarFieldTests {
    let field = try! ScalarField(modulus: [0x01, 0x00, 0x07])  // 65543, a prime

    @Test("addition, subtraction and multiplication reduce modulo q")
    func arithmetic() {
        let a = field.scalar(65_000)
        let b = field.scalar(1_000)
        #expect(field.add(a, b) == field.scalar(457))
        #expect(field.subtract(b, a) == field.scalar(1_543))
        #expect(field.multiply(a, b) == field.scalar(UInt64(65_000 * 1_000 % 65_543)))
        #expect(field.negate(field.zero) == field.zero)
    }
}
