/// The expand step of HKDF, the HMAC-based key derivation function of RFC 5869 (§2.3).
public enum HKDF {
    /// HKDF-Expand(PRK, info, L): `length` bytes of output keying material,
    /// `T(1) ‖ T(2) ‖ …` with `T(i) = HMAC(PRK, T(i-1) ‖ info ‖ i)` and `T(0)` empty.
    ///
    /// - Parameters:
    ///   - digest: the hash function of the HMAC, fixed-length.
    ///   - pseudorandomKey: PRK, at least as long as the hash output.
    ///   - info: the context and application-specific information (may be empty).
    ///   - length: L, from 1 to 255 times the hash output length.
    /// - Throws: `HashingError` `.tooShort` for a key shorter than the hash output or a length
    ///   below 1, `HashingError` `.tooLong` for a length above 255 blocks.
    public static func expand(
        _ digest: Digest = .sha256, pseudorandomKey: [UInt8], info: [UInt8],
        length: Int
    ) throws(HashingError) -> [UInt8] {
        let blockLength = digest.outputByteCount
        guard pseudorandomKey.count >= blockLength else {
            throw HashingError(
                .tooShort,
                "the HKDF key has \(pseudorandomKey.count) bytes, fewer than the "
                    + "\(blockLength) of \(digest.name)")
        }
        guard length >= 1 else {
            throw HashingError(.tooShort, "HKDF-Expand was asked for \(length) bytes; at least 1 is needed")
        }
        guard length <= 255 * blockLength else {
            throw HashingError(
                .tooLong,
                "HKDF-Expand with \(digest.name) gives at most \(255 * blockLength) bytes, "
                    + "not \(length)")
        }
        var output = [UInt8]()
        output.reserveCapacity(length + blockLength)
        var block = [UInt8]()
        var counter: UInt8 = 1
        while output.count < length {
            block = HMAC.authenticationCode(digest, key: pseudorandomKey, parts: [block, info, [counter]])
            output += block
            counter &+= 1
        }
        return Array(output.prefix(length))
    }
}
