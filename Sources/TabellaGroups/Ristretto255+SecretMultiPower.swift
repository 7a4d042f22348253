/// ristretto255's constant-time multi-exponentiation (``SecretMultiExponentiation``) on Tabella's own Edwards25519
/// arithmetic, whose extended addition is complete: tables of cached multiples, an extended accumulator.
extension Ristretto255 {
    /// The multiples `1·B … 16·B` of every base in cached projective form (2.5 KiB per base): built once for
    /// bases that serve several products, such as a commitment key's generators.
    public struct SecretMultiPowerTable: Sendable {
        internal let multiples: SecretMultiPowerEntries<Edwards25519CachedPoint>
    }

    /// The table of `bases`: each base decoded once and its multiples formed by additions, variable-time (the
    /// bases are public). The identity gets no entries.
    public func secretMultiPowerTable(_ bases: [Element]) -> SecretMultiPowerTable {
        let multiples = SecretMultiExponentiation.multiples
        var entries = [Edwards25519CachedPoint]()
        entries.reserveCapacity(bases.count * multiples)
        for base in bases {
            guard base != identity else {
                entries += repeatElement(Edwards25519CachedPoint.identity, count: multiples)
                continue
            }
            // An element holds a valid encoding: it was decoded or computed.
            let point = try! Self.point(decoding: base.bytes)
            let niels = Edwards25519NielsPoint(affine: point)
            var multiple = point
            entries.append(Edwards25519CachedPoint(multiple))
            for _ in 1..<multiples {
                multiple.add(niels)
                entries.append(Edwards25519CachedPoint(multiple))
            }
        }
        return SecretMultiPowerTable(
            multiples: SecretMultiPowerEntries(entries: entries, present: bases.map { $0 != identity }))
    }

    /// `∏ bases[i]^exponents[i]` over the table's first `exponents.count` bases, in constant time: 52 signed
    /// windows of 5 bits, each term a masked scan of its 16 multiples and a complete addition.
    public func multiPower(_ table: SecretMultiPowerTable, secret exponents: [Scalar]) -> Element {
        let product = SecretMultiExponentiation.product(
            Edwards25519SecretArithmetic.self, table: table.multiples, exponents: exponents)
        return Element(bytes: Self.encoding(of: product))
    }
}

/// Edwards25519 terms of ``SecretMultiExponentiation``.
enum Edwards25519SecretArithmetic: SecretTermArithmetic {
    static var identity: Edwards25519Point { .identity }

    @inline(__always)
    static func double(_ point: inout Edwards25519Point) { point.double() }

    /// The digit 0 selects the identity, whose addition changes nothing.
    @inline(__always)
    static func add(_ point: inout Edwards25519Point, _ multiples: UnsafeBufferPointer<Edwards25519CachedPoint>,
                    digit: Int8) {
        let (magnitude, negative) = SecretMultiExponentiation.magnitude(digit)
        var entry = Edwards25519CachedPoint.identity
        for index in 0..<multiples.count {
            entry = .select(entry, multiples[index],
                            mask: SecretMultiExponentiation.equalMask(magnitude, UInt64(index + 1)))
        }
        point.add(entry.negated(mask: negative))
    }
}
