/// A part of the voter roll, posted by the authority after the definition (a whole roll can exceed the largest
/// board entry).
public struct RollChunk: Sendable, Hashable, Codable {
    /// The chunk's number, from 1 to the definition's ``ElectionDefinition/RollSummary/chunks``.
    public let chunk: Int
    /// The voters of this chunk, in roll order.
    public let voters: [VoterRoll.Voter]

    /// A chunk.
    public init(chunk: Int, voters: [VoterRoll.Voter]) {
        self.chunk = chunk
        self.voters = voters
    }
}
