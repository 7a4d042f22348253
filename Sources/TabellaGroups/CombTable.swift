/// A comb table for one base modulo p: `base^(v · 2^(w·j)) · m` for every w-bit value v and window position j of
/// an exponent, in Montgomery form, so that an exponentiation is one multiplication per window, starting from
/// `m^(-rows)`.
///
/// The mask m keeps every entry as long as p. Without it the entries of digit 0 would be one, whose Montgomery form
/// `R mod p` is shorter than p for moduli just below a power of two (ElectionGuard's p), and OpenSSL multiplies a
/// shorter operand by another, slower code path: the time would tell how many of the exponent's digits are zero
/// (`tabella bench constant-time` saw it, Docs/security.md).
///
/// ``secretPower(_:)`` reads every entry of a row and keeps the one it needs with masks, so that the memory accessed
/// does not depend on the exponent; ``publicPower(_:)`` reads only the entry it needs.
final class CombTable: Sendable {
    /// Rows × entries × limbs, in Montgomery form.
    let entries: [UInt]
    /// `m^(-rows)` in Montgomery form, where every product starts.
    let start: [UInt]
    private let rows: Int
    private let rowEntries: Int
    private let windowBits: Int
    private let limbCount: Int
    private let domain: MontgomeryDomain

    init(base: [UInt], domain: MontgomeryDomain, exponentBits: Int, windowBits: Int) {
        let limbCount = domain.limbCount
        let rows = (exponentBits + windowBits - 1) / windowBits
        let rowEntries = 1 << windowBits
        // The masks tried are −2, −3, …: the first one whose entries and start are all as long as p (one is with
        // probability about 1 − 2⁻⁵⁰ for the 4096-bit group; for the base one, −2 is).
        var (entries, start) = ([UInt](), [UInt]())
        for candidate in 2... {
            (entries, start) = Self.build(base: base, mask: UInt(candidate), domain: domain, rows: rows,
                                          windowBits: windowBits)
            if Self.isFullLength(entries + start, limbCount: limbCount) { break }
        }
        self.entries = entries
        self.start = start
        self.rows = rows
        self.rowEntries = rowEntries
        self.windowBits = windowBits
        self.limbCount = limbCount
        self.domain = domain
    }

    /// Whether every value of `limbCount` limbs in `values` has a top limb that is not zero.
    static func isFullLength(_ values: [UInt], limbCount: Int) -> Bool {
        stride(from: limbCount - 1, to: values.count, by: limbCount).allSatisfy { values[$0] != 0 }
    }

    /// The entries and the start for the mask `−mask mod p`.
    private static func build(
        base: [UInt], mask: UInt, domain: MontgomeryDomain, rows: Int, windowBits: Int
    ) -> (entries: [UInt], start: [UInt]) {
        let limbCount = domain.limbCount
        var entries = [UInt]()
        entries.reserveCapacity(rows * (1 << windowBits) * limbCount)
        return BigNumberContext.pooled { scratch in
            let maskValue = domain.negative(mask)
            let montgomeryMask = domain.toMontgomery(maskValue, scratch)
            // rowBase = base^(2^(w·j)) in Montgomery form; running = rowBase^v · m.
            let rowBase = domain.toMontgomery(BigNumber(limbs: base), scratch)
            let running = BigNumber()
            for row in 0..<rows {
                if row > 0 { for _ in 0..<windowBits { domain.square(rowBase, scratch) } }
                running.set(limbs: montgomeryMask.limbs(count: limbCount))
                for _ in 0..<(1 << windowBits) {
                    entries += running.limbs(count: limbCount)
                    domain.multiply(running, by: rowBase, scratch)
                }
            }
            let total = domain.power(maskValue, BigNumber(limbs: [UInt(rows)]), scratch)
            guard let start = domain.inverse(total, scratch) else { preconditionFailure("p is prime; −k is invertible") }
            return (entries, domain.toMontgomery(start, scratch).limbs(count: limbCount))
        }
    }

    /// `base^exponent`, reading only the entries the exponent selects (variable-time).
    func publicPower(_ exponent: Scalar) -> [UInt] {
        BigNumberContext.pooled { scratch in
            let result = BigNumber(limbs: start)
            let factor = BigNumber()
            entries.withUnsafeBufferPointer { table in
                for row in 0..<rows {
                    let digit = exponent.bits(at: row * windowBits, width: windowBits)
                    factor.set(limbs: table.baseAddress! + (row * rowEntries + digit) * limbCount, count: limbCount)
                    domain.multiply(result, by: factor, scratch)
                }
            }
            domain.fromMontgomery(result, scratch)
            return result.limbs(count: limbCount)
        }
    }

    /// `base^exponent` with a memory access pattern and operation count independent of the exponent.
    func secretPower(_ exponent: Scalar) -> [UInt] {
        BigNumberContext.pooled { scratch in
            let result = BigNumber(limbs: start)
            let factor = BigNumber()
            factor.markSecret()
            var selected = [UInt](repeating: 0, count: limbCount)
            entries.withUnsafeBufferPointer { table in
                selected.withUnsafeMutableBufferPointer { output in
                    for row in 0..<rows {
                        let digit = exponent.bits(at: row * windowBits, width: windowBits)
                        gather(table, row: row, digit: digit, into: output)
                        factor.set(limbs: output.baseAddress!, count: limbCount)
                        domain.multiply(result, by: factor, scratch)
                    }
                    for index in 0..<limbCount { output[index] = 0 }
                }
            }
            domain.fromMontgomery(result, scratch)
            return result.limbs(count: limbCount)
        }
    }

    /// Copies entry `digit` of `row` into `output`, touching every entry of the row.
    private func gather(
        _ table: UnsafeBufferPointer<UInt>, row: Int, digit: Int, into output: UnsafeMutableBufferPointer<UInt>
    ) {
        for index in 0..<limbCount { output[index] = 0 }
        let rowStart = row * rowEntries * limbCount
        for value in 0..<rowEntries {
            let difference = UInt(truncatingIfNeeded: value ^ digit)
            let mask = 0 &- ((difference &- 1) >> UInt(UInt.bitWidth - 1))
            let entryStart = rowStart + value * limbCount
            for index in 0..<limbCount { output[index] |= table[entryStart + index] & mask }
        }
    }
}
