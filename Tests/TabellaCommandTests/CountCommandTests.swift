import Foundation
import Testing

/// `tabella count`: a profile read from standard input, counted, printed as text or as the board's JSON.
@Suite("tabella count")
struct CountCommandTests {
    /// Runs `tabella count` with `profile` on standard input.
    private func count(_ arguments: [String], profile: String) throws -> (status: Int32, output: String,
                                                                         error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("tabella")
        process.arguments = ["count"] + arguments
        let (input, output, error) = (Pipe(), Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(profile.utf8))
        try input.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self),
                String(decoding: errorData, as: UTF8.self))
    }

    private let profile = #"{"candidates": ["a", "b", "c"], "ballots": [{"ranking": [0, 1], "weight": 2}, "#
        + #"{"ranking": [1]}, {"ranking": [2, 1]}, {"ranking": [2, 2]}], "seed": "00ff"}"#

    @Test("an STV count as JSON, and as text with its rounds")
    func stv() throws {
        let json = try count(["--method", "stv", "--seats", "2", "--json"], profile: profile)
        #expect(json.status == 0, "\(json.error)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        // Weight 4, quota 2: a elected with 2 (no surplus); then b 1 and c 1 tie for the last seat.
        #expect(result["quota"] as? Int == 2 && result["validWeight"] as? Int == 4)
        #expect((result["elected"] as? [String])?.first == "a" && (result["elected"] as? [String])?.count == 2)
        #expect((result["invalid"] as? [String: Any])?["repeatedCandidate"] as? Int == 1)
        let text = try count(["--method", "stv", "--seats", "2"], profile: profile)
        #expect(text.output.contains("round 1: a 2, b 1, c 1; exhausted 0; elected a"))
        #expect(text.output.contains("quota 2") && text.output.contains("1 invalid"))
    }

    @Test("a bad method, seat count or profile is refused with its reason")
    func refusals() throws {
        let method = try count(["--method", "borda"], profile: profile)
        #expect(method.status != 0 && method.error.contains("unknown method \"borda\""))
        let seats = try count(["--method", "stv"], profile: profile)
        #expect(seats.status != 0 && seats.error.contains("seats"))
        let broken = try count(["--method", "schulze"], profile: "{\"candidates\": []")
        #expect(broken.status != 0 && broken.error.contains("not valid JSON"))
    }
}
