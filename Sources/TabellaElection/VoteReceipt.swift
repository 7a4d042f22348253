import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaGroups

/// What a voter keeps after casting: the confirmation code, and a c2sp.org/tlog-proof that the ballot's entry is
/// in the board's log under a signed checkpoint.
public struct VoteReceipt: Sendable, Hashable, Codable {
    /// The election.
    public let election: String
    /// The board's origin.
    public let board: String
    /// The ballot's confirmation code, hexadecimal.
    public let confirmationCode: String
    /// The entry's leaf hash, hexadecimal.
    public let leafHash: String
    /// The c2sp.org/tlog-proof text: index, inclusion proof, signed checkpoint.
    public let proof: String

    /// Fetches the inclusion proof of the entry at `index` against the board's latest checkpoint and checks it.
    ///
    /// - Throws: ``BoardError`` when the checkpoint or the proof does not verify.
    public init(board: some BoardAccess, entry: BoardEntry, index: UInt64, confirmationCode: [UInt8],
                logKey: any NoteVerifier, origin: String) async throws {
        let text = try await board.latestCheckpoint()
        let (checkpoint, _) = try Checkpoint.open(text, logKeys: [logKey], origin: origin)
        let proof = TlogProof(index: index, proof: try await board.inclusionProof(index: index, size: checkpoint.size),
                              checkpoint: text)
        let leaf = MerkleHash.leaf(entry.encoded)
        _ = try proof.verify(leafHash: leaf, logKeys: [logKey], origin: origin)
        election = entry.election
        self.board = origin
        self.confirmationCode = Hex.encode(confirmationCode)
        leafHash = Hex.encode(leaf)
        self.proof = proof.text
    }

    /// Checks that the ballot is still on the board: the receipt's proof against its own checkpoint, the board's
    /// latest checkpoint consistent with it, and the entry included under the latest checkpoint.
    ///
    /// - Returns: the latest checkpoint.
    /// - Throws: ``BoardError`` naming the check that fails.
    public func check(against board: some BoardAccess, logKey: any NoteVerifier) async throws -> Checkpoint {
        let receipt = try TlogProof(text: proof)
        guard let leaf = Hex.decode(leafHash), leaf.count == 32 else {
            throw BoardError(.malformedRequest, "the receipt's leaf hash is not 32 bytes of hexadecimal")
        }
        let (old, _) = try receipt.verify(leafHash: leaf, logKeys: [logKey], origin: self.board)
        let (latest, _) = try Checkpoint.open(try await board.latestCheckpoint(), logKeys: [logKey], origin: self.board)
        try MerkleTree.verifyConsistency(
            oldSize: old.size, newSize: latest.size,
            proof: old.size == latest.size ? [] : try await board.consistencyProof(from: old.size, to: latest.size),
            oldRoot: old.rootHash, newRoot: latest.rootHash)
        try MerkleTree.verifyInclusion(
            leafHash: leaf, index: receipt.index, size: latest.size,
            proof: try await board.inclusionProof(index: receipt.index, size: latest.size), root: latest.rootHash)
        return latest
    }
}
