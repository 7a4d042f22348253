internal import CGMP
internal import CSodium
import TabellaGroups

/// A Pedersen commitment key `ck = (h, g₁, …, g_ν)` (Swiss Post specification 1.2.0, §8.2): a commitment to
/// `(a₁, …, a_k)`, k ≤ ν, with randomness r is `h^r · ∏ g_i^{a_i}`.
///
/// The key is binding only if nobody knows a discrete logarithm between its elements, so it is always derived from
/// public parameters by hashing (``derive(in:context:size:)``), by the verifier as well as by the prover, and never
/// read from a prover's message: a prover who chose the key could know `log_g g_i` and forge a shuffle (the flaw
/// of the Swiss Post system found in 2019).
public struct ShuffleCommitmentKey<Group: PrimeOrderGroup>: Sendable {
    /// h, the base of the randomness.
    public let h: Group.Element
    /// `g₁ … g_ν`, the bases of the committed values.
    public let generators: [Group.Element]
    /// The constant-time multi-exponentiation tables of `(h, g₁, …, g_ν)`, built for the first commitment to a
    /// secret opening (a verifier never needs them).
    private let secretTables: Once<SecretPowerTables<Group>>

    /// A key from its elements: for the Swiss Post vectors, whose cases give the key, and for tests. A verifier
    /// derives its key with ``derive(in:context:size:)`` instead.
    ///
    /// - Throws: `ShuffleError` `.invalidCommitmentKey` when there are no generators or an element is the identity
    ///   or the group's generator.
    public init(h: Group.Element, generators: [Group.Element], in group: Group) throws(ShuffleError) {
        guard !generators.isEmpty else { throw ShuffleError(.invalidCommitmentKey, "a commitment key needs a g₁") }
        for (index, element) in ([h] + generators).enumerated()
        where element == group.identity || element == group.generator {
            let name = index == 0 ? "h" : "g\(index)"
            throw ShuffleError(.invalidCommitmentKey, "commitment key element \(name) is the identity or g")
        }
        self.h = h
        self.generators = generators
        secretTables = Once { SecretPowerTables([h] + generators, in: group) }
    }

    /// ν, the longest vector the key commits to.
    public var size: Int { generators.count }

    /// `h^r · ∏ g_i^{a_i}` for a secret opening: one constant-time multi-exponentiation over the key's tables,
    /// shared among the cores.
    func commit(secret values: [Scalar], randomness r: Scalar, in group: Group) -> Group.Element {
        precondition(values.count <= size, "a commitment key of \(size) elements cannot commit to \(values.count)")
        return secretTables.value.product(secret: [r] + values)
    }

    /// The commitment to the constant vector `(v, …, v)` of length `count` with randomness 0:
    /// `(g₁ ⋯ g_count)^v`, one product and one exponentiation instead of `count` exponentiations.
    func commit(constant v: Scalar, count: Int, in group: Group) -> Group.Element {
        group.power(group.product(generators.prefix(count)), public: v)
    }

    /// The terms `(h, r), (g₁, a₁), …` of a commitment to public values, for a multi-exponentiation.
    func terms(values: [Scalar], randomness r: Scalar) -> [(Group.Element, Scalar)] {
        [(h, r)] + zip(generators, values).map { ($0, $1) }
    }

    /// `h^r · ∏ g_i^{a_i}` for public values, by one multi-exponentiation.
    func commit(public values: [Scalar], randomness r: Scalar, in group: Group) -> Group.Element {
        let terms = terms(values: values, randomness: r)
        return group.multiPower(terms.map(\.0), terms.map(\.1))
    }
}

// MARK: Derivation

extension ShuffleCommitmentKey {
    /// The domain string of the derivation for a caller's context.
    static var domain: String { "tabella/shuffle/commitment-key/v1" }

    /// Derives a key of `size` generators from public parameters, nothing up the sleeve: every element is the
    /// hash of `context` (the election's hash, or any public bytes the caller and every verifier agree on) and a
    /// counter, mapped into the group.
    ///
    /// - Integer groups: with an empty context and q of at least 512 bits, exactly GetVerifiableCommitmentKey
    ///   (algorithm 8.6): `u = RecursiveHashToZq(q, (q, "commitmentKey", i, count))`, `w = u² mod p`. Otherwise
    ///   `u` is the recursive SHAKE-256 hash of `(domain, group name, context, i, count)` of |p| + 128 bits
    ///   reduced modulo p and `w = u^((p−1)/q) mod p`, the same map for any cofactor (for a safe prime
    ///   `(p−1)/q = 2`).
    /// - ristretto255: `crypto_core_ristretto255_from_hash` (RFC 9496's one-way map) of the 64-byte recursive
    ///   SHAKE-256 hash of `(domain, "ristretto255", context, i, count)`.
    /// - P-256: try-and-increment: the 256-bit recursive SHAKE-256 hash of `(domain, "p256", context, i, count)`
    ///   is taken as an x coordinate with even y (`02 ‖ x`), and i is increased until x is below p and on the curve.
    ///
    /// In every group a candidate that is the identity, the generator g or an element already taken is skipped,
    /// as algorithm 8.6 does. The first element is h, the others `g₁ … g_ν`.
    ///
    /// - Throws: `ShuffleError` `.invalidCommitmentKey` when `size` is not positive, or for a group other than
    ///   the three Tabella has.
    public static func derive(in group: Group, context: [UInt8], size: Int) throws(ShuffleError) -> Self {
        guard size > 0 else { throw ShuffleError(.invalidCommitmentKey, "a commitment key needs ν ≥ 1, not \(size)") }
        // A candidate is an element with its canonical encoding; elements are told apart by their encodings.
        let candidate: (Int, Int) -> (Group.Element, [UInt8])?
        if let integers = group as? IntegerGroup {
            let map = IntegerHashToGroup(group: integers, context: context)
            candidate = { index, count in
                (map.candidate(index: index, count: count) as? Group.Element).map { ($0, group.encode($0)) }
            }
        } else if group is Ristretto255 {
            candidate = { index, count in
                let hash = try! RecursiveHash.hash(values(group, context, index, count), bitLength: 512)
                var bytes = [UInt8](repeating: 0, count: 32)
                _ = crypto_core_ristretto255_from_hash(&bytes, hash)
                return (try? group.decode(bytes)).map { ($0, bytes) }
            }
        } else if group is P256 {
            candidate = { index, count in
                let x = try! RecursiveHash.hash(values(group, context, index, count), bitLength: 512).prefix(32)
                let bytes = [0x02] + x
                return (try? group.decode(bytes)).map { ($0, bytes) }
            }
        } else {
            throw ShuffleError(.invalidCommitmentKey, "no commitment key derivation for the group \(group.name)")
        }
        var elements = [Group.Element]()
        var taken: Set<[UInt8]> = [group.encode(group.identity), group.encode(group.generator)]
        var index = 0
        while elements.count <= size {
            if let (element, encoding) = candidate(index, elements.count), taken.insert(encoding).inserted {
                elements.append(element)
            }
            index += 1
        }
        return try Self(h: elements[0], generators: Array(elements.dropFirst()), in: group)
    }

    /// The values hashed for candidate `index` when `count` elements are taken.
    private static func values(_ group: Group, _ context: [UInt8], _ index: Int, _ count: Int) -> [HashableValue] {
        [.string(domain), .string(group.name), .bytes(context), .integer(UInt64(index)), .integer(UInt64(count))]
    }
}

/// The map of hashes into an integer group's order-q subgroup, `u ↦ u^((p−1)/q) mod p`, by GMP (the values are
/// public, so variable-time exponentiation is fine).
private struct IntegerHashToGroup {
    let group: IntegerGroup
    let context: [UInt8]
    /// Whether this is algorithm 8.6 exactly: an empty context and q of at least 512 bits.
    let isSwissPost: Bool
    /// p, big-endian.
    let modulus: [UInt8]
    /// (p − 1) / q, big-endian.
    let cofactor: [UInt8]

    init(group: IntegerGroup, context: [UInt8]) {
        self.group = group
        self.context = context
        isSwissPost = context.isEmpty && group.scalars.bitCount >= RecursiveHash.minimumBitLength
        modulus = group.modulus
        cofactor = Self.quotient(Self.decrement(modulus), by: group.scalars.modulus)
    }

    /// The candidate for counter `index` with `count` elements taken, or `nil` when it is not an element.
    func candidate(index: Int, count: Int) -> IntegerGroup.Element? {
        let u: [UInt8]
        if isSwissPost {
            let q = group.scalars.modulus
            u = try! RecursiveHash.hashToZq(
                [.integer(bigEndian: q), .string("commitmentKey"), .integer(UInt64(index)), .integer(UInt64(count))],
                upperBound: q)
        } else {
            let values: [HashableValue] = [
                .string(ShuffleCommitmentKey<IntegerGroup>.domain), .string(group.name), .bytes(context),
                .integer(UInt64(index)), .integer(UInt64(count)),
            ]
            u = try! RecursiveHash.hash(values, bitLength: max(512, modulus.count * 8 + 128))
        }
        let w = Self.power(u, cofactor, modulus)
        let padded = [UInt8](repeating: 0, count: max(0, modulus.count - w.count)) + w
        return try? group.decode(padded)
    }

    /// `base^exponent mod modulus`, big-endian in and out (the result has no leading zeros).
    private static func power(_ base: [UInt8], _ exponent: [UInt8], _ modulus: [UInt8]) -> [UInt8] {
        var b = __mpz_struct(), e = __mpz_struct(), m = __mpz_struct(), r = __mpz_struct()
        tgmp_mpz_init(&b)
        tgmp_mpz_init(&e)
        tgmp_mpz_init(&m)
        tgmp_mpz_init(&r)
        defer {
            tgmp_mpz_clear(&b)
            tgmp_mpz_clear(&e)
            tgmp_mpz_clear(&m)
            tgmp_mpz_clear(&r)
        }
        tgmp_mpz_import_be(&b, base, base.count)
        tgmp_mpz_import_be(&e, exponent, exponent.count)
        tgmp_mpz_import_be(&m, modulus, modulus.count)
        tgmp_mpz_powm(&r, &b, &e, &m)
        let count = tgmp_mpz_size(&r)
        guard count > 0 else { return [0] }
        return limbsToBigEndian(Array(UnsafeBufferPointer(start: tgmp_mpz_limbs_read(&r), count: count)))
    }

    /// `value − 1` for an odd big-endian value.
    private static func decrement(_ value: [UInt8]) -> [UInt8] {
        var result = value
        result[result.count - 1] -= 1
        return result
    }

    /// `⌊a / b⌋`, big-endian, by GMP's `mpn_tdiv_qr`.
    private static func quotient(_ a: [UInt8], by b: [UInt8]) -> [UInt8] {
        let numerator = bigEndianToLimbs(a)
        let denominator = bigEndianToLimbs(Array(b.drop { $0 == 0 }))
        var quotient = [UInt](repeating: 0, count: numerator.count - denominator.count + 1)
        var remainder = [UInt](repeating: 0, count: denominator.count)
        tgmp_mpn_tdiv_qr(&quotient, &remainder, numerator, numerator.count, denominator, denominator.count)
        return limbsToBigEndian(quotient)
    }

    private static func bigEndianToLimbs(_ bytes: [UInt8]) -> [UInt] {
        let count = (bytes.count + 7) / 8
        return (0..<count).map { limb in
            (0..<8).reduce(UInt(0)) { value, byte in
                let position = bytes.count - 1 - (limb * 8 + byte)
                return position >= 0 ? value | UInt(bytes[position]) << UInt(8 * byte) : value
            }
        }
    }

    private static func limbsToBigEndian(_ limbs: [UInt]) -> [UInt8] {
        let bytes = limbs.reversed().flatMap { limb in
            (0..<8).reversed().map { UInt8(truncatingIfNeeded: limb >> UInt(8 * $0)) }
        }
        return Array(bytes.drop { $0 == 0 })
    }
}
