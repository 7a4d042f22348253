/// The fixed-base tables of one base of an ``IntegerGroup``: two comb tables, built on first use.
///
/// The public path uses 8-bit windows (one multiplication per exponent byte, direct lookups). The secret path reads
/// every entry of a row to select one, so its cost grows with the row size; it uses 6-bit windows, where that scan
/// costs less than the extra multiplications (measured with `tabella bench groups`, see Docs/groups.md).
public final class IntegerFixedBase: Sendable {
    /// Window width of the public table.
    static let publicWindowBits = 8
    /// Window width of the secret table.
    static let secretWindowBits = 6

    private let publicTable: Once<CombTable>
    private let secretTable: Once<CombTable>

    init(base: [UInt], domain: MontgomeryDomain, exponentBits: Int) {
        publicTable = Once {
            CombTable(base: base, domain: domain, exponentBits: exponentBits, windowBits: Self.publicWindowBits)
        }
        secretTable = Once {
            CombTable(base: base, domain: domain, exponentBits: exponentBits, windowBits: Self.secretWindowBits)
        }
    }

    /// `base^exponent`, variable-time.
    func publicPower(_ exponent: Scalar) -> [UInt] { publicTable.value.publicPower(exponent) }

    /// `base^exponent` with memory accesses and operations independent of the exponent.
    func secretPower(_ exponent: Scalar) -> [UInt] { secretTable.value.secretPower(exponent) }
}
