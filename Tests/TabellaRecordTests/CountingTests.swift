import Foundation
import Testing
import TabellaGroups
import TabellaRecord

/// Ranked contests and ballots for the counting tests.
private enum Profiles {
    /// A ranked contest of these candidates.
    static func contest(_ ids: [String], method: CountingMethod, seats: Int? = nil, minimum: Int = 1,
                        maximum: Int? = nil) -> Contest {
        Contest(id: "c", question: "Rank them.", kind: .ranked, options: ids.map { .init(id: $0, text: $0) },
                minimumSelections: minimum, maximumSelections: maximum ?? ids.count, rule: .simpleMajority,
                method: method, seats: method == .stv ? seats : nil)
    }

    /// `count` ballots of a ranking written as candidate identifiers.
    static func ballots(_ count: Int, _ ranking: [String], of ids: [String], weight: UInt64 = 1) -> [RankedBallot] {
        Array(repeating: RankedBallot(ranking: ranking.map { ids.firstIndex(of: $0)! }, weight: weight), count: count)
    }

    /// The tie-break order of Docs/mixnet.md, computed here from its definition.
    static func tieBreakOrder(_ ids: [String], seed: [UInt8]) -> [String] {
        let length = withUnsafeBytes(of: UInt64(seed.count).bigEndian, Array.init)
        return ids.sorted {
            Digest.sha256.hash(length, seed, Array($0.utf8))
                .lexicographicallyPrecedes(Digest.sha256.hash(length, seed, Array($1.utf8)))
        }
    }

    static func votes(_ round: CountingRound) -> [String: String] {
        Dictionary(uniqueKeysWithValues: round.tallies.map { ($0.candidate, $0.votes.description) })
    }
}

@Suite("Instant-runoff voting")
struct InstantRunoffTests {
    @Test("the Tennessee capital example: Knoxville wins in the third round")
    func tennessee() throws {
        // Data of the "Tennessee capital" example of the Wikipedia article on instant-runoff voting (percentages as
        // ballot counts).
        let ids = ["memphis", "nashville", "chattanooga", "knoxville"]
        let ballots = Profiles.ballots(42, ["memphis", "nashville", "chattanooga", "knoxville"], of: ids)
            + Profiles.ballots(26, ["nashville", "chattanooga", "knoxville", "memphis"], of: ids)
            + Profiles.ballots(15, ["chattanooga", "knoxville", "nashville", "memphis"], of: ids)
            + Profiles.ballots(17, ["knoxville", "chattanooga", "nashville", "memphis"], of: ids)
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .instantRunoff),
                                           tieBreakSeed: [])
        #expect(result.elected == ["knoxville"])
        #expect(result.rounds.map(\.eliminated) == ["chattanooga", "nashville", nil])
        #expect(Profiles.votes(result.rounds[0]) == ["memphis": "42", "nashville": "26", "chattanooga": "15",
                                                     "knoxville": "17"])
        #expect(Profiles.votes(result.rounds[1]) == ["memphis": "42", "nashville": "26", "knoxville": "32"])
        #expect(Profiles.votes(result.rounds[2]) == ["memphis": "42", "knoxville": "58"])
        #expect(result.rounds[0].transfers.map(\.to) == ["knoxville"])
        #expect(result.rounds[0].transfers.map(\.votes) == [Rational(15)])
        #expect(result.validBallots == 100 && result.invalid.count == 0)
    }

    @Test("a majority of the ballots not exhausted wins, once others are eliminated")
    func exhaustedBallots() throws {
        let ids = ["a", "b", "c"]
        let ballots = Profiles.ballots(4, ["a"], of: ids) + Profiles.ballots(3, ["b"], of: ids)
            + Profiles.ballots(2, ["c"], of: ids)
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .instantRunoff),
                                           tieBreakSeed: [])
        // Round 2: a 4 of the 7 continuing votes, c's 2 ballots exhausted.
        #expect(result.elected == ["a"])
        #expect(result.rounds.count == 2 && result.rounds[1].exhausted == Rational(2))
        #expect(result.rounds[0].transfers.first?.to == nil)
    }

    @Test("a tie for last place is decided by the earlier rounds, then by the tie-break order")
    func ties() throws {
        let ids = ["a", "b", "c", "d"]
        // Round 1: d (1) goes, to c. Round 2: b 3 and c 3 tie; in round 1 c had fewer (2), so c goes.
        let ballots = Profiles.ballots(5, ["a"], of: ids) + Profiles.ballots(3, ["b", "a"], of: ids)
            + Profiles.ballots(2, ["c", "b"], of: ids) + Profiles.ballots(1, ["d", "c", "b"], of: ids)
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .instantRunoff),
                                           tieBreakSeed: [])
        #expect(result.rounds[1].eliminated == "c" && result.rounds[1].tieBreak == .earlierRounds)
        #expect(result.elected == ["b"])

        // Round 1: b and c tie with no earlier round: the later of the two in the tie-break order goes.
        let seed: [UInt8] = Array("election hash".utf8)
        let order = Profiles.tieBreakOrder(["a", "b", "c"], seed: seed)
        let tied = Profiles.ballots(3, ["a"], of: ids) + Profiles.ballots(2, ["b"], of: ids)
            + Profiles.ballots(2, ["c"], of: ids)
        let decided = try RankedCount.count(tied, contest: Profiles.contest(["a", "b", "c"], method: .instantRunoff),
                                            tieBreakSeed: seed)
        let loser = order.firstIndex(of: "b")! > order.firstIndex(of: "c")! ? "b" : "c"
        #expect(decided.tieBreakOrder == order)
        #expect(decided.rounds[0].eliminated == loser && decided.rounds[0].tieBreak == .order)
        let again = try RankedCount.count(tied.reversed(), contest: Profiles.contest(["a", "b", "c"],
                                                                                     method: .instantRunoff),
                                          tieBreakSeed: seed)
        #expect(again == decided)
    }

    @Test("weights count: one heavy ballot outweighs three light ones")
    func weighted() throws {
        let ids = ["a", "b"]
        let ballots = Profiles.ballots(1, ["a", "b"], of: ids, weight: 5) + Profiles.ballots(3, ["b", "a"], of: ids)
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .instantRunoff),
                                           tieBreakSeed: [])
        #expect(result.elected == ["a"] && result.validWeight == 8 && result.validBallots == 4)
        #expect(Profiles.votes(result.rounds[0]) == ["a": "5", "b": "3"])
    }
}

@Suite("Single transferable vote")
struct SingleTransferableVoteTests {
    @Test("the food election: chocolate's surplus moves at 1/2, then pear is eliminated")
    func food() throws {
        // Data of the example election of the Wikipedia article on the single transferable vote (3 seats, 20
        // voters), with its published result: chocolate, orange, strawberry.
        let ids = ["orange", "pear", "chocolate", "strawberry", "sweets"]
        let ballots = Profiles.ballots(4, ["orange"], of: ids) + Profiles.ballots(2, ["pear", "orange"], of: ids)
            + Profiles.ballots(8, ["chocolate", "strawberry"], of: ids)
            + Profiles.ballots(4, ["chocolate", "sweets"], of: ids) + Profiles.ballots(1, ["strawberry"], of: ids)
            + Profiles.ballots(1, ["sweets"], of: ids)
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .stv, seats: 3),
                                           tieBreakSeed: [])
        #expect(result.quota == 6)
        #expect(result.elected == ["chocolate", "orange", "strawberry"])
        #expect(result.rounds.map(\.elected) == [["chocolate"], [], ["orange"], [], ["strawberry"]])
        #expect(result.rounds.map(\.eliminated) == [nil, "pear", nil, "sweets", nil])
        let surplus = result.rounds[0].transfers
        #expect(surplus.map(\.to) == ["strawberry", "sweets"])
        #expect(surplus.map(\.votes) == [Rational(4), Rational(2)])
        #expect(surplus.allSatisfy { $0.transferValue == Rational("1/2")! })
        #expect(Profiles.votes(result.rounds[1]) == ["orange": "4", "pear": "2", "strawberry": "5", "sweets": "3"])
        // Sweets' ballots have no further preference: 2 (the halved chocolate ones) + 1 are exhausted.
        #expect(result.rounds[4].exhausted == Rational(3))
    }

    @Test("fractional transfer values stay exact and compound")
    func exactFractions() throws {
        let ids = ["a", "b", "c", "d"]
        // 7 ballots, 2 seats: quota 3. a has 5: its surplus 2 moves at 2/5, 6/5 to b and 4/5 to c.
        let ballots = Profiles.ballots(3, ["a", "b", "c"], of: ids) + Profiles.ballots(2, ["a", "c"], of: ids)
            + Profiles.ballots(1, ["b"], of: ids) + Profiles.ballots(1, ["d", "b"], of: ids)
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .stv, seats: 2),
                                           tieBreakSeed: [])
        #expect(result.quota == 3)
        #expect(result.rounds[0].transfers.map(\.transferValue) == [Rational("2/5")!, Rational("2/5")!])
        #expect(Profiles.votes(result.rounds[1]) == ["b": "11/5", "c": "4/5", "d": "1"])
        // c (4/5) goes; its ballots exhaust. Then b 11/5 and d 1 for one seat, two standing: d goes, b wins.
        #expect(result.rounds.map(\.eliminated) == [nil, "c", "d", nil])
        #expect(result.elected == ["a", "b"])
    }

    @Test("weighted ballots set the quota by weight")
    func weighted() throws {
        let ids = ["a", "b", "c"]
        let ballots = Profiles.ballots(1, ["a", "c"], of: ids, weight: 9) + Profiles.ballots(2, ["b"], of: ids)
            + Profiles.ballots(1, ["c"], of: ids)
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .stv, seats: 2),
                                           tieBreakSeed: [])
        // Weight 12, quota 5: a elected with 9, surplus 4 at 4/9 to c (1 + 4 = 5), c reaches the quota.
        #expect(result.quota == 5 && result.validWeight == 12)
        #expect(result.elected == ["a", "c"])
        #expect(result.rounds[0].transfers.map(\.votes) == [Rational(4)])
    }

    @Test("two candidates over the quota in one round are elected most votes first, surpluses in that order")
    func simultaneousElection() throws {
        let ids = ["a", "b", "c", "d"]
        let ballots = Profiles.ballots(5, ["a", "c"], of: ids) + Profiles.ballots(4, ["b", "d"], of: ids)
            + Profiles.ballots(1, ["c"], of: ids) + Profiles.ballots(1, ["d"], of: ids)
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .stv, seats: 3),
                                           tieBreakSeed: [])
        // 11 ballots, quota 3: a (5) and b (4) in round 1; a's surplus 2 to c, b's surplus 1 to d.
        #expect(result.rounds[0].elected == ["a", "b"])
        #expect(result.rounds[0].transfers.map(\.from) == ["a", "b"])
        #expect(Profiles.votes(result.rounds[1]) == ["c": "3", "d": "2"])
        #expect(result.elected == ["a", "b", "c"])
    }
}

@Suite("Schulze method")
struct SchulzeTests {
    @Test("the Wikipedia example: E > A > C > B > D, with its strongest paths")
    func wikipedia() throws {
        // Data and result of the example of the Wikipedia article on the Schulze method (45 voters, 5 candidates).
        let ids = ["A", "B", "C", "D", "E"]
        let profile: [(Int, String)] = [(5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"), (7, "CAEBD"),
                                        (2, "CBADE"), (7, "DCEBA"), (8, "EBADC")]
        let ballots = profile.flatMap { Profiles.ballots($0.0, $0.1.map(String.init), of: ids) }
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .schulze),
                                           tieBreakSeed: [])
        let table = try #require(result.schulze)
        #expect(table.preferences == [[0, 20, 26, 30, 22], [25, 0, 16, 33, 18], [19, 29, 0, 17, 24],
                                      [15, 12, 28, 0, 14], [23, 27, 21, 31, 0]])
        #expect(table.strongestPaths == [[0, 28, 28, 30, 24], [25, 0, 28, 33, 24], [25, 29, 0, 29, 24],
                                         [25, 28, 28, 0, 24], [25, 28, 28, 31, 0]])
        #expect(table.winners == ["E"] && table.ranking == ["E", "A", "C", "B", "D"])
        #expect(result.elected == ["E"] && result.rounds.isEmpty)
    }

    @Test("a Condorcet cycle with equal strengths is decided by the tie-break order; unranked candidates are level")
    func tie() throws {
        let ids = ["a", "b", "c"]
        let ballots = Profiles.ballots(1, ["a", "b", "c"], of: ids) + Profiles.ballots(1, ["b", "c", "a"], of: ids)
            + Profiles.ballots(1, ["c", "a", "b"], of: ids)
        let seed: [UInt8] = [7]
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .schulze),
                                           tieBreakSeed: seed)
        let table = try #require(result.schulze)
        #expect(table.winners == ["a", "b", "c"])
        #expect(table.ranking == Profiles.tieBreakOrder(ids, seed: seed))
        let partial = try RankedCount.count(Profiles.ballots(2, ["b"], of: ids) + Profiles.ballots(1, ["a"], of: ids),
                                            contest: Profiles.contest(ids, method: .schulze), tieBreakSeed: seed)
        #expect(partial.schulze?.preferences == [[0, 1, 1], [2, 0, 2], [0, 0, 0]])
        #expect(partial.elected == ["b"] && partial.schulze?.ranking == ["b", "a", "c"])
    }

    @Test("weights multiply the pairwise preferences")
    func weighted() throws {
        let ids = ["a", "b"]
        let ballots = Profiles.ballots(1, ["a", "b"], of: ids, weight: 3) + Profiles.ballots(2, ["b", "a"], of: ids)
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .schulze),
                                           tieBreakSeed: [])
        #expect(result.schulze?.preferences == [[0, 3], [2, 0]] && result.elected == ["a"])
    }
}

@Suite("Invalid ballots and empty contests")
struct CountingEdgeTests {
    @Test("each defect is counted, with its weight, and the rest is counted")
    func invalid() throws {
        let ids = ["a", "b", "c", "d"]
        let contest = Profiles.contest(ids, method: .instantRunoff, minimum: 2, maximum: 3)
        let ballots = [RankedBallot(ranking: [0, 4]), RankedBallot(ranking: [0, -1]),
                       RankedBallot(ranking: [1, 1], weight: 3), RankedBallot(ranking: [2]),
                       RankedBallot(ranking: [0, 1, 2, 3], weight: 2), RankedBallot(ranking: [1, 0]),
                       RankedBallot(ranking: [2, 1, 0])]
        #expect(ballots.map { $0.defect(in: contest) } == [.unknownCandidate, .unknownCandidate,
                                                            .repeatedCandidate, .tooShort, .tooLong, nil, nil])
        let result = try RankedCount.count(ballots, contest: contest, tieBreakSeed: [])
        #expect(result.invalid.count == 5 && result.invalid.weight == 8)
        #expect(result.invalid.unknownCandidate == 2 && result.invalid.repeatedCandidate == 1)
        #expect(result.invalid.tooShort == 1 && result.invalid.tooLong == 1)
        #expect(result.validBallots == 2 && result.validWeight == 2)
    }

    @Test("a contest with no ballot, or no valid weight, elects no one, in every method")
    func empty() throws {
        let ids = ["a", "b", "c"]
        for method in CountingMethod.allCases {
            let contest = Profiles.contest(ids, method: method, seats: 2)
            let none = try RankedCount.count([], contest: contest, tieBreakSeed: [])
            #expect(none.elected.isEmpty && none.rounds.isEmpty && none.validBallots == 0)
            let weightless = try RankedCount.count([RankedBallot(ranking: [0], weight: 0),
                                                    RankedBallot(ranking: [0, 0])],
                                                   contest: contest, tieBreakSeed: [])
            #expect(weightless.elected.isEmpty && weightless.validBallots == 1 && weightless.invalid.count == 1)
        }
    }

    @Test("a contest that is not ranked, or a total weight over 64 bits, is refused")
    func refusals() {
        let choose = Contest(id: "pick", question: "?", kind: .choose, options: [.init(id: "a", text: "A")],
                             minimumSelections: 1, maximumSelections: 1, rule: .simpleMajority)
        #expect { try RankedCount.count([], contest: choose, tieBreakSeed: []) } throws: {
            ($0 as? ElectionError)?.code == .kindMismatch
        }
        let heavy = [RankedBallot(ranking: [0], weight: .max), RankedBallot(ranking: [1], weight: 1)]
        #expect {
            try RankedCount.count(heavy, contest: Profiles.contest(["a", "b"], method: .schulze), tieBreakSeed: [])
        } throws: { ($0 as? ElectionError)?.code == .overflow }
    }

    @Test("results round-trip through JSON, rationals as n/d text")
    func coding() throws {
        let ids = ["a", "b", "c", "d"]
        let ballots = Profiles.ballots(3, ["a", "b", "c"], of: ids) + Profiles.ballots(2, ["a", "c"], of: ids)
            + Profiles.ballots(1, ["d", "b"], of: ids)
        let result = try RankedCount.count(ballots, contest: Profiles.contest(ids, method: .stv, seats: 2),
                                           tieBreakSeed: [1])
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(RankedResult.self, from: data) == result)
        #expect(String(decoding: data, as: UTF8.self).contains(#""transferValue":"2\/5""#))
    }
}

@Suite("Exact rationals")
struct RationalTests {
    @Test("arithmetic in lowest terms, and the text form")
    func arithmetic() throws {
        let third = try #require(Rational("2/6"))
        #expect(third.description == "1/3")
        #expect((third + third + third) == .one)
        #expect((Rational(5) - third).description == "14/3")
        #expect((third * Rational(6)) == Rational(2))
        #expect((Rational(1) / Rational(4)).description == "1/4")
        #expect(third < Rational("1/2")! && !third.isZero && Rational.zero.isZero)
        #expect(Rational("340282366920938463463374607431768211456/2")!.description
                == "170141183460469231731687303715884105728")
        #expect(Set([third, Rational("1/3")!]).count == 1)
    }

    @Test("text that is not n or n/d is refused", arguments: ["", "1/0", "-1", "1/", "/2", "a", "1.5", "1/2/3"])
    func rejected(text: String) {
        #expect(Rational(text) == nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Rational.self, from: Data("\"\(text)\"".utf8)) }
    }
}
