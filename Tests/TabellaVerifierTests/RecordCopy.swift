import Foundation
import TabellaTestSupport
import TabellaVerifier
import Testing

/// A temporary copy of the shared ElectionGuard 2.0 record, to be altered by a test.
struct RecordCopy {
    /// The copy's directory.
    let directory: URL

    /// The folder of the ballots inside the record.
    static let ballots = "encrypted_ballots/runWorkflowAllAvailableJson"

    /// Copies `Vectors/electionguard-2.0/allAvailableJson` into a new temporary directory.
    init() throws {
        let source = VectorFiles.url("electionguard-2.0/allAvailableJson")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tabella-record-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: directory)
    }

    /// Copies another record's directory into a new temporary directory.
    init(of other: RecordCopy) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tabella-record-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: other.directory, to: directory)
    }

    /// Removes the copy.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The text of a file of the copy.
    func text(_ file: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    }

    /// Replaces a file's text.
    func write(_ file: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(file))
    }

    /// The string value of the `occurrence`-th (0-based) field named `key` in `file`.
    func value(_ file: String, key: String, occurrence: Int = 0) throws -> String {
        let text = try text(file)
        let range = try valueRange(in: text, key: key, occurrence: occurrence)
        return String(text[range])
    }

    /// Replaces the string value of the `occurrence`-th field named `key` in `file`.
    func replace(_ file: String, key: String, occurrence: Int = 0, with transform: (String) -> String) throws {
        var text = try text(file)
        let range = try valueRange(in: text, key: key, occurrence: occurrence)
        text.replaceSubrange(range, with: transform(String(text[range])))
        try write(file, text)
    }

    /// Deletes every ballot file but `keep`.
    func keepOnlyBallot(_ keep: String) throws {
        let folder = directory.appendingPathComponent(Self.ballots)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != keep {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Deletes every ballot and the encrypted tally, leaving the election and the decrypted tally.
    func keepOnlyDecryptedTally() throws {
        try FileManager.default.removeItem(at: directory.appendingPathComponent("encrypted_ballots"))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("encrypted_tally.json"))
    }

    /// Replaces the first occurrence of `old` in `file` with `new`.
    func replaceText(_ file: String, _ old: String, _ new: String) throws {
        let text = try text(file)
        guard let range = text.range(of: old) else { throw CopyError(description: "\(old) is not in \(file)") }
        try write(file, text.replacingCharacters(in: range, with: new))
    }

    private func valueRange(in text: String, key: String, occurrence: Int) throws -> Range<String.Index> {
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0...occurrence {
            guard let keyRange = text.range(of: "\"\(key)\": \"", range: searchStart..<text.endIndex) else {
                throw CopyError(description: "field \(key) #\(occurrence) not found")
            }
            let end = text[keyRange.upperBound...].firstIndex(of: "\"")!
            found = keyRange.upperBound..<end
            searchStart = end
        }
        return found!
    }

    /// A failure to alter the copy as the test asked.
    struct CopyError: Error, CustomStringConvertible {
        let description: String
    }
}

extension String {
    /// The hexadecimal string with its last digit changed.
    var flippingLastDigit: String {
        String(dropLast()) + (last == "0" ? "1" : "0")
    }
}

extension RecordCopy {
    /// Verifies the copy and expects it invalid, its first failure at `step` (or one of its conditions, `step.X`)
    /// in `file`, and every condition of `alsoFails` among the failures.
    @discardableResult
    func expectFirstFailure(step: String, file: String, alsoFails: [String] = [],
                            sourceLocation: SourceLocation = #_sourceLocation) async throws -> VerificationReport {
        let report = await ElectionGuard20Verifier.verify(directory: directory, jobs: 2)
        #expect(!report.isValid, sourceLocation: sourceLocation)
        let failure = try #require(report.firstFailure, sourceLocation: sourceLocation)
        #expect(failure.step == step || failure.step.hasPrefix(step + "."), "\(failure)", sourceLocation: sourceLocation)
        #expect(failure.file == file, "\(failure)", sourceLocation: sourceLocation)
        let failed = Set(report.steps.flatMap(\.failures).map(\.step))
        for condition in alsoFails {
            #expect(failed.contains(condition), "\(condition) in \(failed)", sourceLocation: sourceLocation)
        }
        return report
    }
}
