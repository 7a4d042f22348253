import Foundation
import Testing
import TabellaCrypto
import TabellaRecord

@Suite("Weights against plutocracy")
struct WeightFunctionTests {
    let tokens: [UInt64] = [0, 1, 4, 10, 100, 1_000_000]

    @Test("one per voter, linear and square root")
    func basicFunctions() throws {
        #expect(try WeightFunction.onePerVoter.weights(forTokens: tokens) == [1, 1, 1, 1, 1, 1])
        #expect(try WeightFunction.linear.weights(forTokens: tokens) == tokens)
        #expect(try WeightFunction.squareRoot.weights(forTokens: tokens) == [0, 1, 2, 3, 10, 1_000])
        #expect(try WeightFunction.squareRoot.weights(forTokens: [UInt64.max]) == [4_294_967_295])
        #expect(try WeightFunction.squareRoot.weights(forTokens: [15, 16, 17, 24, 25]) == [3, 4, 4, 4, 5])
    }

    @Test("a cap limits the largest holder to a share of the total")
    func cap() throws {
        // Linear total 1,000,115; a tenth is 100,011: only the whale is cut.
        let capped = WeightFunction.capped(share: try Fraction(1, 10), base: .linear)
        #expect(try capped.weights(forTokens: tokens) == [0, 1, 4, 10, 100, 100_011])
        let cappedRoot = WeightFunction.capped(share: try Fraction(1, 2), base: .squareRoot)
        #expect(try cappedRoot.weights(forTokens: tokens) == [0, 1, 2, 3, 10, 508])
    }

    @Test("a total that overflows 64 bits is an error, not a wrapped weight")
    func overflow() {
        #expect { try WeightFunction.linear.weights(forTokens: [UInt64.max, 1]) } throws: {
            ($0 as? ElectionError)?.code == .overflow
        }
    }

    @Test("weight functions round-trip through JSON")
    func coding() throws {
        let function = WeightFunction.capped(share: try Fraction(1, 20), base: .squareRoot)
        let data = try JSONEncoder().encode(function)
        #expect(try JSONDecoder().decode(WeightFunction.self, from: data) == function)
        let zeroDenominator = Data(#"{"numerator": 1, "denominator": 0}"#.utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Fraction.self, from: zeroDenominator) }
    }
}

@Suite("Contest decisions")
struct ContestDecisionTests {
    let twoThirds = DecisionRule(quorum: try! Fraction(1, 2), threshold: try! Fraction(2, 3), strict: false)

    @Test("a referendum passes at the threshold, fails below it, and abstentions only count towards the quorum")
    func referendum() throws {
        let contest = Contest.yesNoAbstain(id: "budget", question: "Adopt the budget?", rule: twoThirds)
        try contest.validate()
        let passed = try ContestDecision(contest: contest, votes: [200, 100, 700], turnoutWeight: 1_000,
                                         eligibleWeight: 2_000)
        #expect(passed.outcome == .passed)
        let rejected = try ContestDecision(contest: contest, votes: [199, 100, 701], turnoutWeight: 1_000,
                                           eligibleWeight: 2_000)
        #expect(rejected.outcome == .rejected)
        let noQuorum = try ContestDecision(contest: contest, votes: [999, 0, 0], turnoutWeight: 999,
                                           eligibleWeight: 2_000)
        #expect(noQuorum.outcome == .quorumNotMet)
    }

    @Test("a strict majority needs more than half")
    func strictMajority() throws {
        let contest = Contest.referendum(id: "r", question: "Merge?", rule: .simpleMajority)
        #expect(try ContestDecision(contest: contest, votes: [50, 50], turnoutWeight: 100, eligibleWeight: 100).outcome
            == .rejected)
        #expect(try ContestDecision(contest: contest, votes: [51, 49], turnoutWeight: 100, eligibleWeight: 100).outcome
            == .passed)
        #expect(try ContestDecision(contest: contest, votes: [0, 0], turnoutWeight: 0, eligibleWeight: 100).outcome
            == .rejected)
    }

    @Test("choose-k-of-n elects the k heaviest options that reach the threshold, and reports a tie for the last seat")
    func choose() throws {
        let options = (1...4).map { Contest.Option(id: "o\($0)", text: "Option \($0)") }
        let rule = DecisionRule(quorum: .zero, threshold: try Fraction(1, 10), strict: false)
        let contest = Contest(id: "board", question: "Elect two", kind: .choose, options: options,
                              minimumSelections: 1, maximumSelections: 2, rule: rule)
        try contest.validate()
        let decision = try ContestDecision(contest: contest, votes: [30, 50, 5, 20], turnoutWeight: 60,
                                           eligibleWeight: 100)
        #expect(decision.outcome == .elected)
        #expect(decision.elected == ["o2", "o1"])
        let tie = try ContestDecision(contest: contest, votes: [30, 50, 30, 20], turnoutWeight: 60, eligibleWeight: 100)
        #expect(tie.outcome == .tie)
        #expect { try ContestDecision(contest: contest, votes: [1], turnoutWeight: 1, eligibleWeight: 1) } throws: {
            ($0 as? ElectionError)?.code == .outOfRange
        }
    }
}

@Suite("Manifest and roll validation")
struct ManifestValidationTests {
    private func manifest(contests: [Contest], trustees: Int = 5, threshold: Int = 3, closes: Int64 = 2_000)
        -> ElectionManifest
    {
        ElectionManifest(electionID: "e1", title: "Annual vote", contests: contests, weightFunction: .squareRoot,
                         opens: 1_000, closes: closes, trustees: trustees, threshold: threshold, group: "p256")
    }

    private func expectCode(_ code: ElectionError.Code, _ body: () throws -> Void) {
        #expect { try body() } throws: { ($0 as? ElectionError)?.code == code }
    }

    @Test("a well-formed manifest validates, and each broken field is named")
    func manifestRejections() throws {
        let good = Contest.referendum(id: "r", question: "Merge?", rule: .simpleMajority)
        try manifest(contests: [good]).validate()
        expectCode(.duplicate) { try manifest(contests: [good, good]).validate() }
        expectCode(.outOfRange) { try manifest(contests: [good], trustees: 3, threshold: 4).validate() }
        expectCode(.outOfRange) { try manifest(contests: [good], threshold: 0).validate() }
        expectCode(.outOfRange) { try manifest(contests: [good], closes: 1_000).validate() }
        expectCode(.missing) { try manifest(contests: []).validate() }
        let options = [Contest.Option(id: "a", text: "A"), Contest.Option(id: "a", text: "B")]
        let duplicated = Contest(id: "c", question: "?", kind: .choose, options: options, minimumSelections: 1,
                                 maximumSelections: 1, rule: .simpleMajority)
        expectCode(.duplicate) { try duplicated.validate() }
        let overLimit = Contest(id: "c", question: "?", kind: .choose, options: [options[0]], minimumSelections: 1,
                                maximumSelections: 2, rule: .simpleMajority)
        expectCode(.outOfRange) { try overLimit.validate() }
        let wrongApproval = Contest(id: "c", question: "?", kind: .approval, options: [options[0]],
                                    minimumSelections: 1, maximumSelections: 1, rule: .simpleMajority)
        expectCode(.kindMismatch) { try wrongApproval.validate() }
        let badRule = DecisionRule(quorum: try Fraction(3, 2), threshold: try Fraction(1, 2), strict: true)
        expectCode(.outOfRange) { try Contest.referendum(id: "r", question: "?", rule: badRule).validate() }
    }

    @Test("a roll with a bad or repeated credential is rejected, naming the voter")
    func rollRejections() throws {
        let keys = (0..<3).map { _ in Ed25519.PrivateKey().publicKey.bytes }
        let roll = VoterRoll(voters: keys.map { VoterRoll.Voter(credential: $0, region: "north", tokens: 9) })
        try roll.validate()
        #expect(try roll.weights(using: .squareRoot) == [3, 3, 3])
        let repeated = VoterRoll(voters: roll.voters + [roll.voters[1]])
        #expect { try repeated.validate() } throws: { ($0 as? ElectionError)?.message.contains("1 and 3") == true }
        let short = VoterRoll(voters: [VoterRoll.Voter(credential: [1, 2, 3], region: nil, tokens: 1)])
        expectCode(.malformed) { try short.validate() }
        expectCode(.missing) { try VoterRoll(voters: []).validate() }
        let data = try JSONEncoder().encode(roll)
        #expect(try JSONDecoder().decode(VoterRoll.self, from: data) == roll)
    }
}
