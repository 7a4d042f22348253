/// The authority's notice that voting opens, with the joint key that the ceremony produced and the extended base
/// hash every ballot proof is bound to. Both are recomputed by every checker.
public struct OpenNotice: Sendable, Hashable, Codable {
    /// The election key K, hexadecimal in the group's encoding.
    public let jointKey: String
    /// H_E, hexadecimal.
    public let extendedBaseHash: String

    /// A notice.
    public init(jointKey: String, extendedBaseHash: String) {
        self.jointKey = jointKey
        self.extendedBaseHash = extendedBaseHash
    }
}

/// The authority's notice that voting closes; no ballot is accepted after it.
public struct CloseNotice: Sendable, Hashable, Codable {
    /// The number of ballot entries on the board when voting closed, as the authority counted them.
    public let ballots: Int

    /// A notice.
    public init(ballots: Int) { self.ballots = ballots }
}
