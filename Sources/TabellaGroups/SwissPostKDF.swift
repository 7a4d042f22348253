/// The key derivation of the Swiss Post crypto-primitives specification 1.2.0 (§4.4): HKDF-Expand with context
/// strings, and its rejection-sampled variant into ℤq.
public enum SwissPostKDF {
    /// KDF (algorithm 4.12): `HKDF-Expand(PRK, info, length)` where info is the concatenation of each string's
    /// UTF-8 byte length (one byte) and its UTF-8 bytes.
    ///
    /// - Parameters:
    ///   - digest: the hash function of the HMAC; the specification uses SHA-256.
    ///   - pseudorandomKey: PRK, at least as long as the hash output.
    ///   - info: context strings, each at most 255 bytes in UTF-8.
    ///   - length: the number of bytes to derive, from 1 to 255 hash outputs.
    /// - Throws: `HashingError` `.infoTooLong` naming the string, and the errors of
    ///   ``HKDF/expand(_:pseudorandomKey:info:length:)``.
    public static func derive(
        _ digest: Digest = .sha256, pseudorandomKey: [UInt8], info: [String],
        length: Int
    ) throws(HashingError) -> [UInt8] {
        var context = [UInt8]()
        for (index, text) in info.enumerated() {
            let bytes = Array(text.utf8)
            guard bytes.count <= 255 else {
                throw HashingError(
                    .infoTooLong,
                    "KDF info[\(index)] has \(bytes.count) bytes in UTF-8; at most 255 "
                        + "fit its one-byte length")
            }
            context.append(UInt8(bytes.count))
            context += bytes
        }
        return try HKDF.expand(digest, pseudorandomKey: pseudorandomKey, info: context, length: length)
    }

    /// KDFToZq (algorithm 4.13): an integer uniformly distributed in [0, q) derived from the key.
    ///
    /// Derives ByteLength(q) bytes, cuts them to |q| bits, and while the result is not below q derives again with
    /// the previous output as the key.
    ///
    /// - Parameters:
    ///   - digest: the hash function of the HMAC; the specification uses SHA-256.
    ///   - pseudorandomKey: PRK, at least as long as the hash output.
    ///   - info: context strings, each at most 255 bytes in UTF-8.
    ///   - upperBound: q, big-endian (leading zero bytes allowed), at least as many bytes as the hash output.
    /// - Returns: the integer as big-endian bytes, as many as q has without leading zeros.
    /// - Throws: `HashingError` `.tooShort` for a bound shorter than the hash output, and the
    ///   errors of ``derive(_:pseudorandomKey:info:length:)``.
    public static func deriveToZq(
        _ digest: Digest = .sha256, pseudorandomKey: [UInt8], info: [String],
        upperBound: [UInt8]
    ) throws(HashingError) -> [UInt8] {
        let bound = BigEndianInteger.minimal(upperBound)
        let bitLength = BigEndianInteger.bitLength(bound)
        guard bound.count >= digest.outputByteCount else {
            throw HashingError(
                .tooShort,
                "KDFToZq needs a bound of at least \(digest.outputByteCount) bytes for "
                    + "\(digest.name), not \(bound.count)")
        }
        var output = try derive(digest, pseudorandomKey: pseudorandomKey, info: info, length: bound.count)
        var candidate = BigEndianInteger.cut(output, toBitLength: bitLength)
        while !BigEndianInteger.isLess(candidate, bound) {
            output = try derive(digest, pseudorandomKey: output, info: info, length: bound.count)
            candidate = BigEndianInteger.cut(output, toBitLength: bitLength)
        }
        return candidate
    }

    /// KDFToZq with the field's order as the bound: a uniform scalar derived from the key, such as a secret key.
    ///
    /// - Throws: the errors of ``deriveToZq(_:pseudorandomKey:info:upperBound:)``.
    public static func deriveScalar(
        _ digest: Digest = .sha256, pseudorandomKey: [UInt8], info: [String],
        in field: ScalarField
    ) throws(HashingError) -> Scalar {
        let integer = try deriveToZq(digest, pseudorandomKey: pseudorandomKey, info: info, upperBound: field.modulus)
        return Scalar(limbs: Limbs.fromBigEndian(integer, count: field.limbCount))
    }
}
