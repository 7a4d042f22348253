/// The ballots of a ranked contest that were not counted, by defect: reported, never silently dropped.
public struct InvalidBallots: Sendable, Hashable, Codable {
    /// The number of invalid ballots.
    public private(set) var count = 0
    /// Their total weight.
    public private(set) var weight: UInt64 = 0
    /// Ballots naming an unknown candidate index.
    public private(set) var unknownCandidate = 0
    /// Ballots naming a candidate twice.
    public private(set) var repeatedCandidate = 0
    /// Ballots ranking fewer than the minimum.
    public private(set) var tooShort = 0
    /// Ballots ranking more than the maximum.
    public private(set) var tooLong = 0
    /// Ballots whose per-candidate ranks are not 1 … r each once.
    public private(set) var inconsistentRanks = 0

    /// No invalid ballots.
    public init() {}

    /// Counts one invalid ballot (``RankedCount`` has checked that all the ballots' weights sum within 64 bits).
    mutating func add(_ defect: RankedBallot.Defect, weight ballotWeight: UInt64) {
        count += 1
        weight &+= ballotWeight
        switch defect {
        case .unknownCandidate: unknownCandidate += 1
        case .repeatedCandidate: repeatedCandidate += 1
        case .tooShort: tooShort += 1
        case .tooLong: tooLong += 1
        case .inconsistentRanks: inconsistentRanks += 1
        }
    }
}
