import Foundation

/// A board exported as static c2sp.org/tlog-tiles files (`tabella board export`): its checkpoint and its entries,
/// read from the entry bundles.
public enum ExportedBoard {
    /// Reads the `checkpoint` file and every entry up to its size.
    ///
    /// - Throws: ``BoardError`` `notFound` naming a missing file, `malformedEntry` or `malformedNote` for one that
    ///   does not parse. The checkpoint's signature is not checked here (the caller has the key).
    public static func read(directory: URL) throws(BoardError) -> (checkpoint: String, entries: [BoardEntry]) {
        let checkpointFile = directory.appendingPathComponent("checkpoint")
        guard let data = FileManager.default.contents(atPath: checkpointFile.path) else {
            throw BoardError(.notFound, "\(checkpointFile.path) is missing: not an exported board")
        }
        let text = String(decoding: data, as: UTF8.self)
        let size = try Checkpoint(text: try SignedNote(parsing: text).text).size
        var entries = [BoardEntry]()
        var bundle: UInt64 = 0
        while bundle * 256 < size {
            let width = Int(min(256, size - bundle * 256))
            let path = TilePath(level: nil, index: bundle, width: width).path
            guard let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else {
                throw BoardError(.notFound, "the entry bundle \(path) is missing")
            }
            let leaves = try EntryBundle.leaves(of: Array(bytes))
            guard leaves.count == width else {
                throw BoardError(.malformedEntry, "the entry bundle \(path) has \(leaves.count) entries, not \(width)")
            }
            for leaf in leaves { entries.append(try BoardEntry(decoding: leaf)) }
            bundle += 1
        }
        return (text, entries)
    }
}
