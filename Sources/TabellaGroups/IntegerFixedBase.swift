internal import COpenSSL

/// A comb table for one base of an ``IntegerGroup``: `base^(v · 2^(8j))` for every byte value v and byte position
/// j of an exponent, in Montgomery form, so that an exponentiation is one multiplication per exponent byte.
///
/// The secret path reads every entry of a row and keeps the one it needs with masks, so that the memory accessed
/// does not depend on the exponent; the public path reads only the entry it needs.
public final class IntegerFixedBase: Sendable {
    /// Bits of exponent per table row.
    static let windowBits = 8
    /// Entries per row.
    static let rowEntries = 1 << windowBits

    /// Rows × entries × limbs, in Montgomery form; entry 0 of every row is one.
    private let entries: [UInt]
    private let rows: Int
    private let limbCount: Int
    private let domain: MontgomeryDomain

    init(base: [UInt], domain: MontgomeryDomain, exponentBits: Int) {
        let limbCount = domain.limbCount
        let rows = (exponentBits + Self.windowBits - 1) / Self.windowBits
        let scratch = BigNumberContext()
        var entries = [UInt]()
        entries.reserveCapacity(rows * Self.rowEntries * limbCount)
        let one = domain.one(scratch)
        // rowBase = base^(2^(8j)) in Montgomery form.
        let rowBase = domain.toMontgomery(BigNumber(limbs: base), scratch)
        for row in 0..<rows {
            if row > 0 { for _ in 0..<Self.windowBits { domain.square(rowBase, scratch) } }
            entries += one.limbs(count: limbCount)
            let running = BigNumber()
            _ = BN_copy(running.pointer, rowBase.pointer)
            for _ in 1..<Self.rowEntries {
                entries += running.limbs(count: limbCount)
                domain.multiply(running, by: rowBase, scratch)
            }
        }
        self.entries = entries
        self.rows = rows
        self.limbCount = limbCount
        self.domain = domain
    }

    /// `base^exponent`, reading only the entries the exponent selects (variable-time).
    func publicPower(_ exponent: Scalar) -> [UInt] {
        let scratch = BigNumberContext()
        let result = domain.one(scratch)
        let factor = BigNumber()
        entries.withUnsafeBufferPointer { table in
            for row in 0..<rows {
                let digit = exponent.bits(at: row * Self.windowBits, width: Self.windowBits)
                guard digit != 0 else { continue }
                factor.set(limbs: table.baseAddress! + (row * Self.rowEntries + digit) * limbCount, count: limbCount)
                domain.multiply(result, by: factor, scratch)
            }
        }
        domain.fromMontgomery(result, scratch)
        return result.limbs(count: limbCount)
    }

    /// `base^exponent` with a memory access pattern and operation count independent of the exponent.
    func secretPower(_ exponent: Scalar) -> [UInt] {
        let scratch = BigNumberContext()
        let result = domain.one(scratch)
        let factor = BigNumber()
        factor.markSecret()
        var selected = [UInt](repeating: 0, count: limbCount)
        entries.withUnsafeBufferPointer { table in
            selected.withUnsafeMutableBufferPointer { output in
                for row in 0..<rows {
                    let digit = exponent.bits(at: row * Self.windowBits, width: Self.windowBits)
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

    /// Copies entry `digit` of `row` into `output`, touching every entry of the row.
    private func gather(_ table: UnsafeBufferPointer<UInt>, row: Int, digit: Int, into output: UnsafeMutableBufferPointer<UInt>) {
        for index in 0..<limbCount { output[index] = 0 }
        let rowStart = row * Self.rowEntries * limbCount
        for value in 0..<Self.rowEntries {
            let difference = UInt(truncatingIfNeeded: value ^ digit)
            let mask = 0 &- ((difference &- 1) >> UInt(UInt.bitWidth - 1))
            let entryStart = rowStart + value * limbCount
            for index in 0..<limbCount { output[index] |= table[entryStart + index] & mask }
        }
    }
}
