/// In-place arithmetic on a group's working representation, which the exponentiation algorithms drive.
///
/// Values are objects (an OpenSSL `BIGNUM` in Montgomery form, an `EC_POINT` in Jacobian coordinates) so that the
/// algorithms can update them without allocating.
protocol ExponentiationWorkspace {
    /// A mutable working value.
    associatedtype Value: AnyObject

    /// A new value holding the identity.
    func makeIdentity() -> Value
    /// A new value equal to `value`.
    func copy(_ value: Value) -> Value
    /// `accumulator ← accumulator · factor`.
    func multiply(_ accumulator: Value, by factor: Value)
    /// `accumulator ← accumulator²`.
    func square(_ accumulator: Value)
}

/// Products of many powers `∏ bᵢ^eᵢ` with public exponents, by Straus's interleaved windows for few terms and
/// Pippenger's bucket method for many, whichever a cost model says needs fewer group operations.
enum MultiExponentiation {
    /// The algorithm and window width chosen for a number of terms and an exponent length.
    enum Plan: Equatable {
        /// Straus: a table of `2^width - 1` powers per base, shared squarings.
        case straus(width: Int)
        /// Pippenger: per window of `width` bits, each base goes into one of `2^width - 1` buckets.
        case pippenger(width: Int)
    }

    /// The plan with the smallest estimated count of group operations.
    static func plan(terms: Int, bits: Int) -> Plan {
        var best = (cost: Int.max, plan: Plan.straus(width: 1))
        for width in 1...6 {
            let windows = (bits + width - 1) / width
            let cost = terms * ((1 << width) - 2) + bits + terms * windows
            if cost < best.cost { best = (cost, .straus(width: width)) }
        }
        for width in 2...16 {
            let windows = (bits + width - 1) / width
            let cost = windows * (terms + (2 << width)) + bits
            if cost < best.cost { best = (cost, .pippenger(width: width)) }
        }
        return best.plan
    }

    /// `∏ bases[i]^exponents[i]`, computed in `workspace`.
    static func product<Workspace: ExponentiationWorkspace>(
        _ workspace: Workspace, bases: [Workspace.Value], exponents: [Scalar]
    ) -> Workspace.Value {
        precondition(bases.count == exponents.count, "one exponent per base")
        let bits = exponents.map(\.bitLength).max() ?? 0
        guard bits > 0 else { return workspace.makeIdentity() }
        switch plan(terms: bases.count, bits: bits) {
        case .straus(let width): return straus(workspace, bases, exponents, bits: bits, width: width)
        case .pippenger(let width): return pippenger(workspace, bases, exponents, bits: bits, width: width)
        }
    }

    private static func straus<Workspace: ExponentiationWorkspace>(
        _ workspace: Workspace, _ bases: [Workspace.Value], _ exponents: [Scalar], bits: Int, width: Int
    ) -> Workspace.Value {
        let entries = (1 << width) - 1
        // tables[i][d - 1] = bases[i]^d for d in 1...entries.
        let tables: [[Workspace.Value]] = bases.map { base in
            var table = [workspace.copy(base)]
            for _ in 1..<entries {
                let next = workspace.copy(table[table.count - 1])
                workspace.multiply(next, by: base)
                table.append(next)
            }
            return table
        }
        let result = workspace.makeIdentity()
        let windows = (bits + width - 1) / width
        for window in stride(from: windows - 1, through: 0, by: -1) {
            if window != windows - 1 { for _ in 0..<width { workspace.square(result) } }
            for (index, exponent) in exponents.enumerated() {
                let digit = exponent.bits(at: window * width, width: width)
                if digit != 0 { workspace.multiply(result, by: tables[index][digit - 1]) }
            }
        }
        return result
    }

    private static func pippenger<Workspace: ExponentiationWorkspace>(
        _ workspace: Workspace, _ bases: [Workspace.Value], _ exponents: [Scalar], bits: Int, width: Int
    ) -> Workspace.Value {
        let bucketCount = (1 << width) - 1
        let result = workspace.makeIdentity()
        let windows = (bits + width - 1) / width
        for window in stride(from: windows - 1, through: 0, by: -1) {
            if window != windows - 1 { for _ in 0..<width { workspace.square(result) } }
            var buckets = [Workspace.Value?](repeating: nil, count: bucketCount)
            for (index, exponent) in exponents.enumerated() {
                let digit = exponent.bits(at: window * width, width: width)
                guard digit != 0 else { continue }
                if let bucket = buckets[digit - 1] {
                    workspace.multiply(bucket, by: bases[index])
                } else {
                    buckets[digit - 1] = workspace.copy(bases[index])
                }
            }
            // ∏ bucket[d]^d as a product of running products, from the highest digit down.
            var running: Workspace.Value?
            var windowProduct: Workspace.Value?
            for digit in stride(from: bucketCount, through: 1, by: -1) {
                if let bucket = buckets[digit - 1] {
                    if let running { workspace.multiply(running, by: bucket) } else { running = bucket }
                }
                guard let running else { continue }
                if let windowProduct { workspace.multiply(windowProduct, by: running) } else {
                    windowProduct = workspace.copy(running)
                }
            }
            if let windowProduct { workspace.multiply(result, by: windowProduct) }
        }
        return result
    }
}
