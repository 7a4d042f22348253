import ArgumentParser
import TabellaBoard

/// `tabella board get`: read entries.
struct BoardGet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Print entries as JSON (payloads in base64).")

    @Option(help: "The board's URL.")
    var url: String

    @Option(help: "The first entry's index.")
    var index: UInt64

    @Option(help: "How many entries.")
    var count: UInt64 = 1

    func run() async throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
        let entries = try await BoardClient(baseURL: url).entries(index..<index + count)
        try printJSON(EntryBatchJSON(entries: entries.enumerated().map { EntryJSON($1, index: index + UInt64($0)) }))
    }
}
