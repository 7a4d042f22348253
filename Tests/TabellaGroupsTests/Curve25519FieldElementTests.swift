import COpenSSL
import Testing
@testable import TabellaGroups

/// Tabella's GF(2²⁵⁵ − 19) arithmetic against known values and against OpenSSL's `BN_mod_*`.
@Suite("Curve25519 field arithmetic")
struct Curve25519FieldElementTests {
    typealias Element = Curve25519FieldElement

    /// p = 2²⁵⁵ − 19, little-endian.
    static let prime = [0xed] + [UInt8](repeating: 0xff, count: 30) + [0x7f]
    static let primeMinusOne = [0xec] + [UInt8](repeating: 0xff, count: 30) + [0x7f]

    /// The little-endian bytes of a small integer.
    static func small(_ value: UInt8, topBit: Bool = false) -> [UInt8] {
        [value] + [UInt8](repeating: 0, count: 30) + [topBit ? 0x80 : 0]
    }

    @Test("integers below p convert in and out; p and above reduce, the top bit is ignored")
    func conversion() {
        #expect(Element(littleEndian: Self.primeMinusOne).littleEndianBytes == Self.primeMinusOne)
        #expect(Element(littleEndian: Self.small(0)).littleEndianBytes == Self.small(0))
        #expect(Element(littleEndian: Self.small(1)) == .one)
        #expect(Element(littleEndian: Self.prime).littleEndianBytes == Self.small(0))
        #expect(Element(littleEndian: Self.prime).isZero)
        // p + 1 and 2²⁵⁵ − 1 = p + 18.
        #expect(Element(littleEndian: [0xee] + Self.prime.dropFirst()).littleEndianBytes == Self.small(1))
        #expect(Element(littleEndian: [0xff] + Self.prime.dropFirst()).littleEndianBytes == Self.small(18))
        #expect(Element(littleEndian: Self.small(5, topBit: true)).littleEndianBytes == Self.small(5))
        for _ in 0..<20 {
            let bytes = Self.randomBytesBelowPrime()
            #expect(Element(littleEndian: bytes).littleEndianBytes == bytes)
        }
    }

    @Test("known values: (p − 1)² = 1, −1 = p − 1, 2⁻¹ = (p + 1)/2, the sign, zero has no inverse")
    func knownValues() {
        let minusOne = Element(littleEndian: Self.primeMinusOne)
        #expect(minusOne.squared == .one)
        #expect(minusOne * minusOne == .one)
        #expect(-Element.one == minusOne)
        #expect(minusOne + .one == .zero)
        #expect(Element.zero - .one == minusOne)
        #expect(minusOne.inverse == minusOne)
        // (p + 1) / 2 = 2²⁵⁴ − 9.
        #expect((Element.one + .one).inverse.littleEndianBytes
                == [0xf7] + [UInt8](repeating: 0xff, count: 30) + [0x3f])
        #expect(Element.zero.inverse == .zero)
        #expect(Element.one.inverse == .one)
        #expect(!Element.zero.isNegative)
        #expect(Element.one.isNegative)
        #expect(!minusOne.isNegative)
        // One is odd, so "negative": its absolute value is p − 1.
        #expect(minusOne.absolute == minusOne)
        #expect(Element.one.absolute == minusOne)
        #expect(Element(littleEndian: Self.prime) == .zero)
        #expect(Element.one != .zero)
    }

    @Test("the constants: d, 2d, √−1 and 1/√(a − d) of RFC 9496 §4.1")
    func constants() {
        // RFC 9496 §4.1 gives the constants in decimal.
        #expect(Element.d.littleEndianBytes
                == Self.decimal("37095705934669439343138083508754565189542113879843219016388785533085940283555"))
        #expect(Element.squareRootOfMinusOne.littleEndianBytes
                == Self.decimal("19681161376707505956807079304988542015446066515923890162744021073123829784752"))
        #expect(Element.inverseSquareRootOfAMinusD.littleEndianBytes
                == Self.decimal("54469307008909316920995813868745141605393597292927456921205312896311721017578"))
        #expect(Element.doubleD == Element.d + Element.d)
        #expect(Element.d * Self.integer(121666) == -Self.integer(121665))
        #expect(Element.squareRootOfMinusOne.squared == -Element.one)
        #expect(Element.inverseSquareRootOfAMinusD.squared * (-Element.one - Element.d) == .one)
    }

    @Test("random sums, differences, products, squares, negations and inverses agree with OpenSSL BN_mod_*")
    func againstOpenSSL() {
        let modulus = BigNumber(bigEndian: Self.prime.reversed())
        let scratch = BigNumberContext()
        let extremes = [Self.primeMinusOne, Self.small(0), Self.small(1), Self.small(19)]
        for round in 0..<200 {
            let aBytes = round < extremes.count ? extremes[round] : Self.randomBytesBelowPrime()
            let bBytes = round < extremes.count ? Self.primeMinusOne : Self.randomBytesBelowPrime()
            let (a, b) = (Element(littleEndian: aBytes), Element(littleEndian: bBytes))
            let (x, y) = (BigNumber(bigEndian: aBytes.reversed()), BigNumber(bigEndian: bBytes.reversed()))
            let result = BigNumber()
            func expected() -> [UInt8] {
                var bytes = [UInt8](repeating: 0, count: 32)
                _ = BN_bn2binpad(result.pointer, &bytes, 32)
                return bytes.reversed()
            }
            _ = BN_mod_add(result.pointer, x.pointer, y.pointer, modulus.pointer, scratch.pointer)
            #expect((a + b).littleEndianBytes == expected())
            _ = BN_mod_sub(result.pointer, x.pointer, y.pointer, modulus.pointer, scratch.pointer)
            #expect((a - b).littleEndianBytes == expected())
            _ = BN_mod_sub(result.pointer, modulus.pointer, x.pointer, modulus.pointer, scratch.pointer)
            #expect((-a).littleEndianBytes == expected())
            _ = BN_mod_mul(result.pointer, x.pointer, y.pointer, modulus.pointer, scratch.pointer)
            #expect((a * b).littleEndianBytes == expected())
            _ = BN_mod_sqr(result.pointer, x.pointer, modulus.pointer, scratch.pointer)
            #expect(a.squared.littleEndianBytes == expected())
            if round < 20 && !a.isZero {
                _ = BN_mod_inverse(result.pointer, x.pointer, modulus.pointer, scratch.pointer)
                #expect(a.inverse.littleEndianBytes == expected())
                #expect(a * a.inverse == .one)
            }
        }
    }

    @Test("operands at the limb bounds: products of sums of sums, differences of sums")
    func limbBounds() {
        let minusOne = Element(littleEndian: Self.primeMinusOne)
        // Every limb of p − 1 is near 2⁵¹; sums of sums take limbs near 2⁵³, the largest operands used.
        let two = minusOne + minusOne
        let four = two + two
        #expect(four * four == Self.integer(16))
        #expect(four.squared == Self.integer(16))
        #expect((minusOne - two) == .one)
        #expect((Element.zero - two) == Self.integer(2))
        #expect(-(minusOne + minusOne) == Self.integer(2))
        for _ in 0..<50 {
            let (a, b, c, d) = (Self.random(), Self.random(), Self.random(), Self.random())
            let sum = (a + b) + (c + d)
            #expect(sum * sum == (a + b + c + d).squared)
            #expect(sum.squared == (a * a + b * b + c * c + d * d) + (a * b + a * c + a * d + b * c + b * d + c * d)
                    * Self.integer(2))
            #expect((a + b) - (c + d) == a - c + (b - d))
        }
    }

    @Test("the square root of a ratio: RFC 9496 A.4 and random ratios, against Euler's criterion")
    func squareRootRatio() {
        // RFC 9496 Appendix A.4: SQRT_RATIO_M1(u, v).
        let cases: [(UInt64, UInt64, Bool, [UInt8])] = [
            (0, 0, true, Self.small(0)), (0, 1, true, Self.small(0)), (1, 0, false, Self.small(0)),
            (2, 1, false, Hex.decode("3c5ff1b5d8e4113b871bd052f9e7bcd0582804c266ffb2d4f4203eb07fdb7c54")!),
            (4, 1, true, Self.small(2)),
            (1, 4, true, [0xf6] + [UInt8](repeating: 0xff, count: 30) + [0x3f]),
        ]
        for (u, v, isSquare, root) in cases {
            let result = Element.squareRootRatio(Self.integer(u), Self.integer(v))
            #expect(result.isSquare == isSquare, "u = \(u), v = \(v)")
            #expect(result.root.littleEndianBytes == root, "u = \(u), v = \(v)")
        }
        let modulus = BigNumber(bigEndian: Self.prime.reversed())
        let halfOrder = BigNumber(bigEndian: Self.primeMinusOne.reversed())
        _ = BN_rshift1(halfOrder.pointer, halfOrder.pointer)
        let scratch = BigNumberContext()
        for _ in 0..<40 {
            let (u, v) = (Self.random(), Self.random())
            let (isSquare, root) = Element.squareRootRatio(u, v)
            // Euler's criterion: u/v is a square when (u·v)^((p−1)/2) = 1.
            let product = BigNumber(bigEndian: (u * v).littleEndianBytes.reversed())
            let power = BigNumber()
            _ = BN_mod_exp(power.pointer, product.pointer, halfOrder.pointer, modulus.pointer, scratch.pointer)
            #expect(isSquare == (BN_is_one(power.pointer) == 1))
            #expect(!root.isNegative)
            #expect(v * root.squared == (isSquare ? u : u * Element.squareRootOfMinusOne))
        }
    }

    /// The element of a small integer.
    static func integer(_ value: UInt64) -> Element { Element(limbs: value, 0, 0, 0, 0) }

    /// A random element.
    static func random() -> Element { Element(littleEndian: randomBytesBelowPrime()) }

    /// The 32 little-endian bytes of a decimal integer below 2²⁵⁶.
    static func decimal(_ digits: String) -> [UInt8] {
        let number = BigNumber()
        var pointer: OpaquePointer? = number.pointer
        _ = BN_dec2bn(&pointer, digits)
        var bytes = [UInt8](repeating: 0, count: 32)
        _ = BN_bn2binpad(number.pointer, &bytes, 32)
        return bytes.reversed()
    }

    /// 32 random little-endian bytes holding an integer below p.
    static func randomBytesBelowPrime() -> [UInt8] {
        while true {
            var bytes = SecureRandom.bytes(count: 32)
            bytes[31] &= 0x7f
            if !(bytes[1..<31].allSatisfy { $0 == 0xff } && bytes[31] == 0x7f && bytes[0] >= 0xed) { return bytes }
        }
    }
}
