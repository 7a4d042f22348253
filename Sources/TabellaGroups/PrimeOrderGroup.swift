/// A cyclic group of prime order q, written multiplicatively, with its scalar field.
///
/// Elements are plain values that only their own group operates on. Every element built from outside bytes goes
/// through ``decode(_:)``, which checks range, subgroup membership and canonical form. The argument label of an
/// exponentiation chooses its routine: `secret:` runs in constant time, `public:` may depend on the exponent.
public protocol PrimeOrderGroup: Sendable {
    /// A group element.
    associatedtype Element: Sendable, Hashable
    /// A precomputed table for repeated exponentiation of one long-lived base.
    associatedtype FixedBase: Sendable
    /// The precomputed tables of the bases of a constant-time multi-exponentiation (``multiPower(_:secret:)``),
    /// built once from the public bases and used by every product over them.
    associatedtype SecretMultiPowerTable: Sendable = SeparateSecretPowers<Element>

    /// A short stable name, such as `integer-4096` or `ristretto255`.
    var name: String { get }
    /// Arithmetic modulo the group order q.
    var scalars: ScalarField { get }
    /// The neutral element.
    var identity: Element { get }
    /// The standard generator g.
    var generator: Element { get }
    /// The fixed-base table of the generator, built once.
    var generatorTable: FixedBase { get }
    /// The length of an encoded element.
    var elementByteCount: Int { get }
    /// Whether one group operation costs a sizeable fraction of an exponentiation (ristretto255 through libsodium
    /// decodes both operands and encodes the result every time): code that can compute a product either by group
    /// operations or by a few fixed-base exponentiations then takes the exponentiations.
    var hasCostlyOperations: Bool { get }

    /// The group operation `a · b`.
    func multiply(_ a: Element, _ b: Element) -> Element
    /// The inverse `a⁻¹`.
    func inverse(_ a: Element) -> Element
    /// `base^exponent` in constant time, for secret exponents.
    func power(_ base: Element, secret exponent: Scalar) -> Element
    /// `base^exponent`, possibly faster and variable-time, for public exponents.
    func power(_ base: Element, public exponent: Scalar) -> Element
    /// Builds the fixed-base table of `base`; worth it when the base is raised to many exponents.
    func fixedBase(_ base: Element) -> FixedBase
    /// `base^exponent` from a fixed-base table, in constant time.
    func power(_ table: FixedBase, secret exponent: Scalar) -> Element
    /// `base^exponent` from a fixed-base table, variable-time.
    func power(_ table: FixedBase, public exponent: Scalar) -> Element
    /// The product `∏ bases[i]^exponents[i]` for public exponents, faster than separate exponentiations.
    func multiPower(_ bases: [Element], _ exponents: [Scalar]) -> Element
    /// Builds the table of `bases` for ``multiPower(_:secret:)``. The bases are public: this may be variable-time.
    func secretMultiPowerTable(_ bases: [Element]) -> SecretMultiPowerTable
    /// `∏ bases[i]^exponents[i]` over the first `exponents.count` bases of `table`, in constant time for secret
    /// exponents: the same product as separate ``power(_:secret:)`` calls, faster in groups with a native routine.
    func multiPower(_ table: SecretMultiPowerTable, secret exponents: [Scalar]) -> Element
    /// The canonical encoding, ``elementByteCount`` bytes.
    func encode(_ element: Element) -> [UInt8]
    /// The canonical encodings of `elements`, concatenated in order: the same bytes as encoding each one, faster
    /// in groups whose encoding needs a field inversion per element (one inversion serves them all).
    func encodeAll(_ elements: [Element]) -> [UInt8]
    /// The canonical encodings of `elements` followed by those of the products `∏ elements[i]` over each list of
    /// indices in `products` (the identity for an empty list): the same bytes as ``encodeAll(_:)`` of the elements
    /// and the products, faster in groups whose encoding reads coordinates that the products can be formed on.
    func encodeAll(_ elements: [Element], appendingProductsOf products: [[Int]]) -> [UInt8]
    /// Decodes and validates an element.
    ///
    /// - Throws: a ``GroupError`` naming the failed check: length, range, zero, subgroup, canonical form, curve.
    func decode(_ bytes: [UInt8]) throws(GroupError) -> Element
    /// Decodes and validates many elements: the same results as ``decode(_:)`` on each, faster in groups whose
    /// validation costs an exponentiation per element (one short multi-exponentiation serves them all).
    func decodeAll(_ encodings: [[UInt8]]) -> [Result<Element, GroupError>]

    /// The length of an element in the bulk encoding, the form of the many elements stored in a ballot: the
    /// canonical encoding, or in a group whose canonical form is costly to decode a longer one that is cheap to
    /// validate (P-256's uncompressed points, which need no square root).
    var bulkElementByteCount: Int { get }
    /// The bulk encodings of `elements`, concatenated in order. Each element has exactly one bulk encoding.
    func encodeBulk(_ elements: [Element]) -> [UInt8]
    /// Decodes and validates bulk encodings, with the same checks as ``decode(_:)``.
    func decodeBulk(_ encodings: [[UInt8]]) -> [Result<Element, GroupError>]
}

extension PrimeOrderGroup {
    /// Group operations are cheap beside exponentiations (the default).
    public var hasCostlyOperations: Bool { false }

    /// `a · b⁻¹`.
    public func divide(_ a: Element, _ b: Element) -> Element { multiply(a, inverse(b)) }

    /// `g^exponent` in constant time, from the generator's table.
    public func generatorPower(secret exponent: Scalar) -> Element { power(generatorTable, secret: exponent) }

    /// `g^exponent`, variable-time, from the generator's table.
    public func generatorPower(public exponent: Scalar) -> Element { power(generatorTable, public: exponent) }

    /// Decodes each element in turn (the default for groups with nothing to share between validations).
    public func decodeAll(_ encodings: [[UInt8]]) -> [Result<Element, GroupError>] {
        encodings.map { bytes in Result { () throws(GroupError) in try decode(bytes) } }
    }

    /// Encodes each element in turn (the default for groups with nothing to share between encodings).
    public func encodeAll(_ elements: [Element]) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(elements.count * elementByteCount)
        for element in elements { bytes += encode(element) }
        return bytes
    }

    /// Forms the products by ``multiply(_:_:)`` and encodes everything with ``encodeAll(_:)`` (the default).
    public func encodeAll(_ elements: [Element], appendingProductsOf products: [[Int]]) -> [UInt8] {
        encodeAll(elements + products.map { indices in
            guard let first = indices.first else { return identity }
            return indices.dropFirst().reduce(elements[first]) { multiply($0, elements[$1]) }
        })
    }

    /// The bulk encoding is the canonical one (the default).
    public var bulkElementByteCount: Int { elementByteCount }

    /// The canonical encodings (the default bulk encoding).
    public func encodeBulk(_ elements: [Element]) -> [UInt8] { encodeAll(elements) }

    /// Decodes canonical encodings (the default bulk encoding).
    public func decodeBulk(_ encodings: [[UInt8]]) -> [Result<Element, GroupError>] { decodeAll(encodings) }

    /// `∏ bases[i]^exponents[i]` in constant time for secret exponents, by a table used once.
    public func multiPower(_ bases: [Element], secret exponents: [Scalar]) -> Element {
        precondition(bases.count == exponents.count, "one exponent per base")
        return multiPower(secretMultiPowerTable(bases), secret: exponents)
    }

    /// The product of several elements (the identity for none).
    public func product<Elements: Sequence<Element>>(_ elements: Elements) -> Element {
        elements.reduce(identity, multiply)
    }
}

/// The secret multi-exponentiation "table" of a group without a native constant-time multi-exponentiation: the
/// bases themselves, each raised by ``PrimeOrderGroup/power(_:secret:)``.
public struct SeparateSecretPowers<Element: Sendable>: Sendable {
    /// The bases.
    public let bases: [Element]
}

extension PrimeOrderGroup where SecretMultiPowerTable == SeparateSecretPowers<Element> {
    /// Keeps the bases (the default).
    public func secretMultiPowerTable(_ bases: [Element]) -> SecretMultiPowerTable {
        SeparateSecretPowers(bases: bases)
    }

    /// The product of one constant-time power per term (the default).
    public func multiPower(_ table: SecretMultiPowerTable, secret exponents: [Scalar]) -> Element {
        precondition(exponents.count <= table.bases.count, "more exponents than bases")
        return product(zip(table.bases, exponents).lazy.map { power($0, secret: $1) })
    }
}
