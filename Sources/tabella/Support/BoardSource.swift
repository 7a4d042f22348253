import Foundation
import TabellaBoard

/// A board to read whole: its URL (`http://…`), or a folder written by `tabella board export`.
enum BoardSource {
    /// The latest checkpoint and every entry up to its size.
    static func read(_ source: String) async throws -> (checkpoint: String, entries: [BoardEntry]) {
        if source.hasPrefix("http://") || source.hasPrefix("https://") {
            let client = BoardClient(baseURL: source)
            let checkpoint = try await client.checkpoint()
            let size = try Checkpoint(text: try SignedNote(parsing: checkpoint).text).size
            return (checkpoint, try await client.entries(from: 0, to: size))
        }
        return try ExportedBoard.read(directory: URL(fileURLWithPath: source))
    }
}
