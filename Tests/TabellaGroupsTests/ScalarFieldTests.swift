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

    @Test("field laws hold for random values in every group's field", arguments: [
        IntegerGroup.electionGuard.scalars, Ristretto255().scalars, P256().scalars, TestGroups.safePrime.scalars,
    ])
    func laws(field: ScalarField) throws {
        for _ in 0..<20 {
            let a = field.random()
            let b = field.random()
            let c = field.random()
            #expect(field.subtract(field.add(a, b), b) == a)
            #expect(field.add(a, field.negate(a)) == field.zero)
            #expect(field.multiply(a, field.add(b, c)) == field.add(field.multiply(a, b), field.multiply(a, c)))
            #expect(field.multiply(field.multiply(a, b), c) == field.multiply(a, field.multiply(b, c)))
            let inverse = try #require(field.inverse(a))
            #expect(field.multiply(a, inverse) == field.one)
            #expect(try field.decode(field.encode(a)) == a)
            #expect(field.constantTimeEqual(a, a) && !field.constantTimeEqual(a, b))
        }
        #expect(field.inverse(field.zero) == nil)
        // q - 1 squared is 1, and (q - 1) + 1 wraps to 0.
        let minusOne = field.negate(field.one)
        #expect(field.multiply(minusOne, minusOne) == field.one)
        #expect(field.add(minusOne, field.one) == field.zero)
    }

    @Test("reduction of wide inputs agrees in both byte orders")
    func reduction() {
        let field = Ristretto255().scalars
        let wide = SecureRandom.bytes(count: 64)
        #expect(field.reduce(bigEndian: wide) == field.reduce(littleEndian: Array(wide.reversed())))
        #expect(field.reduce(bigEndian: field.modulus) == field.zero)
        #expect(field.scalar(5) == field.reduce(bigEndian: [0, 0, 5]))
    }
}

@Suite("Hashing to scalars")
struct HashToScalarTests {
    @Test("the hash depends on the domain and on how the input is split, and lands below q")
    func separation() {
        let field = P256().scalars
        let a = field.hashToScalar(domain: "tabella/test", [[1, 2], [3]])
        #expect(a == field.hashToScalar(domain: "tabella/test", [[1, 2], [3]]))
        #expect(a != field.hashToScalar(domain: "tabella/other", [[1, 2], [3]]))
        #expect(a != field.hashToScalar(domain: "tabella/test", [[1], [2, 3]]))
        #expect(throws: Never.self) { _ = try field.decode(field.encode(a)) }
    }
}
