import RealModule

/// A classifier learned by gradient boosting of decision stumps on the logistic loss: the sum of `stumps`, each
/// adding one value or another by whether one feature is below a threshold, plus a `bias`, gives the log-odds of
/// the positive class.
///
/// Training is the usual second-order boosting: each round fits the stump that most reduces the loss's quadratic
/// approximation, its leaves the Newton steps `−ΣG / (ΣH + λ)` shrunk by the learning rate; split candidates are
/// the quantiles of each feature (``Training/bins`` of them), so a round costs one pass over the rows per feature.
/// Deterministic: the same rows give the same model.
public struct BoostedStumps: Sendable, Hashable, Codable {
    /// One stump: `below` when `features[feature] < threshold`, else `above`.
    public struct Stump: Sendable, Hashable, Codable {
        /// The index of the feature tested.
        public let feature: Int
        /// The split.
        public let threshold: Double
        /// The log-odds added below the split.
        public let below: Double
        /// The log-odds added at or above it.
        public let above: Double
    }

    /// How a model is trained.
    public struct Training: Sendable, Hashable, Codable {
        /// Boosting rounds: stumps in the model.
        public var rounds = 200
        /// The shrinkage of each stump's leaves.
        public var learningRate = 0.1
        /// The L2 penalty on a leaf's value (λ).
        public var leafPenalty = 1.0
        /// Split candidates per feature (quantiles).
        public var bins = 32
        /// The weight of each positive row against a negative one's 1 (positives are rare).
        public var positiveWeight = 1.0

        /// The default training.
        public init() {}

        /// Checks every setting.
        ///
        /// - Throws: ``MonitorError`` `.outOfRange` naming the first setting out of range.
        public func validate() throws(MonitorError) {
            func check(_ ok: Bool, _ field: String) throws(MonitorError) {
                if !ok { throw MonitorError(.outOfRange, "boosting: \(field) is out of range") }
            }
            try check(rounds >= 1, "rounds")
            try check(learningRate > 0 && learningRate <= 1, "learningRate")
            try check(leafPenalty >= 0 && leafPenalty.isFinite, "leafPenalty")
            try check((2...256).contains(bins), "bins")
            try check(positiveWeight > 0 && positiveWeight.isFinite, "positiveWeight")
        }
    }

    /// The number of features a row must have.
    public let featureCount: Int
    /// The log-odds before any stump.
    public let bias: Double
    /// The stumps, in the order they were learned.
    public let stumps: [Stump]

    /// The log-odds of the positive class for `features`.
    public func logOdds(_ features: [Double]) -> Double {
        var sum = bias
        for stump in stumps { sum += features[stump.feature] < stump.threshold ? stump.below : stump.above }
        return sum
    }

    /// The probability of the positive class for `features`.
    public func probability(_ features: [Double]) -> Double { 1 / (1 + Double.exp(-logOdds(features))) }

    /// A model trained on `rows` (each of the same length) with their `labels`.
    ///
    /// - Throws: ``MonitorError`` `.outOfRange` naming a training setting out of range; `.malformed` when there are
    ///   no rows, rows of different lengths or with a value that is not finite, labels not one per row, or only one
    ///   class.
    public init(rows: [[Double]], labels: [Bool], training: Training = .init()) throws(MonitorError) {
        try training.validate()
        guard let width = rows.first?.count, width > 0 else {
            throw MonitorError(.malformed, "boosting: no rows to train on")
        }
        guard labels.count == rows.count else {
            throw MonitorError(.malformed, "boosting: \(labels.count) labels for \(rows.count) rows")
        }
        if let bad = rows.firstIndex(where: { $0.count != width }) {
            throw MonitorError(.malformed, "boosting: row \(bad) has \(rows[bad].count) features, not \(width)")
        }
        if let bad = rows.firstIndex(where: { !$0.allSatisfy(\.isFinite) }) {
            throw MonitorError(.malformed, "boosting: row \(bad) has a value that is not finite")
        }
        let positives = labels.count { $0 }
        guard positives > 0, positives < rows.count else {
            throw MonitorError(.malformed, "boosting: the labels must hold both classes (\(positives) positive of "
                + "\(rows.count))")
        }
        let weights = labels.map { $0 ? training.positiveWeight : 1 }
        let positiveMass = zip(labels, weights).reduce(0.0) { $0 + ($1.0 ? $1.1 : 0) }
        let totalMass = weights.reduce(0, +)
        let bias = Double.log(positiveMass / (totalMass - positiveMass))
        let binned = QuantileBins(rows: rows, bins: training.bins)
        var scores = [Double](repeating: bias, count: rows.count)
        var stumps = [Stump]()
        for _ in 0..<training.rounds {
            var gradients = [Double](repeating: 0, count: rows.count)
            var hessians = [Double](repeating: 0, count: rows.count)
            for row in rows.indices {
                let p = 1 / (1 + Double.exp(-scores[row]))
                gradients[row] = weights[row] * (p - (labels[row] ? 1 : 0))
                hessians[row] = weights[row] * max(p * (1 - p), 1e-12)
            }
            guard let stump = Self.bestStump(binned, gradients: gradients, hessians: hessians, training: training)
            else { break }
            for row in rows.indices {
                scores[row] += rows[row][stump.feature] < stump.threshold ? stump.below : stump.above
            }
            stumps.append(stump)
        }
        featureCount = width
        self.bias = bias
        self.stumps = stumps
    }

    /// The stump whose split gains most on the quadratic approximation, nil when no split gains.
    private static func bestStump(_ binned: QuantileBins, gradients: [Double], hessians: [Double],
                                  training: Training) -> Stump? {
        let (totalG, totalH) = (gradients.reduce(0, +), hessians.reduce(0, +))
        let lambda = training.leafPenalty
        func gain(_ g: Double, _ h: Double) -> Double { g * g / (h + lambda) }
        let parent = gain(totalG, totalH)
        var best: (gain: Double, feature: Int, bin: Int, g: Double, h: Double)?
        for feature in 0..<binned.featureCount {
            let cuts = binned.cuts[feature]
            guard !cuts.isEmpty else { continue }
            var g = [Double](repeating: 0, count: cuts.count + 1)
            var h = [Double](repeating: 0, count: cuts.count + 1)
            for (row, bin) in binned.bins[feature].enumerated() {
                g[Int(bin)] += gradients[row]
                h[Int(bin)] += hessians[row]
            }
            var (leftG, leftH) = (0.0, 0.0)
            for bin in cuts.indices {
                leftG += g[bin]
                leftH += h[bin]
                let split = gain(leftG, leftH) + gain(totalG - leftG, totalH - leftH) - parent
                if split > (best?.gain ?? 1e-9) { best = (split, feature, bin, leftG, leftH) }
            }
        }
        guard let best else { return nil }
        let rate = training.learningRate
        return Stump(feature: best.feature, threshold: binned.cuts[best.feature][best.bin],
                     below: -rate * best.g / (best.h + lambda),
                     above: -rate * (totalG - best.g) / (totalH - best.h + lambda))
    }
}
