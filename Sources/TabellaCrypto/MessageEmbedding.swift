import TabellaGroups

/// How a group holds a padded block of bytes in the canonical encoding of one element: the candidate encodings to
/// try in turn (the first that decodes is the element), and the block read back from an element's encoding.
struct MessageEmbedding: Sendable {
    /// The block's length: the capacity plus the padding's `0x80`.
    let blockByteCount: Int
    /// The number of candidates tried.
    let attempts: Int
    /// The candidate encoding for a block at an attempt.
    let candidate: @Sendable (_ block: [UInt8], _ attempt: Int) -> [UInt8]
    /// The block of an element's encoding, or `nil` when the encoding is not in the layout.
    let block: @Sendable (_ encoding: [UInt8]) -> [UInt8]?

    /// P-256: the compressed point `0x02 ‖ x` with `x = counter ‖ block` (31 bytes), the counter in 0…254 so that
    /// x < p; about half of all x are on the curve.
    static let p256 = MessageEmbedding(
        blockByteCount: 31, attempts: 255,
        candidate: { block, attempt in [0x02, UInt8(attempt)] + block },
        block: { encoding in encoding[0] == 0x02 ? Array(encoding[2...]) : nil })

    /// ristretto255: the 32 little-endian bytes `c₀ ‖ c₁ ‖ block (29 bytes) ‖ 0x00`, where the 15-bit counter
    /// fills `c₀` (shifted left, so the sign bit is clear) and `c₁`; the last byte keeps the value below
    /// 2²⁴⁸, and about a quarter of such strings are valid encodings.
    static let ristretto255 = MessageEmbedding(
        blockByteCount: 29, attempts: 1 << 15,
        candidate: { block, attempt in [UInt8(attempt & 0x7f) << 1, UInt8(attempt >> 7)] + block + [0] },
        block: { encoding in encoding[31] == 0 ? Array(encoding[2..<31]) : nil })

    /// The quadratic residues modulo a safe prime p = 2q + 1: m = `0x00 ‖ 0x01 ‖ block` (the length of p, so
    /// 1 < m < q), then whichever of m and p − m is a residue (exactly one is, since −1 is not a residue).
    static func safePrime(modulus: [UInt8]) -> MessageEmbedding {
        MessageEmbedding(
            blockByteCount: modulus.count - 2, attempts: 2,
            candidate: { block, attempt in
                let value = [0x00, 0x01] + block
                return attempt == 0 ? value : subtract(value, from: modulus)
            },
            block: { encoding in
                for value in [encoding, subtract(encoding, from: modulus)] where value.starts(with: [0x00, 0x01]) {
                    return Array(value[2...])
                }
                return nil
            })
    }

    /// `a − b` for big-endian strings of the same length with `a ≥ b`.
    private static func subtract(_ b: [UInt8], from a: [UInt8]) -> [UInt8] {
        var result = a
        var borrow = 0
        for index in a.indices.reversed() {
            let difference = Int(a[index]) - Int(b[index]) - borrow
            result[index] = UInt8((difference + 256) & 0xff)
            borrow = difference < 0 ? 1 : 0
        }
        return result
    }
}
