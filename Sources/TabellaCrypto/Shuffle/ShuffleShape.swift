import TabellaGroups

/// The m × n matrix shape of a shuffle of N rows, and the padding that fills it: `m·n − N` identity rows
/// `Enc(1; 0)` appended to both lists.
///
/// Padding is sound: the padded output rows are the identity itself, not a re-encryption of it, so they encrypt
/// the identity; the argument proves that the padded output is a re-encryption of a permutation of the padded
/// input, so the N real output rows encrypt the N real input rows' messages (an input row mapped to a padding slot
/// would have to encrypt the identity, and the padding row it displaced then stands for it in the output).
public struct ShuffleShape: Sendable, Hashable {
    /// m, the number of rows of the matrix.
    public let rows: Int
    /// n, the number of columns (the commitment key needs n generators).
    public let columns: Int
    /// N, the number of real rows.
    public let count: Int

    /// The number of identity rows appended: `m·n − N`.
    public var padding: Int { rows * columns - count }

    /// The rows m chosen when the caller does not choose, by group (Docs/mixnet.md, "Choosing the shape", measured
    /// with `tabella bench mixnet --rows`): fewer rows make the prover cheaper and the commitment key longer. One row
    /// in the elliptic-curve groups, whose key generators are cheap; four in the 4096-bit group, where each of the
    /// n generators costs an exponentiation by the 3,840-bit cofactor.
    public static func defaultRows<Group: PrimeOrderGroup>(in group: Group) -> Int { group is IntegerGroup ? 4 : 1 }

    /// Tabella's shape for N rows: `m = min(rows, ⌊N/2⌋)` (at least 1) and `n = max(2, ⌈N/m⌉)`, so that
    /// n ≥ 2 as the single value product argument needs, with fewer than m padding rows (one for N = 1).
    ///
    /// - Throws: `ShuffleError` `.countMismatch` for no rows, `.sizeMismatch` for `rows` below 1.
    public static func tabella(count: Int, rows: Int) throws(ShuffleError) -> Self {
        guard count > 0 else { throw ShuffleError(.countMismatch, "a shuffle needs at least one row") }
        guard rows > 0 else { throw ShuffleError(.sizeMismatch, "a shuffle matrix needs m ≥ 1, not \(rows)") }
        let m = max(1, min(rows, count / 2))
        return Self(rows: m, columns: max(2, (count + m - 1) / m), count: count)
    }

    /// GetMatrixDimensions (Swiss Post algorithm 8.5): m the largest divisor of N up to √N, n = N/m, no padding.
    ///
    /// - Throws: `ShuffleError` `.countMismatch` for N below 2.
    public static func swissPost(count: Int) throws(ShuffleError) -> Self {
        guard count >= 2 else {
            throw ShuffleError(.countMismatch, "GetMatrixDimensions needs N ≥ 2 ciphertexts, not \(count)")
        }
        var m = 1
        var candidate = 1
        while (candidate + 1) * (candidate + 1) <= count { candidate += 1 }
        while candidate > 1 {
            if count % candidate == 0 {
                m = candidate
                break
            }
            candidate -= 1
        }
        return Self(rows: m, columns: count / m, count: count)
    }
}
