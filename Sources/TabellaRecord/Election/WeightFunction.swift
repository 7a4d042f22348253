/// How a voter's holding of tokens becomes the integer weight that multiplies their ballot's ciphertexts.
///
/// Weights are integers because a ciphertext is raised to the weight as a public exponent. The functions against
/// plutocracy are the square root (quadratic voting: influence grows with the root of the holding) and the cap (no
/// single voter above a share of the roll's total weight).
public indirect enum WeightFunction: Sendable, Hashable, Codable {
    /// Every voter weighs 1, whatever their tokens.
    case onePerVoter
    /// The weight is the number of tokens.
    case linear
    /// The weight is ⌊√tokens⌋.
    case squareRoot
    /// The weight of `base`, capped at ⌊share · Σ base weights of the roll⌋ (and at least 1 for a non-zero base).
    case capped(share: Fraction, base: WeightFunction)

    /// The weight of each holding of a roll, in the roll's order.
    ///
    /// - Throws: ``ElectionError`` `.overflow` when the roll's total weight does not fit in 64 bits.
    public func weights(forTokens tokens: [UInt64]) throws(ElectionError) -> [UInt64] {
        switch self {
        case .onePerVoter: return tokens.map { _ in 1 }
        case .linear:
            _ = try Self.total(tokens)
            return tokens
        case .squareRoot: return tokens.map(Self.integerSquareRoot)
        case .capped(let share, let base):
            let uncapped = try base.weights(forTokens: tokens)
            let cap = max(1, share.floor(of: try Self.total(uncapped)))
            return uncapped.map { min($0, cap) }
        }
    }

    /// The sum of weights.
    ///
    /// - Throws: ``ElectionError`` `.overflow` when it does not fit in 64 bits.
    public static func total(_ weights: [UInt64]) throws(ElectionError) -> UInt64 {
        var sum: UInt64 = 0
        for weight in weights {
            let (next, overflow) = sum.addingReportingOverflow(weight)
            guard !overflow else { throw ElectionError(.overflow, "the roll's total weight does not fit in 64 bits") }
            sum = next
        }
        return sum
    }

    /// ⌊√n⌋, exactly (Newton's method on integers).
    static func integerSquareRoot(_ n: UInt64) -> UInt64 {
        guard n > 1 else { return n }
        var root = UInt64(Double(n).squareRoot())
        // Correct the floating-point estimate, which can be off by one for large n.
        while root.multipliedReportingOverflow(by: root).overflow || root * root > n { root -= 1 }
        while case let (square, false) = (root + 1).multipliedReportingOverflow(by: root + 1), square <= n { root += 1 }
        return root
    }
}
