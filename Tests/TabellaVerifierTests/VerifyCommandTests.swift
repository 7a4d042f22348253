import Foundation
import Testing
import TabellaTestSupport

/// `tabella verify electionguard` as a user runs it: its lines, its JSON, and its exit codes.
@Suite("tabella verify electionguard")
struct VerifyCommandTests {
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try TabellaExecutable.run(arguments)
    }

    @Test("a valid record (election and decrypted tally only) exits 0 with one line per step")
    func valid() throws {
        let copy = try RecordCopy()
        defer { copy.remove() }
        try copy.keepOnlyDecryptedTally()
        let (status, output) = try run(["verify", "electionguard", copy.directory.path, "--jobs", "2"])
        #expect(status == 0)
        let stepLines = output.split(separator: "\n").filter { $0.hasPrefix("Step ") }
        #expect(stepLines.count == 18)
        #expect(stepLines[8].contains("passed") && stepLines[8].contains("100 options"))
        #expect(stepLines[4].contains("not applicable"))
        #expect(output.contains("6 of 6 applicable steps passed"))
    }

    @Test("a failing record exits 1 and names the first failure")
    func failing() throws {
        let copy = try RecordCopy()
        defer { copy.remove() }
        try copy.keepOnlyDecryptedTally()
        try copy.replaceText("tally.json", "\"tally\": 2,", "\"tally\": 3,")
        let (status, output) = try run(["verify", "electionguard", copy.directory.path])
        #expect(status == 1)
        #expect(output.contains("First failure: step 10.A, tally.json, contest contest1, selection selection1"))
        let json = try run(["verify", "electionguard", copy.directory.path, "--json"])
        #expect(json.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((report?["steps"] as? [Any])?.count == 18)
    }

    @Test("an unreadable record exits 2 and names the file and path")
    func unreadable() throws {
        let copy = try RecordCopy()
        defer { copy.remove() }
        try copy.replaceText("election_config.json", "\"quorum\": 3", "\"quorum\": \"3\"")
        let (status, output) = try run(["verify", "electionguard", copy.directory.path])
        #expect(status == 2)
        #expect(output.contains("election_config.json"))
        #expect(output.contains("$.quorum"))
    }
}
