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

    func validate() throws {
        try checkBoardURL(url, flag: "--url")
        _ = try verifier()
    }

    /// The board's checkpoint verifier.
    func verifier() throws -> any NoteVerifier { try parseVerifierKey(vkey, flag: "--vkey") }

    /// The board's latest checkpoint, verified.
    func latestCheckpoint() async throws -> (checkpoint: Checkpoint, note: SignedNote) {
        let verifier = try verifier()
        return try await client.checkpoint(logKeys: [verifier], origin: verifier.keyName)
    }
}

/// The text of a key given inline or as a file name.
func readKeyText(_ value: String) throws -> String {
    if FileManager.default.fileExists(atPath: value) {
        return try readTextFile(value, naming: "the key file").trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return value
}

/// Prints `value` as pretty, sorted JSON.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// A verifier key given on the command line inline or as a file holding it; an error names `flag`.
func parseVerifierKey(_ value: String, flag: String) throws -> any NoteVerifier {
    let text = try readKeyText(value)
    do { return try VerifierKey.parse(text) } catch { throw ValidationError("\(flag): \(error.message)") }
}

/// The check of a board's URL option (`--url`, `--board`): an http or https URL with a host.
func checkBoardURL(_ text: String, flag: String) throws {
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
          let host = url.host, !host.isEmpty
    else { throw ValidationError("\(flag): `\(text)` is not an http:// or https:// URL with a host") }
}

/// The check of a `--port` option: 0 (any free port) to 65535.
func checkPort(_ port: Int) throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port: \(port) is not a port (0 to 65535)") }
}

/// The check of an `--interval` option: a positive, finite number of seconds.
func checkInterval(_ seconds: Double) throws {
    guard seconds.isFinite, seconds > 0 else {
        throw ValidationError("--interval: \(seconds) is not a positive number of seconds")
    }
}
