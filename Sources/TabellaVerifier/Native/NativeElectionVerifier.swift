import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// The verifier of a native Tabella election: every entry of the board through the ``ElectionLedger``'s checks,
/// the completeness of the election, and the entries against the board's signed checkpoint. The checks are
/// numbered as ``ElectionCheck`` and `Docs/verifier.md`.
public enum NativeElectionVerifier {
    /// Verifies a board's entries (in log order) against its signed checkpoint.
    ///
    /// - Parameters:
    ///   - source: where the entries came from (a URL or a directory), for the report.
    ///   - jobs: how many ballots to check at once.
    ///   - shard: the slice of the ballots whose proofs to check (``VerificationShard/whole`` for all).
    ///   - progress: called with the number of entries checked and the total.
    public static func verify(
        entries: [BoardEntry], checkpoint: String, logKey: any NoteVerifier, origin: String, source: String,
        jobs: Int, shard: VerificationShard = .whole, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async -> VerificationReport {
        guard let first = entries.first,
              let definition = try? PayloadCoding.decode(ElectionDefinition.self, from: first.payload,
                                                         type: .definition),
              let group = ElectionGroup(rawValue: definition.manifest.group) else {
            return VerificationReport(record: source, steps: [], importFailure: VerificationFailure(
                step: "import", file: source, object: "entry 0",
                reason: "the board's first entry is not an election definition in a known group"))
        }
        let action = Run(entries: entries, checkpoint: checkpoint, logKey: logKey, origin: origin, source: source,
                         election: first.election, jobs: max(1, jobs), shard: shard, progress: progress)
        do { return try await group.run(action) } catch {
            return VerificationReport(record: source, steps: [], importFailure: VerificationFailure(
                step: "import", file: source, object: "board", reason: "\(error)"))
        }
    }

    private struct Run: ElectionSuiteAction {
        let entries: [BoardEntry]
        let checkpoint: String
        let logKey: any NoteVerifier
        let origin: String
        let source: String
        let election: String
        let jobs: Int
        let shard: VerificationShard
        let progress: (@Sendable (Int, Int) -> Void)?

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> VerificationReport {
            var ledger = ElectionLedger(suite: suite, election: election)
            var failures = [ElectionCheck: [VerificationFailure]]()
            func fail(_ check: ElectionCheck, _ object: String, _ reason: String) {
                failures[check, default: []].append(VerificationFailure(
                    step: "\(check.rawValue)", file: source, object: object, reason: reason))
            }
            var checked: [Int: Result<CheckedBallot<Suite.Group>, ElectionRejection>]?
            var tree = CompactRange()
            var roots = [UInt64: [UInt8]]()
            for (offset, entry) in entries.enumerated() {
                if ledger.phase == .voting, checked == nil, let checker = ledger.checker {
                    checked = await checker.checkBallots(in: entries, from: offset, jobs: jobs, shard: shard)
                }
                let index = UInt64(offset)
                do throws(ElectionRejection) {
                    switch checked?[offset] {
                    case .success(let ballot)?: try ledger.apply(entry, index: index, checked: ballot)
                    case .failure(let rejection)?:
                        // Checked ahead of the ledger: outside voting, the phase is the first thing that is wrong.
                        guard ledger.phase == .voting else { try ledger.apply(entry, index: index); break }
                        throw rejection
                    case nil: try ledger.apply(entry, index: index)
                    }
                } catch {
                    fail(error.check, "entry \(offset) (\(entry.type))", error.message)
                }
                _ = tree.append(leafHash: MerkleHash.leaf(entry.encoded))
                roots[index + 1] = entry.type == ElectionEntryType.result.rawValue ? tree.root : nil
                if offset % 64 == 63 || offset == entries.count - 1 { progress?(offset + 1, entries.count) }
            }
            checkBoard(tree: tree, fail: fail)
            checkCompleteness(ledger, roots: roots, fail: fail)
            let steps = ElectionCheck.allCases.map { check -> StepResult in
                let count = check == .boardConsistency ? entries.count : ledger.passed[check, default: 0]
                let failed = failures[check] ?? []
                let status: StepResult.Status = !failed.isEmpty ? .failed : count == 0 ? .notApplicable : .passed
                return StepResult(step: check.rawValue, title: check.title, status: status, checked: count,
                                  unit: check.unit,
                                  reason: status == .notApplicable ? "the board holds no \(check.unit) yet" : nil,
                                  failures: failed)
            }
            return VerificationReport(record: source, steps: steps, importFailure: nil)
        }

        /// Check 11: the checkpoint is signed by the board's key and covers exactly these entries.
        func checkBoard(tree: CompactRange, fail: (ElectionCheck, String, String) -> Void) {
            do {
                let (latest, _) = try Checkpoint.open(checkpoint, logKeys: [logKey], origin: origin)
                guard latest.size == UInt64(entries.count), latest.rootHash == tree.root else {
                    fail(.boardConsistency, "checkpoint", "the \(entries.count) entries do not hash to the signed "
                        + "checkpoint of size \(latest.size)")
                    return
                }
            } catch {
                fail(.boardConsistency, "checkpoint", error.message)
            }
        }

        /// What a complete election must hold once its result is on the board: the decision note bound to the
        /// log's real root, signed by the authority and at least the threshold of trustees.
        func checkCompleteness<Suite: CocktailCiphersuite>(
            _ ledger: ElectionLedger<Suite>, roots: [UInt64: [UInt8]], fail: (ElectionCheck, String, String) -> Void
        ) {
            guard ledger.phase == .decided, let manifest = ledger.manifest else { return }
            guard let note = ledger.decisionNote else {
                fail(.decisionSignatures, "decision note", "the result is on the board but nobody signed the decision")
                return
            }
            if roots[note.logSize] != note.logRoot {
                fail(.decisionSignatures, "decision note", "the note's log root is not the root of the board's first "
                    + "\(note.logSize) entries")
            }
            if note.board != origin {
                fail(.decisionSignatures, "decision note", "the note names board `\(note.board)`, not `\(origin)`")
            }
            let trustees = ledger.trusteeKeys.filter { ledger.decisionSignatures[$0] != nil }.count
            if trustees < manifest.threshold {
                fail(.decisionSignatures, "decision note", "\(trustees) trustees signed the decision; the threshold is "
                    + "\(manifest.threshold)")
            }
            if ledger.decisionSignatures.count == trustees {
                fail(.decisionSignatures, "decision note", "the authority has not signed the decision")
            }
        }
    }
}
