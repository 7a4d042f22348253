import Foundation
import Testing
import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord
import TabellaTestSupport
import TabellaVerifier

/// `tabella verify <board> --shard i/n` run as separate processes and `tabella verify merge`: n = 1, 2 and 4 give
/// the verdict of the unsharded run; a ballot whose proof was tampered is found by its shard alone and reported by
/// the merge with its check; a missing, duplicated, foreign or altered partial report is refused.
@Suite("Sharded verification of a board", .serialized)
struct ShardedVerificationTests {
    /// An exported board: its folder and its verifier key.
    struct Export {
        let directory: URL
        let vkey: String
        /// The entry of the tampered ballot, if one is.
        let tampered: Int?
    }

    /// A small election (8 voters, closed, tallied, 2 shares) exported as tlog tiles; with `tamperBallot`, that
    /// ballot's first limit proof is replaced by another ballot's (it still decodes; only its proof fails), and
    /// the checkpoint is signed over the altered entries, as a board that took them unchecked would publish.
    static func export(tamperBallot: Int? = nil) async throws -> Export {
        let election = try await TestElection.open(voters: 8)
        try await election.closeTallyAndDecrypt()
        var entries = try await election.entries()
        let ballots = entries.indices.filter { entries[$0].type == ElectionEntryType.ballot.rawValue }
        var tampered: Int?
        if let tamperBallot {
            let group = election.suite.group
            let position = ballots[tamperBallot]
            let other = try EncryptedBallot(decoding: Array(try post(entries[ballots[tamperBallot + 1]]).ballot),
                                            in: group)
            let original = try post(entries[position])
            let ballot = try EncryptedBallot(decoding: Array(original.ballot), in: group)
            let contest = ballot.contests[0]
            let altered = EncryptedBallot(
                identifier: ballot.identifier,
                contests: [EncryptedContest(index: contest.index, selections: contest.selections,
                                            limitProof: other.contests[0].limitProof, contestHash: contest.contestHash)]
                    + ballot.contests.dropFirst(),
                chainingField: ballot.chainingField, confirmationCode: ballot.confirmationCode)
            let payload = PayloadCoding.encode(BallotPost(salt: try #require(Hex.decode(original.salt)),
                                                          ballot: altered.encoded(in: group)))
            entries[position] = try TestElection.resigned(entries[position], by: election.credentials[tamperBallot],
                                                          payload: payload)
            tampered = position
        }
        let directory = ScratchDirectory.make("tabella-shards")
        var tree = CompactRange()
        for entry in entries { _ = tree.append(leafHash: MerkleHash.leaf(entry.encoded)) }
        var note = SignedNote(text: Checkpoint(origin: election.board.origin, size: UInt64(entries.count),
                                               rootHash: tree.root).text)
        note.sign(with: election.noteSigner)
        try Data(note.serialized.utf8).write(to: directory.appendingPathComponent("checkpoint"))
        for start in stride(from: 0, to: entries.count, by: 256) {
            let part = entries[start..<min(entries.count, start + 256)]
            let path = TilePath(level: nil, index: UInt64(start / 256), width: part.count).path
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(EntryBundle.encode(part.map(\.encoded))).write(to: file)
        }
        return Export(directory: directory, vkey: election.board.verifier.verifierKey, tampered: tampered)
    }

    private static func post(_ entry: BoardEntry) throws -> BallotPost {
        try PayloadCoding.decode(BallotPost.self, from: entry.payload, type: .ballot)
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try TabellaExecutable.run(arguments)
    }

    /// The report of a `--json` run.
    static func report(_ output: String) throws -> VerificationReport {
        try JSONDecoder().decode(VerificationReport.self, from: Data(output.utf8))
    }

    /// Runs the n shards as n processes at once; the paths of their partial reports.
    static func shards(_ export: Export, count: Int) throws -> [String] {
        let paths = (0..<count).map { export.directory.appendingPathComponent("shard-\(count)-\($0).json").path }
        let processes = try (0..<count).map { index in
            let process = TabellaExecutable.process([
                "verify", "board", export.directory.path, "--vkey", export.vkey, "--jobs", "1",
                "--shard", "\(index)/\(count)", "--report", paths[index], "--json",
            ])
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        return paths
    }

    @Test("n = 1, 2 and 4 shards merge into the unsharded verdict", arguments: [1, 2, 4])
    func sameVerdict(count: Int) async throws {
        let export = try await Self.export()
        let whole = try Self.run(["verify", "board", export.directory.path, "--vkey", export.vkey, "--json"])
        #expect(whole.status == 0)
        let merged = try Self.run(["verify", "merge", "--json"] + (try Self.shards(export, count: count)))
        #expect(merged.status == whole.status)
        let (expected, found) = (try Self.report(whole.output), try Self.report(merged.output))
        #expect(found.steps.map(\.status) == expected.steps.map(\.status))
        #expect(found.steps.map(\.checked) == expected.steps.map(\.checked))
        #expect(found.isValid)
    }

    @Test("a tampered ballot is found by its shard alone; the merge reports it with its check", arguments: [2, 4])
    func tamperedBallot(count: Int) async throws {
        let export = try await Self.export(tamperBallot: 5)
        let entry = try #require(export.tampered)
        let whole = try Self.run(["verify", "board", export.directory.path, "--vkey", export.vkey, "--json"])
        #expect(whole.status == 1)
        let expected = try Self.report(whole.output)
        let paths = try Self.shards(export, count: count)
        let partials = try paths.map {
            try JSONDecoder().decode(SignedPartialReport.self, from: Data(contentsOf: URL(fileURLWithPath: $0))).open()
        }
        let finding = partials.filter { !$0.report.isValid }
        #expect(finding.map(\.shard.index) == [5 % count])
        let merged = try Self.run(["verify", "merge", "--json"] + paths)
        #expect(merged.status == 1)
        let report = try Self.report(merged.output)
        // The owner's ledger rejected the ballot: the closing count fails (5), so the tally is refused (3).
        let ballotCheck = ElectionCheck.ballotValidity.rawValue - 1
        #expect(report.steps[ballotCheck].failures.map(\.object) == ["entry \(entry) (ballot)"])
        #expect(report.steps[ballotCheck].failures == expected.steps[ballotCheck].failures)
        #expect(report.firstFailure == expected.firstFailure)
        #expect(report.steps.map(\.status) == expected.steps.map(\.status))
        #expect(report.steps.map(\.checked) == expected.steps.map(\.checked))
        let text = try Self.run(["verify", "merge"] + paths)
        #expect(text.status == 1)
        #expect(text.output.contains("Step  4  failed"))
        #expect(text.output.contains("First failure: step \(try #require(expected.firstFailure).step), "))
    }

    @Test("a missing, duplicated, foreign or altered partial report is refused")
    func refusals() async throws {
        let export = try await Self.export()
        let paths = try Self.shards(export, count: 2)
        #expect(try Self.run(["verify", "merge", paths[0]]).status == 2)
        #expect(try Self.run(["verify", "merge", paths[0], paths[0]]).status == 2)
        let ofFour = try Self.shards(export, count: 4)
        #expect(try Self.run(["verify", "merge", paths[0], ofFour[1]]).status == 2)
        let other = try await Self.export()
        let otherPaths = try Self.shards(other, count: 4)
        #expect(try Self.run(["verify", "merge", paths[0], otherPaths[1]]).status == 2)
        let alteredPath = export.directory.appendingPathComponent("altered.json")
        var signed = try JSONDecoder().decode(SignedPartialReport.self,
                                              from: Data(contentsOf: URL(fileURLWithPath: paths[1])))
        let partial = try signed.open()
        let forged = PartialReport(kind: partial.kind, shard: partial.shard,
                                   recordDigest: try #require(Hex.decode(partial.recordDigest)),
                                   objects: partial.objects + 1, report: partial.report)
        let body = try JSONEncoder().encode(forged).base64EncodedString()
        signed = try JSONDecoder().decode(SignedPartialReport.self, from: JSONSerialization.data(withJSONObject: [
            "body": body, "signer": signed.signer, "signature": signed.signature,
        ]))
        try JSONEncoder().encode(signed).write(to: alteredPath)
        #expect(try Self.run(["verify", "merge", paths[0], alteredPath.path]).status == 2)
        #expect(try Self.run(["verify", "merge", paths[0], paths[1]]).status == 0)
        #expect(try Self.run(["verify", "merge", paths[0], paths[1], "--signer", String(repeating: "ab", count: 32)])
            .status == 2)
    }
}
