import Foundation

/// Writes a board's checkpoint, hash tiles and entry bundles as files at their c2sp.org/tlog-tiles paths, so that
/// a static file server can serve a closed election's board.
public struct TileExporter: Sendable {
    /// The board exported.
    public let client: BoardClient

    /// An exporter of the board behind `client`.
    public init(client: BoardClient) { self.client = client }

    /// The tiles (and, with level `nil`, entry bundles) a tree of `size` entries has.
    public static func tiles(size: UInt64) -> [TilePath] {
        var paths = [TilePath]()
        var level = 0
        var count = size
        while count > 0 {
            for index in 0..<count / 256 {
                paths.append(TilePath(level: level, index: index))
                if level == 0 { paths.append(TilePath(level: nil, index: index)) }
            }
            if count % 256 > 0 {
                paths.append(TilePath(level: level, index: count / 256, width: Int(count % 256)))
                if level == 0 { paths.append(TilePath(level: nil, index: count / 256, width: Int(count % 256))) }
            }
            level += 1
            count >>= 8
        }
        return paths
    }

    /// Exports the tree of the latest checkpoint (verified with `logKeys`) into `directory`; returns the checkpoint.
    ///
    /// - Throws: ``BoardError`` from the board, or `storageUnavailable` when a file cannot be written.
    @discardableResult
    public func export(
        to directory: URL, logKeys: [any NoteVerifier], origin: String,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws(BoardError) -> Checkpoint {
        let (checkpoint, note) = try await client.checkpoint(logKeys: logKeys, origin: origin)
        for path in Self.tiles(size: checkpoint.size) {
            try write(try await client.tile(path), to: directory.appendingPathComponent(path.path))
            progress(1)
        }
        try write(Array(note.serialized.utf8), to: directory.appendingPathComponent("checkpoint"))
        return checkpoint
    }

    private func write(_ bytes: [UInt8], to url: URL) throws(BoardError) {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        } catch { throw BoardError(.storageUnavailable, "could not write \(url.path): \(error)") }
    }
}
