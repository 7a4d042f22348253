/// Measures of how concentrated voting weight is: the plutocracy risk of a weighted vote.
public enum WeightConcentration {
    /// The Gini coefficient of `weights`: 0 when all are equal, approaching 1 when one holds all.
    ///
    /// `Σ (2i − n − 1) · w₍ᵢ₎ / (n · Σ w)` over the weights sorted ascending, `i` from 1.
    public static func gini(_ weights: [UInt64]) -> Double {
        let sorted = weights.sorted()
        let total = sorted.reduce(0.0) { $0 + Double($1) }
        guard sorted.count > 1, total > 0 else { return 0 }
        let n = Double(sorted.count)
        var sum = 0.0
        for (index, weight) in sorted.enumerated() { sum += (2 * Double(index + 1) - n - 1) * Double(weight) }
        return sum / (n * total)
    }

    /// The Nakamoto coefficient: the fewest voters whose weights together exceed `share` (a half by default) of
    /// the total; 0 for no weight.
    public static func nakamotoCoefficient(_ weights: [UInt64], share: Double = 0.5) -> Int {
        let total = weights.reduce(0.0) { $0 + Double($1) }
        guard total > 0 else { return 0 }
        var running = 0.0
        for (index, weight) in weights.sorted(by: >).enumerated() {
            running += Double(weight)
            if running > share * total { return index + 1 }
        }
        return weights.count
    }

    /// The share of the total held by the largest `fraction` of voters (at least one voter).
    public static func topShare(_ weights: [UInt64], fraction: Double = 0.01) -> Double {
        let total = weights.reduce(0.0) { $0 + Double($1) }
        guard total > 0 else { return 0 }
        let count = max(1, Int((Double(weights.count) * fraction).rounded(.up)))
        return weights.sorted(by: >).prefix(count).reduce(0.0) { $0 + Double($1) } / total
    }
}

/// The concentration of the weight cast so far, for a dashboard.
public struct ConcentrationSummary: Sendable, Hashable, Codable {
    /// The voters who have cast.
    public let voters: Int
    /// Their total weight.
    public let weight: Double
    /// The share of that weight held by the top 1 % of them.
    public let topPercentShare: Double
    /// The fewest of them holding more than half of it.
    public let nakamotoCoefficient: Int
    /// The Gini coefficient of their weights.
    public let gini: Double

    /// The summary of `weights`.
    public init(weights: [UInt64]) {
        voters = weights.count
        weight = weights.reduce(0.0) { $0 + Double($1) }
        topPercentShare = WeightConcentration.topShare(weights)
        nakamotoCoefficient = WeightConcentration.nakamotoCoefficient(weights)
        gini = WeightConcentration.gini(weights)
    }
}
