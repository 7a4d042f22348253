/// One decrypted ballot of a ranked contest: candidate indices (0-based, in the contest's option order), best
/// first, and the voter's weight from the roll's ``WeightFunction``.
public struct RankedBallot: Sendable, Hashable, Codable {
    /// Why a ranking is not counted.
    public enum Defect: String, Sendable, Hashable, Codable, CaseIterable {
        /// It names an index that is not one of the contest's candidates.
        case unknownCandidate = "unknown-candidate"
        /// It names a candidate twice.
        case repeatedCandidate = "repeated-candidate"
        /// It ranks fewer candidates than the contest's `minimumSelections`.
        case tooShort = "too-short"
        /// It ranks more candidates than the contest's `maximumSelections`.
        case tooLong = "too-long"
        /// Its ranks, one per candidate as the mix-net decrypts them, are not 1 … r each once (two candidates
        /// share a rank, a rank is skipped, or a value is no rank at all).
        case inconsistentRanks = "inconsistent-ranks"
    }

    /// The candidates' indices, best first.
    public let ranking: [Int]
    /// The voter's weight (1 under one-voter-one-vote).
    public let weight: UInt64
    /// Whether the ranks it was read from are not 1 … r each once (see ``init(ranks:weight:)``).
    public let hasInconsistentRanks: Bool

    /// A ballot.
    public init(ranking: [Int], weight: UInt64 = 1) {
        self.ranking = ranking
        self.weight = weight
        hasInconsistentRanks = false
    }

    /// The ballot that per-candidate ranks give (each candidate's rank, 0 for unranked, `nil` for a value that is
    /// no rank): the candidates in rank order, inconsistent unless the nonzero ranks are exactly 1 … r.
    public init(ranks: [Int?], weight: UInt64 = 1) {
        let given = ranks.compactMap { $0 }.filter { $0 != 0 }
        hasInconsistentRanks = ranks.contains(nil) || given.sorted() != Array(stride(from: 1, through: given.count,
                                                                                    by: 1))
        ranking = ranks.indices.filter { (ranks[$0] ?? 0) != 0 }.sorted { ranks[$0]! < ranks[$1]! }
        self.weight = weight
    }

    /// The first defect of the ranking against `contest`, in the order of ``Defect``, or `nil` for a valid one.
    public func defect(in contest: Contest) -> Defect? {
        guard !hasInconsistentRanks else { return .inconsistentRanks }
        guard ranking.allSatisfy(contest.options.indices.contains) else { return .unknownCandidate }
        guard Set(ranking).count == ranking.count else { return .repeatedCandidate }
        if ranking.count < contest.minimumSelections { return .tooShort }
        if ranking.count > contest.maximumSelections { return .tooLong }
        return nil
    }

    private enum CodingKeys: String, CodingKey { case ranking, weight, hasInconsistentRanks }

    /// Reads `{"ranking": [...], "weight"?: n, "hasInconsistentRanks"?: bool}`, the weight 1 and the ranks
    /// consistent when absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ranking = try container.decode([Int].self, forKey: .ranking)
        weight = try container.decodeIfPresent(UInt64.self, forKey: .weight) ?? 1
        hasInconsistentRanks = try container.decodeIfPresent(Bool.self, forKey: .hasInconsistentRanks) ?? false
    }
}
