import Foundation
import Testing
import TabellaRecord
import TabellaTestSupport

/// The importer reads the shared record, and names the file and JSON path of every form error.
@Suite("ElectionGuard 2.0 record import")
struct RecordImportTests {
    @Test("the shared record reads completely")
    func reads() throws {
        let record = try ElectionGuardRecord(directory: VectorFiles.url("electionguard-2.0/allAvailableJson"))
        #expect(record.config.guardians == 3 && record.config.quorum == 3)
        #expect(record.manifest.contests.count == 20)
        #expect(record.manifest.contests.allSatisfy { $0.selections.count == 5 })
        #expect(record.initialized?.guardians.map(\.coefficientProofs.count) == [3, 3, 3])
        #expect(record.ballots.count == 11)
        #expect(record.ballots.allSatisfy { $0.state == "CAST" && $0.contests.count == 20 })
        #expect(record.encryptedTally?.castBallotIds.count == 11)
        #expect(record.decryptedTally?.contests.count == 20)
        #expect(record.ballots[0].contests[0].selections[0].ciphertext.pad.count == 512)
    }

    /// Alters a copy of the record and returns the import error.
    private func importError(_ alter: (RecordCopy) throws -> Void) throws -> RecordError {
        let copy = try RecordCopy()
        defer { copy.remove() }
        try alter(copy)
        do {
            _ = try ElectionGuardRecord(directory: copy.directory)
        } catch {
            return error
        }
        throw RecordCopy.CopyError(description: "the altered record was accepted")
    }

    @Test("a boolean where a number belongs is a type error at its path")
    func wrongType() throws {
        let error = try importError { try $0.replaceText("election_config.json", "\"quorum\": 3", "\"quorum\": true") }
        #expect(error.code == .wrongType)
        #expect(error.file == "election_config.json" && error.path == "$.quorum")
    }

    @Test("a missing field is named")
    func missing() throws {
        let error = try importError {
            try $0.replaceText("election_initialized.json", "\"x_coordinate\"", "\"y_coordinate\"")
        }
        #expect(error.code == .missingField)
        #expect(error.path == "$.guardians[0].x_coordinate")
    }

    @Test("bad hexadecimal deep in a ballot is named by its path")
    func badHex() throws {
        let ballot = "\(RecordCopy.ballots)/eballot-id-2.json"
        let error = try importError { try $0.replace(ballot, key: "pad", occurrence: 5) { "XY" + $0.dropFirst(2) } }
        #expect(error.code == .malformedValue)
        #expect(error.file == ballot)
        #expect(error.path == "$.contests[1].selections[0].encrypted_vote.pad")
    }

    @Test("an integer longer than 512 bytes is refused")
    func tooLong() throws {
        let error = try importError { try $0.replace("election_initialized.json", key: "joint_public_key") { "01" + $0 } }
        #expect(error.code == .malformedValue && error.path == "$.joint_public_key")
    }

    @Test("a missing file is named")
    func missingFile() throws {
        let error = try importError {
            try FileManager.default.removeItem(at: $0.directory.appendingPathComponent("constants.json"))
        }
        #expect(error.code == .unreadableFile && error.file == "constants.json")
    }
}
