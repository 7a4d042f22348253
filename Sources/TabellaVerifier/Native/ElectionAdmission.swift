import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// The admission policy of a board that carries a native election: every entry must pass the
/// ``ElectionLedger``'s checks, the same ones the verifier runs.
///
/// Ballots are checked (proofs, identifier, credential) concurrently, outside the policy's state; only the cheap
/// part, that no ciphertext was cast before, runs in order. A lifecycle entry (open, close, tally, result) waits
/// until every entry admitted before it is in the log, so that the log's order and the policy's order agree on
/// phases. When the storage fails an append, the state is rebuilt from the log.
public actor ElectionAdmission<Suite: CocktailCiphersuite>: AdmissionPolicy {
    /// Reads every entry of the log, in order.
    public typealias LogReader = @Sendable () async throws(BoardError) -> [BoardEntry]

    private let suite: Suite
    private let election: String
    private let authority: Ed25519.PublicKey?
    private var ledger: ElectionLedger<Suite>
    private var pending: [[UInt8]: CheckedBallot<Suite.Group>] = [:]
    private var inFlight = 0
    /// Lifecycle entries waiting for ``inFlight`` to reach zero.
    private var waitingForLog: [CheckedContinuation<Void, Never>] = []
    private var reader: LogReader?
    private var queue: BallotCheckQueue<Suite.Group>?

    /// A policy for `election`; with `authority`, the definition must be signed by that key.
    public init(suite: Suite, election: String, authority: Ed25519.PublicKey? = nil) {
        self.suite = suite
        self.election = election
        self.authority = authority
        ledger = ElectionLedger(suite: suite, election: election)
    }

    /// The election's state as admitted so far.
    public var state: ElectionLedger<Suite> { ledger }

    /// Rebuilds the state from the log (at start, and after a failed append), and keeps `reader` for later.
    ///
    /// - Throws: ``BoardError`` `corrupted` when an entry in the log fails its checks.
    public func load(from reader: @escaping LogReader) async throws(BoardError) {
        self.reader = reader
        var rebuilt = ElectionLedger(suite: suite, election: election)
        for (index, entry) in try await reader().enumerated() {
            do { try rebuilt.apply(entry, index: UInt64(index)) } catch {
                throw BoardError(.corrupted, "log entry \(index) fails \(error)")
            }
        }
        ledger = rebuilt
    }

    /// Admits one entry.
    public nonisolated func admit(_ entry: BoardEntry) async throws(BoardError) {
        try await admit(batch: [entry])
    }

    /// Checks the ballots of the batch concurrently with other requests, then applies the whole batch in order,
    /// all or nothing.
    public nonisolated func admit(batch entries: [BoardEntry]) async throws(BoardError) {
        var checked = [Int: CheckedBallot<Suite.Group>]()
        let ballots = entries.indices.filter { BallotChecker<Suite.Group>.isBallot(entries[$0]) }
        if !ballots.isEmpty, let queue = await ballotQueue() {
            let results = await queue.check(ballots.map { entries[$0] })
            for (position, result) in zip(ballots, results) {
                switch result {
                case .success(let ballot): checked[position] = ballot
                case .failure(let error): throw Self.boardError(error, position: position, of: entries.count)
                }
            }
        }
        try await commit(entries, checked: checked)
    }

    /// The queue that checks concurrent ballots together, once voting is open.
    private func ballotQueue() -> BallotCheckQueue<Suite.Group>? {
        guard let checker = ledger.checker else { return nil }
        if let queue { return queue }
        let made = BallotCheckQueue(checker: checker, parallel: 1)
        queue = made
        return made
    }

    private func commit(_ entries: [BoardEntry], checked: [Int: CheckedBallot<Suite.Group>])
        async throws(BoardError)
    {
        if entries.contains(where: { !BallotChecker<Suite.Group>.isBallot($0) }) {
            while inFlight > 0 { await withCheckedContinuation { waitingForLog.append($0) } }
        }
        if let authority, let first = entries.first, ledger.phase == .definition, first.signer != authority {
            throw BoardError(.rejected, "this board takes the election definition only from its pinned authority")
        }
        var admitted = [[UInt8]: CheckedBallot<Suite.Group>]()
        if entries.count == 1 {
            // A rejected entry leaves the ledger unchanged, so one entry needs no copy of the ledger (whose set of
            // cast ciphertexts grows with the election).
            do { try ledger.apply(entries[0], index: nil, checked: checked[0]) } catch {
                throw Self.boardError(error, position: 0, of: 1)
            }
            if let ballot = checked[0] { admitted[entries[0].id] = ballot }
        } else {
            var next = ledger
            for (position, entry) in entries.enumerated() {
                do { try next.apply(entry, index: nil, checked: checked[position]) } catch {
                    throw Self.boardError(error, position: position, of: entries.count)
                }
                if let ballot = checked[position] { admitted[entry.id] = ballot }
            }
            ledger = next
        }
        pending.merge(admitted) { $1 }
        inFlight += entries.count
    }

    /// Places the appended ballots and result at their indices.
    public func appended(_ entries: [BoardEntry], firstIndex: UInt64) async {
        for (offset, entry) in entries.enumerated() {
            let index = firstIndex + UInt64(offset)
            if let ballot = pending.removeValue(forKey: entry.id) {
                ledger.place(ballot, index: index)
            } else if entry.type == ElectionEntryType.result.rawValue {
                ledger.placeResult(entry, index: index)
            }
        }
        settle(entries.count)
    }

    /// Rebuilds the state from the log: the abandoned entries were applied but are not in it.
    ///
    /// Ballots of other requests still on their way to the log stay pending and are placed when they arrive.
    public func abandoned(_ entries: [BoardEntry]) async {
        defer { settle(entries.count) }
        for entry in entries { pending.removeValue(forKey: entry.id) }
        guard let reader else { return }
        try? await load(from: reader)
    }

    /// Counts `count` admitted entries as settled (in the log or abandoned); when none is left in flight, the
    /// lifecycle entries waiting for the log go on.
    private func settle(_ count: Int) {
        inFlight -= count
        guard inFlight == 0 else { return }
        let waiting = waitingForLog
        waitingForLog = []
        for continuation in waiting { continuation.resume() }
    }

    private static func boardError(_ rejection: ElectionRejection, position: Int, of count: Int) -> BoardError {
        let place = count == 1 ? "" : "entry \(position): "
        return BoardError(.rejected, place + rejection.description)
    }
}
