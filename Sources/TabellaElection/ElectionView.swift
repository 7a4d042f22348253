import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord
import TabellaVerifier

/// A participant's view of an election's board: every entry applied to an ``ElectionLedger`` in log order, and
/// the log's Merkle tree recomputed, checked against the board's signed checkpoint after every sync.
public struct ElectionView<Suite: CocktailCiphersuite>: Sendable {
    /// The election's state.
    public private(set) var ledger: ElectionLedger<Suite>
    /// The entries read so far.
    public private(set) var entries: [BoardEntry] = []
    /// The latest checkpoint, verified.
    public private(set) var checkpoint: Checkpoint?
    /// The latest checkpoint as signed text.
    public private(set) var signedCheckpoint: String?
    /// The log's root at the size just after the result entry (the decision note is bound to it).
    public private(set) var resultRoot: [UInt8]?
    private var tree = CompactRange()
    /// The key that signs the board's checkpoints.
    public let logKey: any NoteVerifier
    /// The board's origin.
    public let origin: String

    /// An empty view of `election` on the board `origin` whose checkpoints `logKey` signs.
    public init(suite: Suite, election: String, logKey: any NoteVerifier, origin: String) {
        ledger = ElectionLedger(suite: suite, election: election)
        self.logKey = logKey
        self.origin = origin
    }

    /// The number of entries read.
    public var size: UInt64 { UInt64(entries.count) }

    /// Reads the latest checkpoint and the entries up to it, applies them, and checks the recomputed root.
    ///
    /// - Throws: ``BoardError`` for a checkpoint that does not verify; ``ElectionProcessError``
    ///   `inconsistentBoard` when the entries do not hash to the checkpoint, `rejectedEntry` when an entry fails
    ///   its checks (the board should have refused it).
    public mutating func sync(from board: some BoardAccess, progress: ((Int, Int) -> Void)? = nil) async throws {
        let text = try await board.latestCheckpoint()
        let (latest, _) = try Checkpoint.open(text, logKeys: [logKey], origin: origin)
        guard latest.size >= size else {
            throw ElectionProcessError(.inconsistentBoard, "the board's checkpoint (size \(latest.size)) is older "
                + "than the entries already read (\(size))")
        }
        let fresh = try await board.entries(from: size, to: latest.size)
        var checked: [Int: CheckedBallot<Suite.Group>]?
        for (offset, entry) in fresh.enumerated() {
            let index = size
            if checked == nil, ledger.phase == .voting, let checker = ledger.checker {
                // Those that fail are left out, for the ledger to reject with its own message.
                checked = await checker.checkBallots(in: fresh, from: offset,
                                                     jobs: ProcessInfo.processInfo.activeProcessorCount)
                    .compactMapValues { try? $0.get() }
            }
            do { try ledger.apply(entry, index: index, checked: checked?[offset]) } catch {
                throw ElectionProcessError(.rejectedEntry, "board entry \(index) (\(entry.type)) fails \(error)")
            }
            entries.append(entry)
            _ = tree.append(leafHash: MerkleHash.leaf(entry.encoded))
            if entry.type == ElectionEntryType.result.rawValue { resultRoot = tree.root }
            if offset % 32 == 31 || offset == fresh.count - 1 { progress?(offset + 1, fresh.count) }
        }
        guard tree.root == latest.rootHash else {
            throw ElectionProcessError(.inconsistentBoard, "the board's entries do not hash to its checkpoint of "
                + "size \(latest.size)")
        }
        checkpoint = latest
        signedCheckpoint = text
    }
}
