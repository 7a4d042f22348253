internal import CSodium

/// The ristretto255 group (RFC 9496): a prime-order group built on Curve25519, over libsodium and Tabella's own
/// Edwards25519 arithmetic.
///
/// libsodium exposes ristretto255 only through encodings: every operation decodes its inputs and encodes its output.
/// Its scalar multiplications are constant-time and serve every exponentiation of one base. Decoding and
/// multi-exponentiation with public exponents run on Tabella's variable-time arithmetic (``Edwards25519Point``,
/// see Docs/groups.md), multi-exponentiation with secret exponents on its constant-time path
/// (``SecretMultiExponentiation``).
public struct Ristretto255: PrimeOrderGroup {
    /// A group element, held as its canonical 32-byte encoding.
    public struct Element: Sendable, Hashable {
        /// The canonical encoding.
        internal let bytes: [UInt8]
    }

    /// A "table" for a fixed base: libsodium offers a precomputed table only for the generator.
    public struct FixedBase: Sendable {
        /// The base.
        internal let base: Element
        /// Whether the base is the standard generator, which `crypto_scalarmult_ristretto255_base` covers.
        internal let isGenerator: Bool
    }

    /// The group order ℓ = 2^252 + 27742317777372353535851937790883648493, big-endian.
    private static let order = Hex.decode("1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed")!

    /// `ristretto255`.
    public let name = "ristretto255"
    /// Scalars modulo ℓ, encoded little-endian as in RFC 9496.
    public let scalars: ScalarField
    /// The length of an encoded element.
    public let elementByteCount = 32

    /// The group.
    public init() {
        LibraryInitialization.ensure()
        // ℓ is an odd prime, which is all the scalar field requires.
        scalars = try! ScalarField(modulus: Self.order, byteOrder: .littleEndian)
    }

    /// The identity, encoded as 32 zero bytes.
    public var identity: Element { Element(bytes: [UInt8](repeating: 0, count: 32)) }

    /// The standard generator (the ristretto255 encoding of the Ed25519 base point).
    public var generator: Element {
        Element(bytes: Hex.decode("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76")!)
    }

    /// The generator's fixed base, served by libsodium's built-in table.
    public var generatorTable: FixedBase { FixedBase(base: generator, isGenerator: true) }

    /// An addition costs about 19 µs, a third of a scalar multiplication: libsodium decodes and re-encodes.
    public var hasCostlyOperations: Bool { true }

    /// The group operation (point addition).
    public func multiply(_ a: Element, _ b: Element) -> Element {
        var bytes = [UInt8](repeating: 0, count: 32)
        _ = crypto_core_ristretto255_add(&bytes, a.bytes, b.bytes)
        return Element(bytes: bytes)
    }

    /// The inverse (point negation).
    public func inverse(_ a: Element) -> Element {
        var bytes = [UInt8](repeating: 0, count: 32)
        _ = crypto_core_ristretto255_sub(&bytes, identity.bytes, a.bytes)
        return Element(bytes: bytes)
    }

    /// Scalar multiplication in constant time.
    public func power(_ base: Element, secret exponent: Scalar) -> Element {
        var bytes = [UInt8](repeating: 0, count: 32)
        var scalar = scalars.encode(exponent)
        // libsodium returns -1 and leaves an unspecified value when the result is the identity.
        let status = crypto_scalarmult_ristretto255(&bytes, scalar, base.bytes)
        sodium_memzero(&scalar, scalar.count)
        return status == 0 ? Element(bytes: bytes) : identity
    }

    /// Scalar multiplication; libsodium has only the constant-time routine.
    public func power(_ base: Element, public exponent: Scalar) -> Element { power(base, secret: exponent) }

    /// The fixed base of `base`.
    public func fixedBase(_ base: Element) -> FixedBase { FixedBase(base: base, isGenerator: base == generator) }

    /// `base^exponent` in constant time, from libsodium's generator table when the base is the generator.
    public func power(_ table: FixedBase, secret exponent: Scalar) -> Element {
        guard table.isGenerator else { return power(table.base, secret: exponent) }
        var bytes = [UInt8](repeating: 0, count: 32)
        var scalar = scalars.encode(exponent)
        let status = crypto_scalarmult_ristretto255_base(&bytes, scalar)
        sodium_memzero(&scalar, scalar.count)
        return status == 0 ? Element(bytes: bytes) : identity
    }

    /// `base^exponent` from a fixed base (the same constant-time routine).
    public func power(_ table: FixedBase, public exponent: Scalar) -> Element { power(table, secret: exponent) }

    /// `∏ bases[i]^exponents[i]` for public exponents: the bases decoded once into Tabella's own Edwards25519
    /// points, Straus's or Pippenger's method on them, and the product encoded once (``Ristretto255Workspace``).
    public func multiPower(_ bases: [Element], _ exponents: [Scalar]) -> Element {
        multiPower(bases, exponents, plan: nil)
    }

    /// The canonical 32-byte encoding.
    public func encode(_ element: Element) -> [UInt8] { element.bytes }

    /// Decodes a canonical ristretto255 encoding.
    ///
    /// - Throws: ``GroupError`` with `wrongLength`, `nonCanonical` (a field element not below 2^255 - 19, or
    ///   negative), or `notOnCurve` (no point has this encoding).
    public func decode(_ bytes: [UInt8]) throws(GroupError) -> Element {
        _ = try Self.point(decoding: bytes)
        return Element(bytes: bytes)
    }

    /// Whether 32 little-endian bytes are a field element below 2^255 - 19 whose low bit (its sign) is clear.
    static func isCanonicalNonNegative(_ bytes: [UInt8]) -> Bool {
        guard bytes[0] & 1 == 0, bytes[31] & 0x80 == 0 else { return false }
        // Below 2^255 - 19 unless every byte is 0xff (0x7f at the top) and the lowest is 0xed or more.
        let allHigh = bytes[1..<31].allSatisfy { $0 == 0xff } && bytes[31] == 0x7f
        return !(allHigh && bytes[0] >= 0xed)
    }
}
