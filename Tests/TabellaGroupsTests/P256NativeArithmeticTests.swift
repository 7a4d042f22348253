import Testing
@testable import TabellaGroups
import TabellaTestSupport

/// Tabella's own P-256 point arithmetic, multi-exponentiation and comb tables, against OpenSSL's results.
@Suite("P-256 native arithmetic")
struct P256NativeArithmeticTests {
    let group = P256()
    let curve = P256Curve.shared

    /// A random point (through OpenSSL).
    func randomPoint() -> P256.Element { group.generatorPower(public: group.scalars.randomNonzero()) }

    /// The point in Tabella's representation.
    func native(_ element: P256.Element) -> P256JacobianPoint {
        curve.jacobian([element.point])[0]
    }

    /// The OpenSSL point of a native point.
    func element(_ point: P256JacobianPoint) -> P256.Element { P256.Element(point: curve.point(point)) }

    /// The affine form of a finite point.
    func affine(_ element: P256.Element) throws -> P256AffinePoint {
        try #require(P256JacobianPoint.affine([native(element)])[0])
    }

    @Test("conversion to and from OpenSSL keeps the point; affine points lie on the curve")
    func conversion() throws {
        for _ in 0..<10 {
            let a = randomPoint()
            #expect(element(native(a)) == a)
            let point = try affine(a)
            #expect(point.isOnCurve)
            #expect(element(P256JacobianPoint(point)) == a)
        }
        #expect(native(group.identity).isInfinity)
        #expect(element(.infinity) == group.identity)
        #expect(P256JacobianPoint.affine([.infinity])[0] == nil)
        // The generator's coordinates, as SEC 2 gives them.
        let generator = try affine(group.generator)
        #expect(generator.x.bigEndianBytes
                == Hex.decode("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296")!)
        #expect(generator.y.bigEndianBytes
                == Hex.decode("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5")!)
    }

    @Test("doubling, mixed and full addition agree with OpenSSL, including P + P, P + (−P) and infinity")
    func pointOperations() throws {
        for _ in 0..<10 {
            let (a, b) = (randomPoint(), randomPoint())
            let (pa, pb) = (native(a), native(b))
            // A sum with Z ≠ 1 exercises the full formula.
            var sum = pa
            sum.add(pb)
            #expect(element(sum) == group.multiply(a, b))
            var full = sum
            full.add(sum)
            #expect(element(full) == group.multiply(group.multiply(a, b), group.multiply(a, b)))
            var doubled = pa
            doubled.double()
            #expect(element(doubled) == group.multiply(a, a))
            var viaAddition = pa
            viaAddition.add(pa)
            #expect(element(viaAddition) == group.multiply(a, a))
            var mixed = sum
            mixed.add(try affine(b))
            #expect(element(mixed) == group.multiply(group.multiply(a, b), b))
            var selfMixed = sum
            selfMixed.add(try affine(group.multiply(a, b)))
            #expect(element(selfMixed) == group.multiply(group.multiply(a, b), group.multiply(a, b)))
            var cancelled = sum
            cancelled.add(sum.negated)
            #expect(cancelled.isInfinity)
            var cancelledMixed = sum
            cancelledMixed.add(try affine(group.multiply(a, b)).negated)
            #expect(cancelledMixed.isInfinity)
            var fromInfinity = P256JacobianPoint.infinity
            fromInfinity.add(sum)
            #expect(element(fromInfinity) == group.multiply(a, b))
            var intoInfinity = sum
            intoInfinity.add(P256JacobianPoint.infinity)
            #expect(element(intoInfinity) == group.multiply(a, b))
            var infinityDoubled = P256JacobianPoint.infinity
            infinityDoubled.double()
            #expect(infinityDoubled.isInfinity)
            // Affine sums with a given inverse denominator, as the buckets use them.
            let (qa, qb) = (try affine(a), try affine(b))
            for (p, q, expected) in [(qa, qb, group.multiply(a, b)), (qa, qa, group.multiply(a, a))] {
                let denominator = try #require(P256AffinePoint.sumDenominator(p, q))
                #expect(element(P256JacobianPoint(P256AffinePoint.sum(p, q, inverseDenominator: denominator.inverse)))
                        == expected)
            }
            #expect(P256AffinePoint.sumDenominator(qa, qa.negated) == nil)
        }
    }

    @Test("signed digits recompose the exponent and stay within half the window")
    func signedDigits() {
        let field = group.scalars
        let largest = field.negate(field.one)
        let exponents = [field.zero, field.one, largest, field.scalar(0x80), field.scalar(0xFF)]
            + (0..<20).map { _ in field.random() }
        for width in [2, 5, 7, 8, 13] {
            for signed in [false, true] {
                let layout = PippengerLayout(bits: 256, width: width, signed: signed)
                for exponent in exponents {
                    let digits = layout.digits(exponent)
                    #expect(digits.count == layout.windows)
                    var recomposed = field.zero
                    for digit in digits.reversed() {
                        for _ in 0..<width { recomposed = field.add(recomposed, recomposed) }
                        let magnitude = field.scalar(UInt64(abs(digit)))
                        recomposed = digit < 0 ? field.subtract(recomposed, magnitude) : field.add(recomposed, magnitude)
                        #expect(signed ? abs(digit) <= 1 << (width - 1) : (0..<(1 << width)).contains(digit))
                    }
                    #expect(recomposed == exponent)
                }
            }
        }
    }

    /// Every plan of ``MultiExponentiation``, for the P-256 and the integer workspaces.
    static let plans: [MultiExponentiation.Plan] = [.straus(width: 1), .straus(width: 4)]
        + [2, 5, 8].flatMap { [.pippenger(width: $0, signed: false), .pippenger(width: $0, signed: true)] }

    @Test("every plan gives the product of separate powers, with edge cases", arguments: plans)
    func everyPlan(plan: MultiExponentiation.Plan) {
        let field = group.scalars
        let a = randomPoint()
        // Repeated bases, a base and its negation, the identity, zero, one and the largest exponent.
        var bases = [a, a, group.inverse(a), group.identity] + (0..<16).map { _ in randomPoint() }
        var exponents = [field.random(), field.random(), field.random(), field.random(), field.zero, field.one,
                         field.negate(field.one)] + (0..<13).map { _ in field.random() }
        bases += [a, group.inverse(a)]
        exponents += [exponents[0], exponents[0]]
        let expected = zip(bases, exponents).reduce(group.identity) { group.multiply($0, group.power($1.0, public: $1.1)) }
        let result = P256.Element(point: curve.multiMultiply(bases.map(\.point), exponents, plan: plan))
        #expect(result == expected)

        let integers = TestGroups.safePrime
        let integerBases = (0..<20).map { _ in integers.generatorPower(public: integers.scalars.random()) }
        var integerExponents = (0..<20).map { _ in integers.scalars.random() }
        integerExponents[3] = integers.scalars.zero
        integerExponents[4] = integers.scalars.negate(integers.scalars.one)
        let integerExpected = zip(integerBases, integerExponents).reduce(integers.identity) {
            integers.multiply($0, integers.power($1.0, public: $1.1))
        }
        #expect(integers.multiPower(integerBases, integerExponents, plan: plan) == integerExpected)
    }

    @Test("multiPower with no, one and two terms, zero exponents, the identity and cancelling terms")
    func smallProducts() {
        let field = group.scalars
        let (a, b) = (randomPoint(), randomPoint())
        let (x, y) = (field.random(), field.random())
        #expect(group.multiPower([], []) == group.identity)
        #expect(group.multiPower([a], [x]) == group.power(a, public: x))
        #expect(group.multiPower([a], [field.zero]) == group.identity)
        #expect(group.multiPower([group.identity], [x]) == group.identity)
        #expect(group.multiPower([a, b], [x, y]) == group.multiply(group.power(a, public: x), group.power(b, public: y)))
        #expect(group.multiPower([a, a], [x, y]) == group.power(a, public: field.add(x, y)))
        #expect(group.multiPower([a, group.inverse(a)], [x, x]) == group.identity)
        #expect(group.multiPower([a, b], [field.zero, field.zero]) == group.identity)
        #expect(group.multiPower([a, group.identity], [x, y]) == group.power(a, public: x))
    }

    @Test("multiPower of 1,000 terms equals the product of separate powers")
    func thousandTerms() {
        let field = group.scalars
        let distinct = (0..<300).map { _ in randomPoint() }
        var bases = (0..<1_000).map { distinct[$0 % distinct.count] }
        var exponents = (0..<1_000).map { _ in field.random() }
        bases[7] = group.identity
        exponents[8] = field.zero
        exponents[9] = field.scalar(3)
        bases[10] = group.inverse(bases[11])
        exponents[10] = exponents[11]
        let expected = zip(bases, exponents).reduce(group.identity) { group.multiply($0, group.power($1.0, public: $1.1)) }
        #expect(group.multiPower(bases, exponents) == expected)
    }

    @Test("1,000 copies of one base and exponent (every bucket addition a doubling), and cancelling pairs")
    func collidingTerms() {
        let field = group.scalars
        let a = randomPoint()
        let x = field.random()
        let thousand = field.scalar(1_000)
        #expect(group.multiPower([P256.Element](repeating: a, count: 1_000), [Scalar](repeating: x, count: 1_000))
                == group.power(a, public: field.multiply(x, thousand)))
        let pairs = (0..<500).flatMap { _ in
            let point = randomPoint()
            return [point, group.inverse(point)]
        }
        let shared = (0..<500).flatMap { _ in [Scalar](repeating: field.random(), count: 2) }
        #expect(group.multiPower(pairs, shared) == group.identity)
    }

    @Test("a fixed base's precomputed table gives the same powers as plain multiplication, edge and random exponents")
    func fixedBaseTable() {
        let field = group.scalars
        let base = randomPoint()
        let table = group.fixedBase(base)
        #expect(table.precomputed != nil)
        let exponents = [field.zero, field.one, field.scalar(2), field.scalar(0x80), field.scalar(0x81),
                         field.negate(field.one)] + (0..<20).map { _ in field.random() }
        for exponent in exponents {
            #expect(group.power(table, public: exponent) == group.power(base, public: exponent))
            #expect(group.power(table, secret: exponent) == group.power(base, public: exponent))
        }
        let identityTable = group.fixedBase(group.identity)
        #expect(identityTable.precomputed == nil)
        #expect(group.power(identityTable, public: field.random()) == group.identity)
        #expect(group.power(identityTable, secret: field.random()) == group.identity)
        #expect(group.fixedBase(group.generator).isGenerator)
    }
}
