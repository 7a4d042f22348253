/// How a contest is decided from its weighted tally: a quorum on turnout and a threshold on the votes.
///
/// - Quorum: the weight of the voters who cast a counted ballot must be at least `quorum` of the roll's total weight.
/// - For yes/no/abstain contests and referendums, the proposal passes when `yes / (yes + no)` reaches `threshold`
///   (abstentions count towards the quorum only); with `strict`, it must exceed it.
/// - For choose and approval contests, the options with the most weight win, as many as the contest's maximum
///   selections, each needing `threshold` of the weight of the ballots cast (or more than it with `strict`).
public struct DecisionRule: Sendable, Hashable, Codable {
    /// The share of the roll's total weight that must take part.
    public let quorum: Fraction
    /// The share of the votes that passes a proposal or elects an option.
    public let threshold: Fraction
    /// Whether the threshold must be exceeded rather than reached ("more than half" against "at least half").
    public let strict: Bool

    /// A rule.
    public init(quorum: Fraction, threshold: Fraction, strict: Bool) {
        self.quorum = quorum
        self.threshold = threshold
        self.strict = strict
    }

    /// No quorum, and a simple majority (more than half).
    public static let simpleMajority = DecisionRule(quorum: .zero, threshold: try! Fraction(1, 2), strict: true)

    /// Checks that both fractions lie in [0, 1].
    ///
    /// - Throws: ``ElectionError`` `.outOfRange` naming the contest and the field.
    public func validate(contest: String) throws(ElectionError) {
        guard quorum.numerator <= quorum.denominator else {
            throw ElectionError(.outOfRange, "\(contest): the quorum \(quorum) is more than 1")
        }
        guard threshold.numerator <= threshold.denominator else {
            throw ElectionError(.outOfRange, "\(contest): the threshold \(threshold) is more than 1")
        }
    }

    /// Whether `part / whole` passes the threshold.
    func passes(_ part: UInt64, of whole: UInt64) -> Bool {
        strict ? threshold.isExceeded(by: part, of: whole) : whole > 0 && threshold.isReached(by: part, of: whole)
    }
}
