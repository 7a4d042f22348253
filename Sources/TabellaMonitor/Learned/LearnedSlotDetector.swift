/// The learned detector: a ``BoostedStumps`` model over each region's ``SlotFeatures`` at the close of every slot,
/// alerting when the model's probability of an attack reaches `threshold`.
///
/// The model is trained on synthetic elections with injected attacks (stuffing, bots, turnout spikes), the
/// threshold set on clean elections of other seeds (``LearnedEvaluation``). It learns the generator's notion of an
/// attack: what it finds on real days is measured only as far as the generator resembles them (Docs/monitor.md,
/// "The learned detector").
public struct LearnedSlotDetector: Sendable, Hashable, Codable {
    /// The model.
    public let model: BoostedStumps
    /// The probability at which it alerts.
    public let threshold: Double

    /// A detector alerting when `model` gives `threshold` or more.
    ///
    /// - Throws: ``MonitorError`` `.outOfRange` for a threshold outside (0, 1] or a model over other features than
    ///   ``SlotFeatures/names``.
    public init(model: BoostedStumps, threshold: Double) throws(MonitorError) {
        guard threshold > 0, threshold <= 1 else {
            throw MonitorError(.outOfRange, "learned detector: threshold \(threshold) is outside (0, 1]")
        }
        guard model.featureCount == SlotFeatures.names.count,
              model.stumps.allSatisfy({ (0..<model.featureCount).contains($0.feature) && $0.threshold.isFinite })
        else {
            throw MonitorError(.outOfRange, "learned detector: the model reads \(model.featureCount) features, "
                + "not the \(SlotFeatures.names.count) slot features, or a stump is out of range")
        }
        self.model = model
        self.threshold = threshold
    }

    /// Decodes a detector and checks it as ``init(model:threshold:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(model: container.decode(BoostedStumps.self, forKey: .model),
                      threshold: container.decode(Double.self, forKey: .threshold))
    }

    /// The alert, if `features` of region `regionName` at the close of a slot at `time` reach the threshold.
    func alert(_ features: [Double], regionName: String, time: Double) -> MonitorAlert? {
        let probability = model.probability(features)
        guard probability >= threshold else { return nil }
        return MonitorAlert(
            severity: .warning, detector: .learned, subject: .init(regions: [regionName]), time: time,
            evidence: [.init("probability", probability), .init("threshold", threshold)]
                + zip(SlotFeatures.names, features).map { .init($0, $1) },
            explanation: """
                The learned model, trained on simulated attacks, scores region \(regionName)'s recent arrivals as \
                an attack (probability \(MonitorFormat.percent(probability))): its counts over the last hour and \
                the spacing of its ballots look more like the simulated stuffing, bots and spikes than like the \
                simulated clean days. It knows only the simulator's attacks.
                """)
    }
}
