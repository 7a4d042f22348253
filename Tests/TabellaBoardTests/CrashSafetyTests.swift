import Foundation
import Synchronization
import TabellaBoard
import TabellaCrypto
import TabellaGroups
import Testing

/// A board process killed with SIGKILL at random moments of a stream of appends, 20 times: every acknowledged entry
/// is there at its index, no index holds two entries, and every checkpoint seen is consistent with the final tree.
@Suite struct CrashSafetyTests {
    /// What the appenders were told by the board.
    struct Acknowledged {
        var entries = [UInt64: BoardEntry]()
        var checkpoints = Set<String>()
        var conflicts = [String]()
    }

    /// The acknowledgements, shared by the appenders, and a counter that makes every payload distinct.
    final class Ledger: Sendable {
        let state = Locked(Acknowledged())
        let counter = Atomic(0)
    }

    @Test(.timeLimit(.minutes(5)))
    func acknowledgedEntriesSurviveSIGKILL() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (keyPath, signer) = try writeBoardKey(name: "crash.test/e1", in: directory)
        let arguments = [
            "--db", directory.appendingPathComponent("board.sqlite").path, "--key", keyPath, "--election", "e1",
            "--accept", "note", "--rate-limit", "0",
        ]
        let author = Ed25519.PrivateKey()
        let ledger = Ledger()
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let board = try BoardProcess(arguments: arguments)
            let client = BoardClient(baseURL: board.url, timeout: .seconds(5))
            if round > 0 { try await check(client, ledger.state.withLock { $0 }, signer: signer) }
            let appenders = (0..<6).map { appender in
                Task {
                    while !Task.isCancelled {
                        let count = appender == 0 ? 5 : 1
                        let entries = try (0..<count).map { _ in
                            try BoardEntry(
                                type: "note", election: "e1",
                                payload: Array("entry \(ledger.counter.add(1, ordering: .relaxed).newValue)".utf8),
                                signedBy: author)
                        }
                        guard let receipt = try? await client.append(entries) else { return }
                        ledger.state.withLock { state in
                            state.checkpoints.insert(receipt.checkpoint)
                            for (offset, entry) in entries.enumerated() {
                                let index = receipt.index + UInt64(offset)
                                if let other = state.entries[index], other != entry {
                                    state.conflicts.append("index \(index) acknowledged for two entries")
                                }
                                state.entries[index] = entry
                            }
                        }
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: 40...250, using: &generator)))
            board.kill()
            for appender in appenders {
                appender.cancel()
                _ = try? await appender.value
            }
        }
        let board = try BoardProcess(arguments: arguments)
        defer { board.stop() }
        try await check(BoardClient(baseURL: board.url), ledger.state.withLock { $0 }, signer: signer)
        let (total, checkpoints) = ledger.state.withLock { ($0.entries.count, $0.checkpoints.count) }
        print("crash safety: 20 SIGKILLs, \(total) acknowledged entries kept, \(checkpoints) checkpoints consistent")
        #expect(total > 100, "only \(total) entries were acknowledged in 20 rounds")
    }

    /// Every acknowledged entry is at its index, every seen checkpoint is consistent with the latest, and the
    /// whole log rebuilds the latest root.
    private func check(_ client: BoardClient, _ acknowledged: Acknowledged, signer: Ed25519NoteSigner) async throws {
        let (entries, checkpoints, conflicts) = (acknowledged.entries, acknowledged.checkpoints, acknowledged.conflicts)
        #expect(conflicts.isEmpty, "\(conflicts)")
        let (latest, _) = try await client.checkpoint(logKeys: [signer.verifier], origin: signer.keyName)
        let stored = try await all(client, size: latest.size)
        for (index, entry) in entries {
            #expect(index < latest.size, "acknowledged entry \(index) is beyond the log's size \(latest.size)")
            if index < latest.size { #expect(stored[Int(index)] == entry, "entry \(index) changed") }
        }
        #expect(Set(stored.map(\.id)).count == stored.count, "an entry is stored at two indices")
        let auditor = LogAuditor(client: client)
        for note in checkpoints {
            let (checkpoint, _) = try Checkpoint.open(note, logKeys: [signer.verifier], origin: signer.keyName)
            try await auditor.checkConsistency(from: checkpoint, to: latest)
        }
        try await auditor.checkContent(of: latest)
    }

    private func all(_ client: BoardClient, size: UInt64) async throws -> [BoardEntry] {
        var entries = [BoardEntry]()
        while UInt64(entries.count) < size {
            let start = UInt64(entries.count)
            entries += try await client.entries(start..<min(size, start + 1000))
        }
        return entries
    }
}
