import Testing
@testable import TabellaGroups
import TabellaTestSupport

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

@Suite("Four-limb scalar arithmetic")
struct FourLimbScalarTests {
    static let fields = [IntegerGroup.electionGuard.scalars, Ristretto255().scalars, P256().scalars]

    /// 0, 1, 2, q − 2, q − 1, a value with every limb at its maximum below q, and random values.
    static func samples(_ field: ScalarField) -> [Scalar] {
        let minusOne = field.generalSubtract(field.zero, field.one)
        let top = field.generalReduce(bigEndian: [UInt8](repeating: 0xFF, count: field.byteCount))
        return [field.zero, field.one, field.scalar(2), field.generalSubtract(minusOne, field.one), minusOne, top]
            + (0..<12).map { _ in field.random() }
    }

    @Test("every group order of the ballots takes the fast path; other sizes do not", arguments: fields)
    func fastPathChosen(field: ScalarField) {
        #expect(field.fourLimbs != nil)
        #expect(TestGroups.safePrime.scalars.fourLimbs == nil)
        #expect(FourLimbModulus(modulus: [0xFFFE, 1, 1, 1]) == nil)  // even
        #expect(FourLimbModulus(modulus: [1, 1, 1]) == nil)
        #expect(FourLimbModulus(modulus: [1, 1, 1, 0]) == nil)
    }

    @Test("addition, subtraction and multiplication agree with GMP's constant-time path", arguments: fields)
    func agreesWithGeneralPath(field: ScalarField) {
        let values = Self.samples(field)
        for a in values {
            for b in values {
                #expect(field.add(a, b) == field.generalAdd(a, b))
                #expect(field.subtract(a, b) == field.generalSubtract(a, b))
                #expect(field.multiply(a, b) == field.generalMultiply(a, b))
            }
        }
    }

    @Test("reduction of 0 to 48 bytes agrees with GMP's, longer inputs still reduce", arguments: fields)
    func reductionAgrees(field: ScalarField) {
        for count in 0...48 {
            for bytes in [[UInt8](repeating: 0xFF, count: count), SecureRandom.bytes(count: count)] {
                #expect(field.reduce(bigEndian: bytes) == field.generalReduce(bigEndian: bytes))
                #expect(field.reduce(bigEndian: bytes[...]) == field.generalReduce(bigEndian: bytes))
            }
        }
        #expect(field.reduce(bigEndian: field.modulus) == field.zero)
        let wide = [UInt8](repeating: 0xFF, count: 64)
        #expect(field.reduce(bigEndian: wide) == field.generalReduce(bigEndian: wide))
    }

    @Test("random scalars from one draw lie below q and differ", arguments: fields)
    func randomBatch(field: ScalarField) throws {
        let values = field.random(count: 100)
        #expect(values.count == 100 && Set(values).count == 100)
        for value in values { #expect(try field.decode(field.encode(value)) == value) }
    }
}

@Suite("Secure random bytes")
struct SecureRandomTests {
    @Test("short and long requests give the count asked for, fresh each time", arguments: [16, 256, 257, 4_608])
    func lengths(count: Int) {
        let first = SecureRandom.bytes(count: count)
        let second = SecureRandom.bytes(count: count)
        #expect(first.count == count && second.count == count)
        #expect(first != second)
        // Every byte value appears in a long draw, and no byte value takes more than a few percent of it.
        if count > 4_000 {
            var histogram = [Int](repeating: 0, count: 256)
            for byte in first { histogram[Int(byte)] += 1 }
            #expect(histogram.allSatisfy { $0 > 0 && $0 < count / 50 })
        }
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
