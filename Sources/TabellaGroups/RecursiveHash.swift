/// The recursive hash of the Swiss Post crypto-primitives specification 1.2.0 (§4.2): a hash of a tuple of
/// ``HashableValue``s with domain separation by type and by structure.
///
/// - ``hash(_:digest:)`` is RecursiveHash (algorithm 4.8), SHA3-256 by default.
/// - ``hash(_:bitLength:)`` is RecursiveHashOfLength (algorithm 4.10) on SHAKE-256.
/// - ``hashToZq(_:upperBound:)`` is RecursiveHashToZq (algorithm 4.9): uniform in [0, q) by rejection sampling.
///
/// Several values are hashed as the list of them; one value is hashed on its own (not as a list of one).
public enum RecursiveHash {
    /// The shortest output of ``hash(_:bitLength:)`` in bits, ℓ* of the specification's table 2: SHAKE-256 gives
    /// 256-bit security only with at least 64 bytes of output.
    public static let minimumBitLength = 512

    /// RecursiveHash (algorithm 4.8): the `digest` of the values.
    ///
    /// - Parameter digest: a fixed-length hash function; the specification uses SHA3-256.
    /// - Throws: `HashingError` `.noValues` for no values,
    ///   `HashingError` `.emptyList` naming the position of an empty list.
    public static func hash(_ values: [HashableValue], digest: Digest = .sha3_256) throws(HashingError) -> [UInt8] {
        precondition(!digest.isExtendable, "RecursiveHash needs a fixed-length hash; use hash(_:bitLength:)")
        let (root, path) = try root(of: values)
        return try self.digest(of: root, path: path, using: digest, bitLength: nil)
    }

    /// RecursiveHashOfLength (algorithm 4.10): a SHAKE-256 hash of the values cut to `bitLength` bits, returned as
    /// ⌈bitLength / 8⌉ bytes whose leading excess bits are zero.
    ///
    /// - Throws: `HashingError` `.tooShort` when `bitLength` is below ``minimumBitLength``; the
    ///   errors of ``hash(_:digest:)`` for the values.
    public static func hash(_ values: [HashableValue], bitLength: Int) throws(HashingError) -> [UInt8] {
        guard bitLength >= minimumBitLength else {
            throw HashingError(
                .tooShort,
                "a recursive hash of \(bitLength) bits is below the \(minimumBitLength)-bit "
                    + "minimum of SHAKE-256")
        }
        let (root, path) = try root(of: values)
        return try digest(of: root, path: path, using: .shake256, bitLength: bitLength)
    }

    /// RecursiveHashToZq (algorithm 4.9): an integer uniformly distributed in [0, q), derived from the values.
    ///
    /// A candidate of |q| bits is drawn with ``hash(_:bitLength:)``; while it is not below q, the next candidate
    /// hashes the previous one (as an integer) followed by the values.
    ///
    /// - Parameter upperBound: q, big-endian (leading zero bytes allowed), of at least ``minimumBitLength`` bits.
    /// - Returns: the integer as big-endian bytes, as many as q has without leading zeros.
    /// - Throws: `HashingError` `.tooShort` when q has fewer than 512 bits; the errors of
    ///   ``hash(_:digest:)`` for the values.
    public static func hashToZq(_ values: [HashableValue], upperBound: [UInt8]) throws(HashingError) -> [UInt8] {
        let bitLength = BigEndianInteger.bitLength(upperBound)
        let bound = BigEndianInteger.minimal(upperBound)
        var candidate = try hash(values, bitLength: bitLength)
        while !BigEndianInteger.isLess(candidate, bound) {
            candidate = try hash([.integer(bigEndian: candidate)] + values, bitLength: bitLength)
        }
        return candidate
    }

    /// RecursiveHashToZq with the field's order as the bound: the values hashed to a uniform scalar.
    ///
    /// - Throws: `HashingError` `.tooShort` when the field's order has fewer than 512 bits (as
    ///   the specification requires; smaller groups need another hash to scalars); the errors of
    ///   ``hash(_:digest:)`` for the values.
    public static func hashToScalar(_ values: [HashableValue], in field: ScalarField) throws(HashingError) -> Scalar {
        let integer = try hashToZq(values, upperBound: field.modulus)
        return Scalar(limbs: Limbs.fromBigEndian(integer, count: field.limbCount))
    }

    /// The recursive hash of one value as a ``HashableValue/digest(_:)``, for hashes by ``hash(_:digest:)``
    /// (SHA3-256) when `bitLength` is `nil`, else by ``hash(_:bitLength:)`` of that length.
    ///
    /// - Throws: `HashingError` `.emptyList` naming the position of an empty list.
    public static func precompute(_ value: HashableValue, bitLength: Int?) throws(HashingError) -> HashableValue {
        .digest(try digest(of: value, path: [0], using: bitLength == nil ? .sha3_256 : .shake256,
                           bitLength: bitLength))
    }

    /// The value that stands for the tuple: the only value, or the list of all of them, with its position.
    private static func root(of values: [HashableValue]) throws(HashingError) -> (HashableValue, [Int]) {
        guard let first = values.first else {
            throw HashingError(.noValues, "the recursive hash needs at least one value")
        }
        return values.count == 1 ? (first, [0]) : (.list(values), [])
    }

    /// The hash of one value: `digest` when `bitLength` is `nil`, else SHAKE-256 cut to `bitLength` bits.
    /// `path` is the value's position among the caller's values, for error messages.
    private static func digest(
        of value: HashableValue, path: [Int], using digest: Digest,
        bitLength: Int?
    ) throws(HashingError) -> [UInt8] {
        if case .digest(let bytes) = value { return bytes }
        var context = HashContext(digest)
        if let bytes = value.prefixedBytes {
            context.update(bytes)
        } else if case .list(let elements) = value {
            guard !elements.isEmpty else {
                let position = path.map { "[\($0)]" }.joined()
                throw HashingError(.emptyList, "values\(position) is an empty list, which has no recursive hash")
            }
            context.update([0x03])
            for (index, element) in elements.enumerated() {
                context.update(try self.digest(of: element, path: path + [index], using: digest, bitLength: bitLength))
            }
        }
        guard let bitLength else { return context.finalize() }
        return BigEndianInteger.cut(context.finalize(outputByteCount: (bitLength + 7) / 8), toBitLength: bitLength)
    }
}
