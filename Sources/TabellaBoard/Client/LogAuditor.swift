/// Checks what a board serves against its checkpoints: consistency between two checkpoints, and a full rebuild of
/// the tree from the entry bundles.
public struct LogAuditor: Sendable {
    /// The board audited.
    public let client: BoardClient

    /// An auditor of the board behind `client`.
    public init(client: BoardClient) { self.client = client }

    /// Checks that `new` extends `old`, with a consistency proof from the board.
    ///
    /// - Throws: ``BoardError`` `inconsistent` when the board cannot prove it (a fork or a rollback).
    public func checkConsistency(from old: Checkpoint, to new: Checkpoint) async throws(BoardError) {
        guard old.size <= new.size else {
            throw BoardError(.inconsistent, "the board went back from size \(old.size) to \(new.size)")
        }
        if old.size == 0 {
            guard old.rootHash == MerkleHash.empty else {
                throw BoardError(.inconsistent, "the checkpoint of size 0 has a root other than the empty tree's")
            }
            return
        }
        let proof = old.size == new.size ? [] : try await client.consistencyProof(from: old.size, to: new.size)
        do {
            try MerkleTree.verifyConsistency(
                oldSize: old.size, newSize: new.size, proof: proof, oldRoot: old.rootHash, newRoot: new.rootHash)
        } catch {
            throw BoardError(
                .inconsistent, "checkpoints of size \(old.size) and \(new.size) are not consistent: \(error.message)")
        }
    }

    /// Downloads every entry of `checkpoint`'s tree through the entry bundles, checks each decodes as an entry
    /// with a valid signature, rebuilds the tree and compares its root; `progress` hears of each bundle's count.
    ///
    /// - Throws: ``BoardError`` `inconsistent` when the root differs, `malformedEntry`/`badSignature` for a bad
    ///   entry (naming its index).
    public func checkContent(
        of checkpoint: Checkpoint, progress: @Sendable (Int) -> Void = { _ in }
    )
        async throws(BoardError)
    {
        var edge = CompactRange()
        var bundle: UInt64 = 0
        while edge.size < checkpoint.size {
            let width = Int(min(256, checkpoint.size - bundle * 256))
            let bytes = try await client.tile(TilePath(level: nil, index: bundle, width: width))
            let leaves = try EntryBundle.leaves(of: bytes)
            guard leaves.count == width else {
                throw BoardError(.inconsistent, "entry bundle \(bundle) has \(leaves.count) entries, not \(width)")
            }
            for leaf in leaves {
                do { try BoardEntry(decoding: leaf).verifySignature() } catch {
                    throw BoardError(error.code, "entry \(edge.size): \(error.message)")
                }
                _ = edge.append(leafHash: MerkleHash.leaf(leaf))
            }
            progress(width)
            bundle += 1
        }
        guard edge.root == checkpoint.rootHash else {
            throw BoardError(
                .inconsistent, "the entries rebuild another root than the checkpoint of size \(checkpoint.size)")
        }
    }
}

/// The c2sp.org/tlog-tiles entry bundle format: entries with big-endian 16-bit lengths.
public enum EntryBundle {
    /// The media type of a bundle, which `GET /entries` also answers with when asked for it.
    public static let mediaType = "application/octet-stream"

    /// The bundle of `leaves`.
    public static func encode(_ leaves: [[UInt8]]) -> [UInt8] {
        leaves.flatMap { [UInt8($0.count >> 8), UInt8($0.count & 0xff)] + $0 }
    }

    /// The leaves of a bundle.
    ///
    /// - Throws: ``BoardError`` `malformedEntry` when a length runs past the end.
    public static func leaves(of bundle: [UInt8]) throws(BoardError) -> [[UInt8]] {
        var leaves = [[UInt8]]()
        var position = 0
        while position < bundle.count {
            guard position + 2 <= bundle.count else { throw BoardError(.malformedEntry, "a bundle ends in a length") }
            let length = Int(bundle[position]) << 8 | Int(bundle[position + 1])
            guard position + 2 + length <= bundle.count else {
                throw BoardError(.malformedEntry, "entry \(leaves.count) of a bundle runs past its end")
            }
            leaves.append(Array(bundle[position + 2..<position + 2 + length]))
            position += 2 + length
        }
        return leaves
    }
}
