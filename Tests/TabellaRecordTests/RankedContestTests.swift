import Foundation
import Testing
import TabellaRecord

/// The ranked and write-in contest kinds: their fields, their validation, and their refusal of the homomorphic tally.
@Suite("Ranked and write-in contests")
struct RankedContestTests {
    private let candidates = ["ada", "ben", "cyd"].map { Contest.Option(id: $0, text: $0.capitalized) }

    private func ranked(method: CountingMethod?, seats: Int? = nil, minimum: Int = 1, maximum: Int = 3) -> Contest {
        Contest(id: "board", question: "Rank the candidates.", kind: .ranked, options: candidates,
                minimumSelections: minimum, maximumSelections: maximum, rule: .simpleMajority, method: method,
                seats: seats)
    }

    private func writeIn(bytes: Int?, options: [Contest.Option] = [], minimum: Int = 0) -> Contest {
        Contest(id: "motto", question: "Propose a motto.", kind: .writeIn, options: options,
                minimumSelections: minimum, maximumSelections: 1, rule: .simpleMajority, maximumWriteInBytes: bytes)
    }

    private func expectError(_ code: ElectionError.Code, naming words: [String], _ body: () throws -> Void) {
        #expect {
            try body()
        } throws: { error in
            guard let error = error as? ElectionError else { return false }
            return error.code == code && words.allSatisfy(error.message.contains)
        }
    }

    @Test("valid ranked and write-in contests pass")
    func valid() throws {
        try ranked(method: .instantRunoff).validate()
        try ranked(method: .schulze, minimum: 2, maximum: 2).validate()
        try ranked(method: .stv, seats: 2).validate()
        try writeIn(bytes: 30).validate()
        try writeIn(bytes: 64, options: candidates, minimum: 1).validate()
    }

    @Test("each missing or misplaced field is named with its contest")
    func rejections() {
        expectError(.missing, naming: ["\"board\"", "method"]) { try ranked(method: nil).validate() }
        expectError(.missing, naming: ["\"board\"", "seats"]) { try ranked(method: .stv).validate() }
        expectError(.outOfRange, naming: ["\"board\"", "seats 4"]) { try ranked(method: .stv, seats: 4).validate() }
        expectError(.outOfRange, naming: ["\"board\"", "seats 0"]) { try ranked(method: .stv, seats: 0).validate() }
        expectError(.kindMismatch, naming: ["\"board\"", "seats", "instant-runoff"]) {
            try ranked(method: .instantRunoff, seats: 1).validate()
        }
        expectError(.outOfRange, naming: ["\"board\"", "minimumSelections"]) {
            try ranked(method: .schulze, minimum: 0).validate()
        }
        expectError(.outOfRange, naming: ["\"board\"", "1 to 4 of 3"]) {
            try ranked(method: .schulze, maximum: 4).validate()
        }
        expectError(.missing, naming: ["\"motto\"", "maximumWriteInBytes"]) { try writeIn(bytes: nil).validate() }
        expectError(.outOfRange, naming: ["\"motto\"", "maximumWriteInBytes 0"]) { try writeIn(bytes: 0).validate() }
        expectError(.outOfRange, naming: ["\"motto\"", "1025"]) { try writeIn(bytes: 1_025).validate() }
        expectError(.kindMismatch, naming: ["\"motto\"", "write-in"]) { try writeIn(bytes: 8, minimum: 2).validate() }
        let chooseWithMethod = Contest(id: "pick", question: "?", kind: .choose, options: candidates,
                                       minimumSelections: 1, maximumSelections: 1, rule: .simpleMajority,
                                       method: .schulze)
        expectError(.kindMismatch, naming: ["\"pick\"", "method"]) { try chooseWithMethod.validate() }
        let rankedWithBytes = Contest(id: "board", question: "?", kind: .ranked, options: candidates,
                                      minimumSelections: 1, maximumSelections: 3, rule: .simpleMajority,
                                      method: .schulze, maximumWriteInBytes: 8)
        expectError(.kindMismatch, naming: ["\"board\"", "maximumWriteInBytes"]) { try rankedWithBytes.validate() }
    }

    @Test("a manifest's write-in limit must fit the group's capacity")
    func groupCapacity() throws {
        func manifest(_ group: String, bytes: Int) -> ElectionManifest {
            ElectionManifest(electionID: "e1", title: "Vote", contests: [writeIn(bytes: bytes)],
                             weightFunction: .onePerVoter, opens: 1, closes: 2, trustees: 1, threshold: 1,
                             group: group)
        }
        try manifest("p256", bytes: 30).validate()
        try manifest("ristretto255", bytes: 28).validate()
        try manifest("integer-4096", bytes: 1_024).validate()
        expectError(.outOfRange, naming: ["\"motto\"", "maximumWriteInBytes 31", "30 bytes", "p256"]) {
            try manifest("p256", bytes: 31).validate()
        }
        expectError(.outOfRange, naming: ["\"motto\"", "29", "28 bytes", "ristretto255"]) {
            try manifest("ristretto255", bytes: 29).validate()
        }
    }

    @Test("a manifest's number of mixers lies between the threshold and the trustees; absent, it is the threshold")
    func mixers() throws {
        func manifest(mixers: Int?) -> ElectionManifest {
            ElectionManifest(electionID: "e1", title: "Vote", contests: [writeIn(bytes: 8)],
                             weightFunction: .onePerVoter, opens: 1, closes: 2, trustees: 5, threshold: 3,
                             group: "p256", mixers: mixers)
        }
        #expect(manifest(mixers: nil).shuffleCount == 3)
        for count in 3...5 {
            try manifest(mixers: count).validate()
            #expect(manifest(mixers: count).shuffleCount == count)
        }
        for count in [0, 2, 6] {
            expectError(.outOfRange, naming: ["mixers \(count)", "threshold 3", "5 trustees"]) {
                try manifest(mixers: count).validate()
            }
        }
        let json = try JSONEncoder().encode(manifest(mixers: nil))
        #expect(!String(decoding: json, as: UTF8.self).contains("mixers"), "an absent count is not written")
        #expect(try JSONDecoder().decode(ElectionManifest.self, from: JSONEncoder().encode(manifest(mixers: 4)))
            .mixers == 4)
    }

    @Test("a manifest written before the new fields decodes and encodes unchanged")
    func oldManifest() throws {
        let json = #"{"id":"budget","kind":"referendum","maximumSelections":1,"minimumSelections":1,"#
            + #""options":[{"id":"yes","text":"Yes"},{"id":"no","text":"No"}],"question":"Adopt the budget?","#
            + #""rule":{"quorum":{"denominator":4,"numerator":1},"strict":true,"#
            + #""threshold":{"denominator":2,"numerator":1}}}"#
        let contest = try JSONDecoder().decode(Contest.self, from: Data(json.utf8))
        #expect(contest.method == nil && contest.seats == nil && contest.maximumWriteInBytes == nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(contest), as: UTF8.self) == json)
    }

    @Test("the new kinds and fields round-trip through JSON")
    func coding() throws {
        for contest in [ranked(method: .stv, seats: 2), writeIn(bytes: 30)] {
            let data = try JSONEncoder().encode(contest)
            #expect(try JSONDecoder().decode(Contest.self, from: data) == contest)
        }
        let text = String(decoding: try JSONEncoder().encode(writeIn(bytes: 30)), as: UTF8.self)
        #expect(text.contains(#""kind":"write-in""#) && text.contains(#""maximumWriteInBytes":30"#))
        let stv = String(decoding: try JSONEncoder().encode(ranked(method: .instantRunoff)), as: UTF8.self)
        #expect(stv.contains(#""method":"instant-runoff""#))
    }

    @Test("the homomorphic tally refuses ranked and write-in contests with a clear error")
    func homomorphicTally() throws {
        expectError(.kindMismatch, naming: ["contest \"board\" of kind ranked needs the mixnet tally"]) {
            _ = try ContestDecision(contest: ranked(method: .schulze), votes: [1, 2, 3], turnoutWeight: 6,
                                    eligibleWeight: 6)
        }
        expectError(.kindMismatch, naming: ["contest \"motto\" of kind write-in needs the mixnet tally"]) {
            _ = try ContestDecision(contest: writeIn(bytes: 30), votes: [], turnoutWeight: 6, eligibleWeight: 6)
        }
        #expect(Contest.referendum(id: "r", question: "?", rule: .simpleMajority).isHomomorphicallyTallied)
    }
}
