import ArgumentParser
import Foundation
import TabellaBoard

/// The options every client command shares: which board, and the key its checkpoints must carry.
struct BoardTarget: ParsableArguments {
    @Option(help: "The board's URL, e.g. http://127.0.0.1:8080.")
    var url: String

    @Option(help: "The board's verifier key (name+keyid+base64), or a file holding it.")
    var vkey: String

    /// A client of the board.
    var client: BoardClient { BoardClient(baseURL: url) }

    /// The board's checkpoint verifier.
    func verifier() throws -> any NoteVerifier {
        try VerifierKey.parse(try readKeyText(vkey))
    }

    /// The board's latest checkpoint, verified.
    func latestCheckpoint() async throws -> (checkpoint: Checkpoint, note: SignedNote) {
        let verifier = try verifier()
        return try await client.checkpoint(logKeys: [verifier], origin: verifier.keyName)
    }
}

/// The text of a key given inline or as a file name.
func readKeyText(_ value: String) throws -> String {
    if FileManager.default.fileExists(atPath: value) {
        guard let text = try? String(contentsOfFile: value, encoding: .utf8) else {
            throw ValidationError("the key file \(value) cannot be read as UTF-8 text")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return value
}

/// Prints `value` as pretty, sorted JSON.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
