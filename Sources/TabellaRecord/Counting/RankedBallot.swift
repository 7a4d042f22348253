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
    }

    /// The candidates' indices, best first.
    public let ranking: [Int]
    /// The voter's weight (1 under one-voter-one-vote).
    public let weight: UInt64

    /// A ballot.
    public init(ranking: [Int], weight: UInt64 = 1) {
        self.ranking = ranking
        self.weight = weight
    }

    /// The first defect of the ranking against `contest`, in the order of ``Defect``, or `nil` for a valid one.
    public func defect(in contest: Contest) -> Defect? {
        guard ranking.allSatisfy(contest.options.indices.contains) else { return .unknownCandidate }
        guard Set(ranking).count == ranking.count else { return .repeatedCandidate }
        if ranking.count < contest.minimumSelections { return .tooShort }
        if ranking.count > contest.maximumSelections { return .tooLong }
        return nil
    }

    private enum CodingKeys: String, CodingKey { case ranking, weight }

    /// Reads `{"ranking": [...], "weight"?: n}`, the weight 1 when it is absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ranking = try container.decode([Int].self, forKey: .ranking)
        weight = try container.decodeIfPresent(UInt64.self, forKey: .weight) ?? 1
    }
}
