import Foundation
import Testing
import TabellaCrypto
import TabellaRecord
import TabellaVerifier

/// Steps 7.D to 7.G on a record whose device chains its confirmation codes and closes the chain, built from the
/// shared record with Tabella's 2.0 rules (the chain needs no secret); each damaged chain fails at its step.
@Suite("ElectionGuard 2.0 ballot chaining", .serialized)
struct BallotChainTests {
    static let chainFile = "\(RecordCopy.ballots)/ballot_chain.json"

    /// A copy with ballots id-1 and id-2 only (tallies removed), the election set to chain codes, the two ballots
    /// chained in the order id-2, id-1 (not the files' order), and the device's closed `ballot_chain.json`.
    static func record() throws -> RecordCopy {
        let copy = try RecordCopy()
        let folder = copy.directory.appendingPathComponent(RecordCopy.ballots)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where !["eballot-id-1.json", "eballot-id-2.json"].contains(name) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        for file in ["encrypted_tally.json", "tally.json"] {
            try FileManager.default.removeItem(at: copy.directory.appendingPathComponent(file))
        }
        try copy.replaceText("election_config.json", "\"chain_confirmation_codes\": false",
                             "\"chain_confirmation_codes\": true")
        let election = try RecordElection(copy)
        let rules = election.rules
        let baux0 = election.record.config.baux0
        var previous = rules.chainStart(deviceAux: baux0)
        var aux = previous
        let order = ["id-2", "id-1"]
        for id in order {
            let ballot = try #require(election.record.ballots.first { $0.ballotId == id })
            let code = rules.confirmationCode(contestHashes: ballot.contests.map(\.contestHash), aux: aux)
            try copy.replace(ballot.file, key: "code_baux") { _ in election.hex(aux) }
            try copy.replace(ballot.file, key: "confirmation_code") { _ in election.hex(code) }
            previous = code
            aux = rules.chainedAux(previous: code, deviceAux: baux0)
        }
        let device = try #require(election.record.ballots.first?.encryptingDevice)
        try RecordElection.write([
            "encrypting_device": device, "baux0": election.hex(baux0), "ballot_ids": order,
            "last_confirmation_code": election.hex(previous), "chaining": true,
            "closing_hash": election.hex(rules.chainClose(last: previous, deviceAux: baux0)), "metadata": [:],
        ], to: chainFile, in: copy)
        return copy
    }

    @Test("a closed chain of confirmation codes passes 7.D to 7.G")
    func valid() async throws {
        let copy = try Self.record()
        defer { copy.remove() }
        let report = await ElectionGuard20Verifier.verify(directory: copy.directory, jobs: 2)
        #expect(report.isValid, "\(String(describing: report.firstFailure))")
        #expect(report.steps.first { $0.step == 7 }?.status == .passed)
        #expect(report.steps.first { $0.step == 7 }?.checked == 2)
    }

    /// One way of damaging the chain, and the condition and file that must report it first.
    struct Tampering: Sendable, CustomTestStringConvertible {
        let name: String
        let step: String
        var file = BallotChainTests.chainFile
        var alsoFails: [String] = []
        let apply: @Sendable (RecordCopy) throws -> Void
        var testDescription: String { name }
    }

    static let tamperings: [Tampering] = [
        Tampering(name: "a changed closing hash", step: "7.G") {
            try $0.replace(chainFile, key: "closing_hash") { $0.flippingLastDigit }
        },
        Tampering(name: "a chain closed without a closing hash", step: "7.G") {
            let hash = try $0.value(chainFile, key: "closing_hash")
            try $0.replaceText(chainFile, "\"\(hash)\"", "null")
        },
        Tampering(name: "a chain closed on a code that is not the device's last", step: "7.F") {
            let first = try $0.value("\(RecordCopy.ballots)/eballot-id-2.json", key: "confirmation_code")
            try $0.replace(chainFile, key: "last_confirmation_code") { _ in first }
        },
        // Without the chain file the ballots are taken in file order (id-1 first), which is not the chain's.
        Tampering(name: "a device with no chain file", step: "7.D", file: "\(RecordCopy.ballots)/eballot-id-1.json",
                  alsoFails: ["7.G"]) {
            try FileManager.default.removeItem(at: $0.directory.appendingPathComponent(chainFile))
        },
        Tampering(name: "ballots listed out of chain order", step: "7.D",
                  file: "\(RecordCopy.ballots)/eballot-id-1.json") {
            try $0.replaceText(chainFile, "\"id-2\",", "\"id-3\",")
            try $0.replaceText(chainFile, "\"id-1\"", "\"id-2\"")
            try $0.replaceText(chainFile, "\"id-3\",", "\"id-1\",")
        },
        Tampering(name: "a chain that names a ballot of another device", step: "7.E") {
            try $0.replaceText(chainFile, "\"id-2\"", "\"id-9\"")
        },
        Tampering(name: "a changed device information B_aux,0", step: "7.D") {
            try $0.replace(chainFile, key: "baux0") { $0.flippingLastDigit }
        },
    ]

    @Test("a damaged chain fails at the right step", arguments: tamperings)
    func tampered(_ tampering: Tampering) async throws {
        let copy = try Self.record()
        defer { copy.remove() }
        try tampering.apply(copy)
        try await copy.expectFirstFailure(step: tampering.step, file: tampering.file, alsoFails: tampering.alsoFails)
    }
}
