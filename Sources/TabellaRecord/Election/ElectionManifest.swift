import TabellaCrypto
import TabellaGroups

/// What an election asks and who decides it: the contests, the weight function, the voting period and the trustees.
///
/// The authority publishes the manifest on the board as the election's first entry; every later entry and the
/// verifier refer to it.
public struct ElectionManifest: Sendable, Hashable, Codable {
    /// A short identifier, unique on its board.
    public let electionID: String
    /// The title voters see.
    public let title: String
    /// The contests, in ballot order.
    public let contests: [Contest]
    /// How tokens become weights.
    public let weightFunction: WeightFunction
    /// When voting opens, in seconds since 1970-01-01 UTC.
    public let opens: Int64
    /// When voting closes, in seconds since 1970-01-01 UTC.
    public let closes: Int64
    /// The number of trustees who hold shares of the election key.
    public let trustees: Int
    /// How many trustees must take part in decrypting the tally.
    public let threshold: Int
    /// The group the election's cryptography runs in (`p256`, `ristretto255`, `integer-4096`).
    public let group: String
    /// How many trustees shuffle the mix-net's list in turn, for elections with ranked or write-in contests:
    /// from the threshold (at least one honest trustee among any threshold of them) to all trustees; the
    /// threshold when absent. See ``shuffleCount``.
    public let mixers: Int?

    /// The number of shuffles the mix-net needs: ``mixers``, or the threshold.
    public var shuffleCount: Int { mixers ?? threshold }

    /// A manifest; ``validate()`` checks it.
    public init(
        electionID: String, title: String, contests: [Contest], weightFunction: WeightFunction, opens: Int64,
        closes: Int64, trustees: Int, threshold: Int, group: String, mixers: Int? = nil
    ) {
        self.electionID = electionID
        self.title = title
        self.contests = contests
        self.weightFunction = weightFunction
        self.opens = opens
        self.closes = closes
        self.trustees = trustees
        self.threshold = threshold
        self.group = group
        self.mixers = mixers
    }

    /// Checks the identifiers, every contest, the period, the threshold and the number of mixers.
    ///
    /// - Throws: ``ElectionError`` naming the field and, for a contest, its identifier.
    public func validate() throws(ElectionError) {
        guard !electionID.isEmpty else { throw ElectionError(.missing, "the election id is empty") }
        guard !title.isEmpty else { throw ElectionError(.missing, "the election has no title") }
        guard !contests.isEmpty else { throw ElectionError(.missing, "the election has no contests") }
        var seen = Set<String>()
        for contest in contests {
            try contest.validate()
            guard seen.insert(contest.id).inserted else {
                throw ElectionError(.duplicate, "two contests have the id \"\(contest.id)\"")
            }
        }
        guard opens < closes else {
            throw ElectionError(.outOfRange, "the election closes (\(closes)) before it opens (\(opens))")
        }
        guard 1 <= threshold, threshold <= trustees else {
            throw ElectionError(.outOfRange, "the threshold \(threshold) is not between 1 and the \(trustees) trustees")
        }
        if let mixers, !(threshold...trustees).contains(mixers) {
            throw ElectionError(.outOfRange, "mixers \(mixers) is not between the threshold \(threshold) and the "
                + "\(trustees) trustees")
        }
        guard ["p256", "ristretto255", "integer-4096"].contains(group) else {
            throw ElectionError(.malformed, "unknown group \"\(group)\"")
        }
        if let capacity = writeInCapacity {
            for contest in contests {
                if let limit = contest.maximumWriteInBytes, limit > capacity {
                    throw ElectionError(.outOfRange, "contest \"\(contest.id)\": maximumWriteInBytes \(limit) is "
                        + "more than the \(capacity) bytes a write-in carries in the group \(group)")
                }
            }
        }
    }

    /// The longest write-in one element of the election's group carries, or `nil` for the 4096-bit group, whose
    /// exponential chunks carry any length (Docs/mixnet.md, "Write-in encoding").
    private var writeInCapacity: Int? {
        switch group {
        case "p256": MessageEncoding(group: P256()).capacity
        case "ristretto255": MessageEncoding(group: Ristretto255()).capacity
        default: nil
        }
    }
}
