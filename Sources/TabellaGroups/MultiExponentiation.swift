/// Products of many powers `∏ bᵢ^eᵢ` with public exponents, by Straus's interleaved windows for few terms and
/// Pippenger's bucket method (with unsigned or signed digits) for many, whichever a cost model says is cheaper.
enum MultiExponentiation {
    /// The algorithm and window width chosen for a number of terms and an exponent length.
    enum Plan: Equatable {
        /// Straus: a table of `2^width - 1` powers per base, shared squarings.
        case straus(width: Int)
        /// Pippenger: per window of `width` bits, each base goes into the bucket of its digit. Unsigned digits
        /// need `2^width - 1` buckets; signed digits in `[-2^(width-1), 2^(width-1)]` need half as many, at the
        /// price of the bases' inverses.
        case pippenger(width: Int, signed: Bool)
    }

    /// The plan with the smallest estimated cost, in the workspace's cost units.
    static func plan(terms: Int, bits: Int, costs: ExponentiationCosts = ExponentiationCosts()) -> Plan {
        let n = Double(terms)
        var best = (cost: Double.infinity, plan: Plan.straus(width: 1))
        for width in 1...6 {
            let windows = Double((bits + width - 1) / width)
            let cost = n * Double((1 << width) - 2) * costs.multiplyByBase + Double(bits) * costs.square
                + n * windows * costs.multiply
            if cost < best.cost { best = (cost, .straus(width: width)) }
        }
        for width in 2...16 {
            for signed in [false, true] {
                guard !signed || costs.inversion != nil else { continue }
                let layout = PippengerLayout(bits: bits, width: width, signed: signed)
                var cost = Double(layout.windows) * (n * costs.placement
                    + 2 * Double(layout.bucketsPerWindow) * costs.multiply) + Double(bits) * costs.square
                if signed, let inversion = costs.inversion { cost += n * inversion.perBase + inversion.fixed }
                if cost < best.cost { best = (cost, .pippenger(width: width, signed: signed)) }
            }
        }
        return best.plan
    }

    /// `∏ bases[i]^exponents[i]`, computed in `workspace`.
    static func product<Workspace: ExponentiationWorkspace>(
        _ workspace: Workspace, bases: [Workspace.Base], exponents: [Scalar]
    ) -> Workspace.Value {
        product(workspace, bases: bases, exponents: exponents, plan: nil)
    }

    /// `∏ bases[i]^exponents[i]`, computed in `workspace` by the given plan, or by the plan of least estimated cost
    /// when it is nil.
    static func product<Workspace: ExponentiationWorkspace>(
        _ workspace: Workspace, bases: [Workspace.Base], exponents: [Scalar], plan: Plan?
    ) -> Workspace.Value {
        precondition(bases.count == exponents.count, "one exponent per base")
        let bits = exponents.map(\.bitLength).max() ?? 0
        guard bits > 0 else { return workspace.makeIdentity() }
        switch plan ?? self.plan(terms: bases.count, bits: bits, costs: workspace.costs) {
        case .straus(let width):
            return straus(workspace, bases, exponents, bits: bits, width: width)
        case .pippenger(let width, let signed):
            let layout = PippengerLayout(bits: bits, width: width, signed: signed)
            return pippenger(workspace, bases, exponents, layout: layout)
        }
    }

    private static func straus<Workspace: ExponentiationWorkspace>(
        _ workspace: Workspace, _ bases: [Workspace.Base], _ exponents: [Scalar], bits: Int, width: Int
    ) -> Workspace.Value {
        let entries = (1 << width) - 1
        // tables[i][d - 1] = bases[i]^d for d in 1...entries.
        let tables: [[Workspace.Value]] = bases.map { base in
            var table = [workspace.value(of: base)]
            for _ in 1..<entries {
                var next = workspace.copy(table[table.count - 1])
                workspace.multiply(&next, byBase: base)
                table.append(next)
            }
            return table
        }
        var result = workspace.makeIdentity()
        let windows = (bits + width - 1) / width
        for window in stride(from: windows - 1, through: 0, by: -1) {
            if window != windows - 1 { for _ in 0..<width { workspace.square(&result) } }
            for (index, exponent) in exponents.enumerated() {
                let digit = exponent.bits(at: window * width, width: width)
                if digit != 0 { workspace.multiply(&result, by: tables[index][digit - 1]) }
            }
        }
        return result
    }

    /// Most buckets filled by one call of ``ExponentiationWorkspace/bucketProducts(_:bases:inverses:bucketCount:)``
    /// (several windows at once, so that a workspace can batch work across them), unless one window has more.
    private static let bucketsPerCall = 8_192

    private static func pippenger<Workspace: ExponentiationWorkspace>(
        _ workspace: Workspace, _ bases: [Workspace.Base], _ exponents: [Scalar], layout: PippengerLayout
    ) -> Workspace.Value {
        let inverses = layout.signed ? workspace.inverses(of: bases) : []
        let buckets = layout.bucketsPerWindow
        let digits = exponents.map(layout.digits)
        let windowsPerCall = max(1, bucketsPerCall / buckets)
        var result = workspace.makeIdentity()
        var top = layout.windows
        while top > 0 {
            let bottom = max(0, top - windowsPerCall)
            // Bucket (window - bottom) · buckets + |digit| - 1 collects the bases with that digit in that window.
            var placements = [BucketPlacement]()
            placements.reserveCapacity(bases.count * (top - bottom))
            for (index, baseDigits) in digits.enumerated() {
                for window in bottom..<top where baseDigits[window] != 0 {
                    let digit = baseDigits[window]
                    placements.append(BucketPlacement(
                        bucket: (window - bottom) * buckets + abs(digit) - 1, base: index, inverted: digit < 0))
                }
            }
            var products = workspace.bucketProducts(
                placements, bases: bases, inverses: inverses, bucketCount: (top - bottom) * buckets)
            for window in stride(from: top - 1, through: bottom, by: -1) {
                if window != layout.windows - 1 { for _ in 0..<layout.width { workspace.square(&result) } }
                // ∏ bucket[d]^d as a product of running products, from the highest digit down.
                var running: Workspace.Value?
                var windowProduct: Workspace.Value?
                for digit in stride(from: buckets, through: 1, by: -1) {
                    if let bucket = products[(window - bottom) * buckets + digit - 1] {
                        if running != nil { workspace.multiply(&running!, by: bucket) } else { running = bucket }
                    }
                    guard let running else { continue }
                    if windowProduct != nil {
                        workspace.multiply(&windowProduct!, by: running)
                    } else {
                        windowProduct = workspace.copy(running)
                    }
                }
                if let windowProduct { workspace.multiply(&result, by: windowProduct) }
            }
            products.removeAll()
            top = bottom
        }
        return result
    }
}

/// The windows and digits of Pippenger's method for one exponent length and window width.
struct PippengerLayout {
    /// Bits per window.
    let width: Int
    /// Whether digits are signed.
    let signed: Bool
    /// Windows per exponent: ⌈bits / width⌉ unsigned, ⌈(bits + 1) / width⌉ signed (room for the last carry).
    let windows: Int
    /// Distinct nonzero digit magnitudes: `2^width - 1` unsigned, `2^(width-1)` signed.
    let bucketsPerWindow: Int

    init(bits: Int, width: Int, signed: Bool) {
        self.width = width
        self.signed = signed
        windows = ((signed ? bits + 1 : bits) + width - 1) / width
        bucketsPerWindow = signed ? 1 << (width - 1) : (1 << width) - 1
    }

    /// The digits of `exponent`, least significant window first: `exponent = Σ digits[j] · 2^(width·j)`.
    ///
    /// Signed digits: a window's value plus the carry from below, when above `2^(width-1)`, becomes negative by
    /// subtracting `2^width` and carries one into the next window.
    func digits(_ exponent: Scalar) -> [Int] {
        var digits = [Int](repeating: 0, count: windows)
        var carry = 0
        let full = 1 << width
        for window in 0..<windows {
            var digit = exponent.bits(at: window * width, width: width) + carry
            carry = 0
            if signed, digit > full / 2 {
                digit -= full
                carry = 1
            }
            digits[window] = digit
        }
        precondition(carry == 0, "the top window absorbs the last carry")
        return digits
    }
}

/// One base going into one bucket of Pippenger's method.
struct BucketPlacement {
    /// The bucket's index.
    let bucket: Int
    /// The base's index.
    let base: Int
    /// Whether the base's inverse goes in (a negative digit).
    let inverted: Bool
}
