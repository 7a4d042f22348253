import TabellaCrypto
import TabellaGroups

/// The rows of a mix-net list in their board encoding: row by row, each ciphertext `α ‖ β` in the group's bulk
/// encoding (``PrimeOrderGroup/encodeBulk(_:)``).
public enum MixRows {
    /// The encoding of `rows`.
    public static func encode<Group: PrimeOrderGroup>(_ rows: [[ElGamalCiphertext<Group>]], in group: Group)
        -> [UInt8]
    {
        group.encodeBulk(rows.flatMap { $0.flatMap { [$0.alpha, $0.beta] } })
    }

    /// Decodes `rows` rows of `width` ciphertexts: exactly that many bytes, every element valid in the group
    /// (the shuffle's verifier then refuses identity components and repeated rows).
    ///
    /// - Throws: ``ShuffleError`` naming the row, the ciphertext and the failed check.
    public static func decode<Group: PrimeOrderGroup>(_ bytes: [UInt8], rows: Int, width: Int, in group: Group)
        throws(ShuffleError) -> [[ElGamalCiphertext<Group>]]
    {
        var reader = ShuffleEncoding.Reader(bytes: bytes, what: "the list of \(rows) rows of \(width) ciphertexts")
        let elements = try reader.elements(rows * width * 2, in: group) { offset in
            "row \(offset / (2 * width) + 1), ciphertext \(offset % (2 * width) / 2 + 1), \(offset % 2 == 0 ? "α" : "β")"
        }
        try reader.finish()
        return (0..<rows).map { row in
            (0..<width).map { column in
                ElGamalCiphertext<Group>(alpha: elements[2 * (row * width + column)],
                                         beta: elements[2 * (row * width + column) + 1])
            }
        }
    }
}
