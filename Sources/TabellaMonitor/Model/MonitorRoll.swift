import TabellaGroups
import TabellaRecord

/// What the monitor knows of the voter roll: each voter's region and weight, and each region's size and weight.
///
/// Built from the public roll (``VoterRoll``) and its weights; voters without a region tag share one region named
/// ``unassignedRegion``.
public struct MonitorRoll: Sendable {
    /// One region of the roll.
    public struct Region: Sendable, Hashable, Codable {
        /// The region's tag on the roll.
        public let name: String
        /// Its number of voters.
        public let voters: Int
        /// The sum of its voters' weights.
        public let weight: UInt64
    }

    /// The name given to voters whose roll entry has no region tag.
    public static let unassignedRegion = "(none)"

    /// The regions, sorted by name.
    public let regions: [Region]
    /// Each voter's region index, in roll order.
    public let voterRegion: [Int]
    /// Each voter's weight, in roll order.
    public let voterWeight: [UInt64]
    /// The roll index of each credential.
    let credentialIndex: [[UInt8]: Int]

    /// A roll of voters given by region name and weight; the credentials, if given, map ballots to voters.
    ///
    /// - Throws: ``MonitorError`` `.malformed` when the arrays differ in length.
    public init(regionNames: [String], weights: [UInt64], credentials: [[UInt8]] = []) throws(MonitorError) {
        guard regionNames.count == weights.count else {
            throw MonitorError(.malformed, "the roll has \(regionNames.count) regions for \(weights.count) weights")
        }
        guard credentials.isEmpty || credentials.count == weights.count else {
            throw MonitorError(.malformed, "the roll has \(credentials.count) credentials for \(weights.count) voters")
        }
        let names = Array(Set(regionNames)).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var sizes = [Int](repeating: 0, count: names.count)
        var totals = [UInt64](repeating: 0, count: names.count)
        let voterRegion = regionNames.map { index[$0]! }
        for (voter, region) in voterRegion.enumerated() {
            sizes[region] += 1
            totals[region] &+= weights[voter]
        }
        regions = names.indices.map { Region(name: names[$0], voters: sizes[$0], weight: totals[$0]) }
        self.voterRegion = voterRegion
        voterWeight = weights
        credentialIndex = Dictionary(credentials.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The monitor's view of a published roll whose weights are `weights` (``VoterRoll/weights(using:)``).
    public init(roll: VoterRoll, weights: [UInt64]) throws(MonitorError) {
        try self.init(regionNames: roll.voters.map { $0.region ?? Self.unassignedRegion }, weights: weights,
                      credentials: roll.voters.map(\.credential))
    }

    /// The number of voters on the roll.
    public var voterCount: Int { voterWeight.count }

    /// The roll index of the voter holding `credential`.
    ///
    /// - Throws: ``MonitorError`` `.unknownCredential`.
    public func voter(credential: [UInt8]) throws(MonitorError) -> Int {
        guard let voter = credentialIndex[credential] else {
            throw MonitorError(.unknownCredential, "credential \(Hex.encode(credential)) is not on the roll")
        }
        return voter
    }
}
