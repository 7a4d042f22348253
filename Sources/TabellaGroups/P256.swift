internal import COpenSSL

/// The NIST P-256 curve (secp256r1) over OpenSSL, with points kept in OpenSSL's internal (Jacobian) form between
/// operations and encoded as 33-byte compressed SEC 1 points (65-byte uncompressed ones in bulk).
///
/// Scalar multiplication by a secret goes through `EC_POINT_mul`, which OpenSSL implements in constant time; the
/// generator uses OpenSSL's built-in precomputed table, and a fixed base of our own gets the same kind of table in
/// a copy of the group whose generator it is. Multi-exponentiation of 128 terms or more, for public scalars, runs
/// on Tabella's own variable-time arithmetic (``P256Workspace``); fewer terms go to OpenSSL's `EC_POINTs_mul`.
/// Multi-exponentiation with secret scalars runs on Tabella's constant-time path (``SecretMultiExponentiation``).
public struct P256: PrimeOrderGroup {
    /// A curve point.
    public struct Element: Sendable, Hashable {
        /// The point; never mutated once made.
        internal let point: ECPoint

        /// Equality of points (independent of their internal coordinates).
        public static func == (lhs: Element, rhs: Element) -> Bool {
            P256Curve.shared.areEqual(lhs.point, rhs.point)
        }

        /// Hashes the compressed encoding.
        public func hash(into hasher: inout Hasher) { hasher.combine(P256Curve.shared.encode(point)) }
    }

    /// The fixed base: the point, whether it is the generator (served by OpenSSL's own table), and for other
    /// points an OpenSSL group with the point as generator and its precomputed table (nil for the point at
    /// infinity).
    public struct FixedBase: Sendable {
        internal let base: Element
        internal let isGenerator: Bool
        internal let precomputed: PrecomputedGroup?
    }

    /// `p256`.
    public let name = "p256"
    /// Scalars modulo the curve order n, big-endian as in SEC 1.
    public let scalars: ScalarField
    /// Compressed SEC 1 points have 33 bytes.
    public let elementByteCount = 33

    /// The group.
    public init() {
        scalars = P256Curve.shared.scalars
    }

    /// The point at infinity.
    public var identity: Element { Element(point: P256Curve.shared.infinity()) }

    /// The standard base point G.
    public var generator: Element { Element(point: P256Curve.shared.generatorPoint) }

    /// The generator's fixed base.
    public var generatorTable: FixedBase {
        FixedBase(base: generator, isGenerator: true, precomputed: nil)
    }

    /// Point addition.
    public func multiply(_ a: Element, _ b: Element) -> Element {
        Element(point: P256Curve.shared.add(a.point, b.point))
    }

    /// Point negation.
    public func inverse(_ a: Element) -> Element { Element(point: P256Curve.shared.negate(a.point)) }

    /// Scalar multiplication in constant time (`EC_POINT_mul` with a constant-time scalar).
    public func power(_ base: Element, secret exponent: Scalar) -> Element {
        Element(point: P256Curve.shared.multiply(base.point, by: exponent, secret: true))
    }

    /// Scalar multiplication of a public scalar.
    public func power(_ base: Element, public exponent: Scalar) -> Element {
        Element(point: P256Curve.shared.multiply(base.point, by: exponent, secret: false))
    }

    /// The fixed base of `base`: for a point other than the generator, OpenSSL's precomputed table for it, as for
    /// the standard generator (2,368 points, about 150 KB), which makes every scalar multiplication about five
    /// times faster, on the constant-time path for secret scalars.
    public func fixedBase(_ base: Element) -> FixedBase {
        guard base != generator else { return generatorTable }
        let precomputed = base == identity ? nil : P256Curve.shared.precomputedGroup(generator: base.point)
        return FixedBase(base: base, isGenerator: false, precomputed: precomputed)
    }

    /// `base^exponent` in constant time, by OpenSSL's precomputed table of the base (its own for the generator).
    public func power(_ table: FixedBase, secret exponent: Scalar) -> Element {
        if table.isGenerator { return Element(point: P256Curve.shared.multiplyGenerator(by: exponent, secret: true)) }
        guard let precomputed = table.precomputed else { return power(table.base, secret: exponent) }
        return Element(point: P256Curve.shared.multiply(generatorOf: precomputed, by: exponent, secret: true))
    }

    /// `base^exponent` for a public exponent, by the same tables.
    public func power(_ table: FixedBase, public exponent: Scalar) -> Element {
        if table.isGenerator { return Element(point: P256Curve.shared.multiplyGenerator(by: exponent, secret: false)) }
        guard let precomputed = table.precomputed else { return identity }
        return Element(point: P256Curve.shared.multiply(generatorOf: precomputed, by: exponent, secret: false))
    }

    /// `∏ bases[i]^exponents[i]`: from 128 terms by Pippenger's method on Tabella's own arithmetic
    /// (``P256Workspace``), below that by OpenSSL's `EC_POINTs_mul`, whichever was faster here.
    public func multiPower(_ bases: [Element], _ exponents: [Scalar]) -> Element {
        Element(point: P256Curve.shared.multiMultiply(bases.map(\.point), exponents))
    }

    /// The compressed SEC 1 encoding; the point at infinity is 33 zero bytes.
    public func encode(_ element: Element) -> [UInt8] { P256Curve.shared.encode(element.point) }

    /// The compressed SEC 1 encodings of `elements`, concatenated, with one field inversion for all of them
    /// instead of one each.
    public func encodeAll(_ elements: [Element]) -> [UInt8] { P256Curve.shared.encode(elements.map(\.point)) }

    /// The encodings of `elements` and then of the products over `products`' index lists, the products formed on
    /// the coordinates read for the encoding (no `EC_POINT_add`), all with one field inversion.
    public func encodeAll(_ elements: [Element], appendingProductsOf products: [[Int]]) -> [UInt8] {
        P256Curve.shared.encode(elements.map(\.point), appendingSums: products)
    }

    /// Decodes a compressed SEC 1 point (or 33 zero bytes for the point at infinity).
    ///
    /// - Throws: ``GroupError`` with `wrongLength`, `nonCanonical` (a prefix other than 02 or 03),
    ///   `outOfRange` (x not below the field prime), or `notOnCurve`.
    public func decode(_ bytes: [UInt8]) throws(GroupError) -> Element {
        Element(point: try P256Curve.shared.decode(bytes))
    }

    /// Uncompressed SEC 1 points have 65 bytes: the bulk encoding, which validates without a square root.
    public var bulkElementByteCount: Int { 65 }

    /// The uncompressed SEC 1 encodings of `elements` (65 zero bytes for the point at infinity), concatenated,
    /// with one field inversion for all of them.
    public func encodeBulk(_ elements: [Element]) -> [UInt8] {
        P256Curve.shared.encodeUncompressed(elements.map(\.point))
    }

    /// Decodes uncompressed SEC 1 points (or 65 zero bytes for the point at infinity).
    ///
    /// Each result is a ``GroupError`` with `wrongLength`, `nonCanonical` (a prefix other than 04), `outOfRange`
    /// (a coordinate not below the field prime), or `notOnCurve`, or the point.
    public func decodeBulk(_ encodings: [[UInt8]]) -> [Result<Element, GroupError>] {
        encodings.map { bytes in
            Result { () throws(GroupError) in Element(point: try P256Curve.shared.decodeUncompressed(bytes)) }
        }
    }
}
