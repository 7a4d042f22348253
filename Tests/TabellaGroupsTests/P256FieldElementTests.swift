import COpenSSL
import Testing
@testable import TabellaGroups

/// Tabella's P-256 field arithmetic against known values and against OpenSSL's `BN_mod_*`.
@Suite("P-256 field arithmetic")
struct P256FieldElementTests {
    /// p = 2²⁵⁶ − 2²²⁴ + 2¹⁹² + 2⁹⁶ − 1 (SEC 2, secp256r1), big-endian.
    static let prime = Hex.decode("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")!
    static let primeMinusOne = Hex.decode("ffffffff00000001000000000000000000000000fffffffffffffffffffffffe")!

    @Test("integers below p convert in and out; p and above are refused")
    func conversion() throws {
        #expect(P256FieldElement(bigEndian: Self.prime) == nil)
        #expect(P256FieldElement(bigEndian: [UInt8](repeating: 0xFF, count: 32)) == nil)
        #expect(P256FieldElement(bigEndian: [UInt8](repeating: 1, count: 31)) == nil)
        let largest = try #require(P256FieldElement(bigEndian: Self.primeMinusOne))
        #expect(largest.bigEndianBytes == Self.primeMinusOne)
        let one = try #require(P256FieldElement(bigEndian: [UInt8](repeating: 0, count: 31) + [1]))
        #expect(one == .one)
        #expect(P256FieldElement(bigEndian: [UInt8](repeating: 0, count: 32)) == .zero)
        for _ in 0..<20 {
            let bytes = Self.randomBytesBelowPrime()
            #expect(try #require(P256FieldElement(bigEndian: bytes)).bigEndianBytes == bytes)
        }
    }

    @Test("known values: (p − 1)² = 1, 2⁻¹ = (p + 1)/2, −1 = p − 1, zero has no inverse")
    func knownValues() throws {
        let minusOne = try #require(P256FieldElement(bigEndian: Self.primeMinusOne))
        #expect(minusOne.squared == .one)
        #expect(minusOne * minusOne == .one)
        #expect(-P256FieldElement.one == minusOne)
        #expect(minusOne + .one == .zero)
        #expect(P256FieldElement.zero - .one == minusOne)
        #expect(minusOne.inverse == minusOne)
        let two = P256FieldElement.one.doubled
        // (p + 1) / 2 = 0x7fffffff80000000800000000000000000000000800000000000000000000000.
        #expect(two.inverse.bigEndianBytes
                == Hex.decode("7fffffff80000000800000000000000000000000800000000000000000000000")!)
        #expect(P256FieldElement.zero.inverse == .zero)
        #expect(P256FieldElement.one.inverse == .one)
    }

    @Test("random sums, differences, products, squares and inverses agree with OpenSSL BN_mod_*")
    func againstOpenSSL() throws {
        let modulus = BigNumber(bigEndian: Self.prime)
        let scratch = BigNumberContext()
        for round in 0..<200 {
            // Random values, and now and then the extremes.
            let aBytes = round == 0 ? Self.primeMinusOne : Self.randomBytesBelowPrime()
            let bBytes = round == 1 ? Self.primeMinusOne : Self.randomBytesBelowPrime()
            let a = try #require(P256FieldElement(bigEndian: aBytes))
            let b = try #require(P256FieldElement(bigEndian: bBytes))
            let (x, y) = (BigNumber(bigEndian: aBytes), BigNumber(bigEndian: bBytes))
            let result = BigNumber()
            func expected() -> [UInt8] {
                var bytes = [UInt8](repeating: 0, count: 32)
                _ = BN_bn2binpad(result.pointer, &bytes, 32)
                return bytes
            }
            _ = BN_mod_add(result.pointer, x.pointer, y.pointer, modulus.pointer, scratch.pointer)
            #expect((a + b).bigEndianBytes == expected())
            _ = BN_mod_sub(result.pointer, x.pointer, y.pointer, modulus.pointer, scratch.pointer)
            #expect((a - b).bigEndianBytes == expected())
            _ = BN_mod_mul(result.pointer, x.pointer, y.pointer, modulus.pointer, scratch.pointer)
            #expect((a * b).bigEndianBytes == expected())
            _ = BN_mod_sqr(result.pointer, x.pointer, modulus.pointer, scratch.pointer)
            #expect(a.squared.bigEndianBytes == expected())
            if round < 20 {
                _ = BN_mod_inverse(result.pointer, x.pointer, modulus.pointer, scratch.pointer)
                #expect(a.inverse.bigEndianBytes == expected())
                #expect(a * a.inverse == .one)
            }
        }
    }

    @Test("batch inversion inverts every nonzero element and leaves zeros")
    func batchInversion() throws {
        var elements = try (0..<50).map { index in
            index % 7 == 3 ? P256FieldElement.zero : try #require(P256FieldElement(bigEndian: Self.randomBytesBelowPrime()))
        }
        let originals = elements
        elements.withUnsafeMutableBufferPointer { P256FieldElement.invertAll($0) }
        for (original, inverse) in zip(originals, elements) {
            #expect(original.isZero ? inverse.isZero : original * inverse == .one)
        }
        var none = [P256FieldElement]()
        none.withUnsafeMutableBufferPointer { P256FieldElement.invertAll($0) }
        #expect(none.isEmpty)
    }

    /// 32 random bytes holding an integer below p.
    static func randomBytesBelowPrime() -> [UInt8] {
        while true {
            let bytes = SecureRandom.bytes(count: 32)
            if bytes.lexicographicallyPrecedes(prime) { return bytes }
        }
    }
}
