import TabellaRecord
import TabellaVerifier

/// The shape of a simulated election: the group, the contests, the voters and how they behave, the trustees.
public struct ElectionShape: Sendable {
    /// The election's identifier on its board.
    public var election = "tabella-demo"
    /// The group.
    public var group = ElectionGroup.p256
    /// The contests.
    public var contests: [Contest]
    /// The weight function.
    public var weightFunction = WeightFunction.onePerVoter
    /// The number of voters.
    public var voters = 1000
    /// Region tags, given to the voters in turn (none when empty).
    public var regions: [String] = []
    /// The most tokens a voter holds (each holds a random number from 1 to this).
    public var maximumTokens: UInt64 = 1
    /// How many voters cast a second ballot that replaces their first.
    public var revoters = 0
    /// How many voters challenge (spoil) a ballot before they cast.
    public var challengers = 0
    /// How many voters fetch a receipt after casting and check it at the end.
    public var receipts = 0
    /// The trustees, n.
    public var trustees = 3
    /// The threshold, t.
    public var threshold = 2
    /// How many trustees are absent at decryption (at most n - t).
    public var absent = 1
    /// How many requests or ballots are in progress at once.
    public var concurrency = 32

    /// A shape with these contests and the defaults above.
    public init(contests: [Contest]) {
        self.contests = contests
    }

    /// The demonstration of `tabella demo`: 1,000 voters in three regions, token weights under the square-root
    /// function, two contests, a 3-of-5 ceremony, one trustee absent, some revotes and challenges.
    public static var demonstration: ElectionShape {
        var shape = ElectionShape(contests: [
            .referendum(id: "budget", question: "Adopt the 2027 community budget?",
                        rule: DecisionRule(quorum: try! Fraction(1, 10), threshold: try! Fraction(1, 2), strict: true)),
            Contest(id: "council", question: "Elect the council: choose 1 to 3 of the 10 candidates.", kind: .choose,
                    options: (1...10).map { Contest.Option(id: "candidate-\($0)", text: "Candidate \($0)") },
                    minimumSelections: 1, maximumSelections: 3,
                    rule: DecisionRule(quorum: try! Fraction(1, 10), threshold: .zero, strict: false)),
        ])
        shape.weightFunction = .squareRoot
        shape.regions = ["north", "centre", "south"]
        shape.maximumTokens = 10_000
        shape.revoters = 50
        shape.challengers = 20
        shape.receipts = 20
        shape.trustees = 5
        shape.threshold = 3
        shape.absent = 1
        return shape
    }

    /// The shape with two contests that the mix-net counts added: a ranked contest (single transferable vote,
    /// two seats of five candidates) and a write-in contest (one of two listed options, or a written name).
    public func withMixedContests() -> ElectionShape {
        var shape = self
        shape.contests += [
            Contest(id: "board", question: "Elect two board members: rank 1 to 5 of the 5 candidates.", kind: .ranked,
                    options: ["ada", "boole", "curie", "darwin", "euler"].map { Contest.Option(id: $0, text: $0) },
                    minimumSelections: 1, maximumSelections: 5,
                    rule: DecisionRule(quorum: try! Fraction(1, 10), threshold: .zero, strict: false),
                    method: .stv, seats: 2),
            Contest(id: "mascot", question: "Choose the mascot, or write in your own.", kind: .writeIn,
                    options: [Contest.Option(id: "owl", text: "Owl"), Contest.Option(id: "fox", text: "Fox")],
                    minimumSelections: 0, maximumSelections: 1,
                    rule: DecisionRule(quorum: .zero, threshold: .zero, strict: false), maximumWriteInBytes: 24),
        ]
        return shape
    }

    /// The Belenios comparison's shape: one contest, choose 1 to 3 of 10, one vote per voter, 3 trustees with
    /// threshold 2 and one absent.
    public static func beleniosComparison(voters: Int, group: ElectionGroup) -> ElectionShape {
        var shape = ElectionShape(contests: [
            Contest(id: "choice", question: "Choose 1 to 3 of the 10 options.", kind: .choose,
                    options: (1...10).map { Contest.Option(id: "option-\($0)", text: "Option \($0)") },
                    minimumSelections: 1, maximumSelections: 3,
                    rule: DecisionRule(quorum: .zero, threshold: .zero, strict: false)),
        ])
        shape.election = "belenios-comparison"
        shape.group = group
        shape.voters = voters
        return shape
    }
}
