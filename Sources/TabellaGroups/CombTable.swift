/// A comb table for one base modulo p: `base^(v · 2^(w·j))` for every w-bit value v and window position j of an
/// exponent, in Montgomery form, so that an exponentiation is one multiplication per window.
///
/// ``secretPower(_:)`` reads every entry of a row and keeps the one it needs with masks, so that the memory accessed
/// does not depend on the exponent; ``publicPower(_:)`` reads only the entry it needs.
final class CombTable: Sendable {
    /// Rows × entries × limbs, in Montgomery form; entry 0 of every row is one.
    private let entries: [UInt]
    private let rows: Int
    private let rowEntries: Int
    private let windowBits: Int
    private let limbCount: Int
    private let domain: MontgomeryDomain

    init(base: [UInt], domain: MontgomeryDomain, exponentBits: Int, windowBits: Int) {
        let limbCount = domain.limbCount
        let rows = (exponentBits + windowBits - 1) / windowBits
        let rowEntries = 1 << windowBits
        var entries = [UInt]()
        entries.reserveCapacity(rows * rowEntries * limbCount)
        BigNumberContext.pooled { scratch in
            let one = domain.one(scratch).limbs(count: limbCount)
            // rowBase = base^(2^(w·j)) in Montgomery form.
            let rowBase = domain.toMontgomery(BigNumber(limbs: base), scratch)
            let running = BigNumber()
            for row in 0..<rows {
                if row > 0 { for _ in 0..<windowBits { domain.square(rowBase, scratch) } }
                entries += one
                running.set(limbs: rowBase.limbs(count: limbCount))
                for _ in 1..<rowEntries {
                    entries += running.limbs(count: limbCount)
                    domain.multiply(running, by: rowBase, scratch)
                }
            }
        }
        self.entries = entries
        self.rows = rows
        self.rowEntries = rowEntries
        self.windowBits = windowBits
        self.limbCount = limbCount
        self.domain = domain
    }

    /// `base^exponent`, reading only the entries the exponent selects (variable-time).
    func publicPower(_ exponent: Scalar) -> [UInt] {
        BigNumberContext.pooled { scratch in
            let result = domain.one(scratch)
            let factor = BigNumber()
            entries.withUnsafeBufferPointer { table in
                for row in 0..<rows {
                    let digit = exponent.bits(at: row * windowBits, width: windowBits)
                    guard digit != 0 else { continue }
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
            let result = domain.one(scratch)
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
