import TabellaBoard
import TabellaCrypto
import TabellaRecord

/// The key ceremony's coordinator when it is the election's board: each message is a signed
/// `ceremony-round1` or `ceremony-certification` entry, which the board checks (one per trustee, well formed,
/// from the trustee's board key) before it appends it.
public struct BoardCeremonyCoordinator: CeremonyCoordinator {
    /// The board.
    public let board: any BoardAccess
    /// The election.
    public let election: String
    /// The trustee's board key, which signs its posts.
    public let key: Ed25519.PrivateKey

    /// A coordinator for one trustee.
    public init(board: any BoardAccess, election: String, key: Ed25519.PrivateKey) {
        self.board = board
        self.election = election
        self.key = key
    }

    /// Posts the message as an entry, unless the same one is already on the board.
    public func post(_ message: [UInt8], round: CeremonyRound, participant: Int) async throws {
        if let existing = try await messages(round: round)[participant] {
            guard existing == message else {
                throw CeremonyError(.conflictingMessage, "the board already holds a different \(round.rawValue) "
                    + "message of participant \(participant)", participant: participant)
            }
            return
        }
        let payload = PayloadCoding.encode(CeremonyPost(participant: participant, message: message))
        _ = try await board.appendEntries([
            try BoardEntry(type: Self.type(round).rawValue, election: election, payload: payload, signedBy: key)])
    }

    /// The messages of `round` on the board, by participant.
    public func messages(round: CeremonyRound) async throws -> [Int: [UInt8]] {
        let size = try Checkpoint(text: try SignedNote(parsing: try await board.latestCheckpoint()).text).size
        var result = [Int: [UInt8]]()
        for entry in try await board.entries(from: 0, to: size) where entry.type == Self.type(round).rawValue {
            let post = try PayloadCoding.decode(CeremonyPost.self, from: entry.payload, type: Self.type(round))
            result[post.participant] = Array(post.message)
        }
        return result
    }

    private static func type(_ round: CeremonyRound) -> ElectionEntryType {
        round == .round1 ? .ceremonyRound1 : .ceremonyCertification
    }
}
