/// Alerts when the weight cast concentrates: one ballot carrying a large share of the weight cast so far (a whale
/// arriving), or the Nakamoto coefficient of the cast weight falling to a handful of voters.
///
/// The roll's weights are public before voting, so concentration is a property of the roll that turnout reveals;
/// the alert tells that the outcome now rests on few hands, not that anything is wrong. Revotes do not count
/// twice: a voter's weight is counted once, at its first ballot.
public struct ConcentrationDetector: Sendable {
    private let singleShare: Double
    private let warmUpWeight: Double
    private let nakamotoThreshold: Int
    private var cast: [UInt64] = []
    private(set) var castWeight = 0.0
    private var nakamotoAlerted = false

    /// A detector for a roll of total weight `rollWeight`.
    public init(rollWeight: Double, singleShare: Double, warmUp: Double, nakamotoThreshold: Int) {
        self.singleShare = singleShare
        warmUpWeight = rollWeight * warmUp
        self.nakamotoThreshold = nakamotoThreshold
    }

    /// The weights of the voters who have cast, in order of their first ballot.
    public var castWeights: [UInt64] { cast }

    /// Counts an arrival; the alert, if its one ballot carries too large a share of the weight cast.
    public mutating func observe(_ arrival: BallotArrival, regionName: String) -> MonitorAlert? {
        guard !arrival.isRevote else { return nil }
        cast.append(arrival.weight)
        castWeight += Double(arrival.weight)
        let share = Double(arrival.weight) / castWeight
        guard castWeight >= warmUpWeight, share >= singleShare else { return nil }
        return MonitorAlert(
            severity: .warning, detector: .concentration,
            subject: .init(regions: [regionName], voters: [arrival.voter]), time: arrival.time,
            evidence: [.init("weight", Double(arrival.weight)), .init("cast-weight", castWeight),
                       .init("share", share)],
            explanation: """
                One ballot (voter \(arrival.voter) of the roll) carries \(MonitorFormat.percent(share)) of all \
                the weight cast so far. The holding is public on the roll and the vote is valid; the alert says \
                that the outcome now leans on one voter.
                """)
    }

    /// At a slot's end: the alert, once, if the Nakamoto coefficient of the weight cast fell to the threshold.
    public mutating func close(time: Double) -> MonitorAlert? {
        guard !nakamotoAlerted, castWeight >= warmUpWeight, !cast.isEmpty else { return nil }
        let coefficient = WeightConcentration.nakamotoCoefficient(cast)
        guard coefficient <= nakamotoThreshold else { return nil }
        nakamotoAlerted = true
        return MonitorAlert(
            severity: .warning, detector: .concentration, subject: .init(), time: time,
            evidence: [.init("nakamoto-coefficient", Double(coefficient)), .init("voters", Double(cast.count)),
                       .init("cast-weight", castWeight)],
            explanation: """
                \(coefficient) voter\(coefficient == 1 ? "" : "s") together hold more than half of the weight \
                cast so far by \(cast.count) voters: they alone would decide the outcome.
                """)
    }
}
