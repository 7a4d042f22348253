import TabellaBoard
import TabellaGroups

extension NativeElectionVerifier {
    /// The kind of record in a board's partial reports.
    public static let partialReportKind = "tabella-board"

    /// One shard of the verification of a board:
    /// ``verify(entries:checkpoint:logKey:origin:source:jobs:shard:progress:)`` over `shard`'s slice of the ballots,
    /// with what a merge needs to check that the shards read the same board.
    public static func verifyShard(
        entries: [BoardEntry], checkpoint: String, logKey: any NoteVerifier, origin: String, source: String,
        jobs: Int, shard: VerificationShard, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async -> PartialReport {
        let report = await verify(entries: entries, checkpoint: checkpoint, logKey: logKey, origin: origin,
                                  source: source, jobs: jobs, shard: shard, progress: progress)
        return PartialReport(kind: partialReportKind, shard: shard,
                             recordDigest: recordDigest(entries: entries, checkpoint: checkpoint),
                             objects: entries.filter(BallotChecker<Ristretto255>.isBallot).count, report: report)
    }

    /// SHA-256(checkpoint ∥ the Merkle root of the entries as read): two shards agree on it only if they read the
    /// same checkpoint and the same entries.
    public static func recordDigest(entries: [BoardEntry], checkpoint: String) -> [UInt8] {
        var tree = CompactRange()
        for entry in entries { _ = tree.append(leafHash: MerkleHash.leaf(entry.encoded)) }
        return Digest.sha256.hash(Array(checkpoint.utf8), tree.root)
    }
}
