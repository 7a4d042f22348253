import Foundation
import Testing
import TabellaCrypto
import TabellaRecord
import TabellaVerifier

/// A record of the shape the Kotlin implementation's chained workflow writes (5 guardians with quorum 3, chained
/// confirmation codes, challenged ballots with contest data), built by ``ChainedRecord``: it verifies in each form
/// the specification allows, the Kotlin forms are accepted or named as the verifier documents, and each tampered
/// copy fails at the step that checks what was changed.
@Suite("ElectionGuard 2.0 chained record with challenged ballots, 3 of 5", .serialized)
struct ChainedRecordTests {
    static let first = "\(ChainedRecord.ballots)/eballot-chained-1.json"
    static let third = "\(ChainedRecord.ballots)/eballot-chained-3.json"
    static let fourth = "\(ChainedRecord.ballots)/eballot-chained-4.json"
    static let decryption = "challenged_ballots/dballot-chained-2.json"

    /// The record every tampering starts from, built once.
    static let base = Result { try ChainedRecord().copy }

    @Test("the record verifies: steps 1 to 7 and 12 to 14 pass, 3 of 5 guardians decrypt")
    func valid() async throws {
        let copy = try RecordCopy(of: try Self.base.get())
        defer { copy.remove() }
        let report = await ElectionGuard20Verifier.verify(directory: copy.directory, jobs: 2)
        #expect(report.isValid, "\(String(describing: report.firstFailure))")
        let byStep = Dictionary(uniqueKeysWithValues: report.steps.map { ($0.step, $0) })
        for step in [1, 2, 3, 4, 5, 6, 7, 12, 13, 14] { #expect(byStep[step]?.status == .passed, "step \(step)") }
        #expect(byStep[2]?.checked == ChainedRecord.guardians * ChainedRecord.quorum)
        #expect(byStep[3]?.checked == ChainedRecord.guardians)
        #expect(byStep[7]?.checked == 4)
        #expect(byStep[12]?.checked == 2 * 2 * 5)
        #expect(byStep[14]?.checked == 2 * 2)
    }

    @Test("the Kotlin chain start (B_aux,1 = H_0, the chain file's baux0 = H_0) and §5.5.4's 512-byte C1, C2 verify")
    func allowedForms() async throws {
        let record = try ChainedRecord(ballotCount: 2, chainStartAlone: true, contestDataForm: .fixedWidth)
        defer { record.copy.remove() }
        let report = await ElectionGuard20Verifier.verify(directory: record.copy.directory, jobs: 2)
        #expect(report.isValid, "\(String(describing: report.firstFailure))")
        #expect(report.steps.first { $0.step == 14 }?.status == .passed)
    }

    @Test("a contest-data challenge over C1's hexadecimal text (the Kotlin form) fails 14.B, named as such")
    func kotlinContestDataForm() async throws {
        let record = try ChainedRecord(ballotCount: 2, contestDataForm: .kotlinHexText)
        defer { record.copy.remove() }
        let report = try await record.copy.expectFirstFailure(step: "14.B", file: Self.decryption)
        let failures = report.steps.flatMap(\.failures)
        #expect(failures.count == 2)
        #expect(failures.allSatisfy { $0.reason.contains("hexadecimal text") }, "\(failures)")
    }

    /// One way of damaging the record, and the condition and file that must report it first.
    struct Tampering: Sendable, CustomTestStringConvertible {
        let name: String
        let step: String
        let file: String
        var alsoFails: [String] = []
        let apply: @Sendable (RecordCopy) throws -> Void
        var testDescription: String { name }
    }

    static let tamperings: [Tampering] = [
        Tampering(name: "a changed election base hash", step: "1.H", file: "election_config.json") {
            try $0.replace("election_config.json", key: "election_base_hash") { $0.flippingLastDigit }
        },
        Tampering(name: "a changed coefficient proof of guardian 4", step: "2.C", file: "election_initialized.json") {
            try $0.replace("election_initialized.json", key: "challenge", occurrence: 9) { $0.flippingLastDigit }
        },
        Tampering(name: "a joint key that is guardian 1's key", step: "3.B", file: "election_initialized.json") {
            let guardianKey = try $0.value("election_initialized.json", key: "public_key")
            try $0.replace("election_initialized.json", key: "joint_public_key") { _ in guardianKey }
        },
        Tampering(name: "a changed extended base hash", step: "4.A", file: "election_initialized.json") {
            try $0.replace("election_initialized.json", key: "extended_base_hash") { $0.flippingLastDigit }
        },
        // Keys are sorted: a contest's own range proof (L + 1 = 2 pairs) comes before its selections.
        Tampering(name: "a changed selection range proof", step: "5.D", file: third) {
            try $0.replace(third, key: "response", occurrence: 2) { $0.flippingLastDigit }
        },
        Tampering(name: "a changed contest range proof", step: "6.D", file: third) {
            try $0.replace(third, key: "response") { $0.flippingLastDigit }
        },
        Tampering(name: "a changed contest hash", step: "7.A", file: third) {
            try $0.replace(third, key: "contest_hash") { $0.flippingLastDigit }
        },
        Tampering(name: "a changed confirmation code", step: "7.B", file: third, alsoFails: ["7.E"]) {
            try $0.replace(third, key: "confirmation_code") { $0.flippingLastDigit }
        },
        Tampering(name: "a first ballot that does not start from H_0", step: "7.B", file: first,
                  alsoFails: ["7.D"]) {
            try $0.replace(first, key: "code_baux") { $0.flippingLastDigit }
        },
        Tampering(name: "a chain file with another device information", step: "7.D", file: ChainedRecord.chainFile) {
            try $0.replace(ChainedRecord.chainFile, key: "baux0") { $0.flippingLastDigit }
        },
        Tampering(name: "two ballots swapped in the chain", step: "7.E", file: fourth, alsoFails: ["7.F"]) {
            try $0.replaceText(ChainedRecord.chainFile, "\"chained-3\",", "\"chained-x\",")
            try $0.replaceText(ChainedRecord.chainFile, "\"chained-4\"", "\"chained-3\"")
            try $0.replaceText(ChainedRecord.chainFile, "\"chained-x\",", "\"chained-4\",")
        },
        Tampering(name: "a chain closed on another code", step: "7.F", file: ChainedRecord.chainFile) {
            let other = try $0.value(third, key: "confirmation_code")
            try $0.replace(ChainedRecord.chainFile, key: "last_confirmation_code") { _ in other }
        },
        Tampering(name: "a changed closing hash", step: "7.G", file: ChainedRecord.chainFile) {
            try $0.replace(ChainedRecord.chainFile, key: "closing_hash") { $0.flippingLastDigit }
        },
        Tampering(name: "a decryption of a cast ballot", step: "12", file: decryption) {
            try $0.replace(decryption, key: "id") { _ in "chained-1" }
        },
        // Occurrence 0 is the first contest's contest-data proof, 1 its first selection's.
        Tampering(name: "a changed selection decryption proof", step: "12.B", file: decryption) {
            try $0.replace(decryption, key: "response", occurrence: 1) { $0.flippingLastDigit }
        },
        Tampering(name: "a decrypted value changed", step: "13.A", file: decryption, alsoFails: ["13.C"]) {
            try $0.replaceText(decryption, "\"tally\": 0", "\"tally\": 1")
        },
        Tampering(name: "a decrypted value of 2", step: "13.A", file: decryption, alsoFails: ["13.B", "13.C"]) {
            try $0.replaceText(decryption, "\"tally\": 1", "\"tally\": 2")
        },
        Tampering(name: "a contest-data decryption β of the other contest", step: "14.B", file: decryption) {
            let other = try $0.value(decryption, key: "beta", occurrence: 1)
            try $0.replace(decryption, key: "beta") { _ in other }
        },
        Tampering(name: "a changed contest-data ciphertext C1", step: "14", file: decryption, alsoFails: ["14.B"]) {
            try $0.replace(decryption, key: "c1") { $0.flippingLastDigit }
        },
    ]

    @Test("a tampered copy fails at the step that checks the change", arguments: tamperings)
    func tampered(_ tampering: Tampering) async throws {
        let copy = try RecordCopy(of: try Self.base.get())
        defer { copy.remove() }
        try tampering.apply(copy)
        try await copy.expectFirstFailure(step: tampering.step, file: tampering.file, alsoFails: tampering.alsoFails)
    }
}
