import Foundation
import TabellaTestSupport
import Testing

/// `tabella verify belenios` as a user runs it: its lines, its JSON, and its exit codes.
@Suite("tabella verify belenios")
struct VerifyBeleniosCommandTests {
    @Test("a valid archive exits 0 with one line per step")
    func valid() throws {
        let (status, output) = try TabellaExecutable.run(
            ["verify", "belenios", VectorFiles.url("belenios/threshold.bel").path, "--jobs", "2"])
        #expect(status == 0)
        let stepLines = output.split(separator: "\n").filter { $0.hasPrefix("Step ") }
        #expect(stepLines.count == 10)
        #expect(stepLines[5].contains("passed") && stepLines[5].contains("5 ballots"))
        #expect(output.contains("10 of 10 applicable steps passed"))
    }

    @Test("an altered archive exits 1 and names the first failure, in text and JSON")
    func failing() throws {
        var archive = try BeleniosArchiveEdit("single.bel")
        archive.replace("{\"result\":[[1,5,0]]}", with: "{\"result\":[[1,5,1]]}",
                        at: archive.member(containing: "{\"result\""))
        archive.rehash()
        let path = try archive.write().path
        let (status, output) = try TabellaExecutable.run(["verify", "belenios", path])
        #expect(status == 1)
        #expect(output.contains("First failure: step 10.count"))
        #expect(output.contains("$.result[0][2]: 1 is not the decryption of the tally"))
        let json = try TabellaExecutable.run(["verify", "belenios", path, "--json"])
        #expect(json.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((report?["steps"] as? [Any])?.count == 10)
    }

    @Test("an unreadable archive exits 2 and says why")
    func unreadable() throws {
        let url = ScratchDirectory.make("belenios").appendingPathComponent("junk.bel")
        try Data(repeating: 7, count: 1024).write(to: url)
        let (status, output) = try TabellaExecutable.run(["verify", "belenios", url.path])
        #expect(status == 2)
        #expect(output.contains("The record cannot be read"))
        #expect(output.contains("checksum"))
    }
}
