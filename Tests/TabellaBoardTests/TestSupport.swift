import Foundation
import TabellaBoard
import TabellaTestSupport
import Testing

/// The repository's `Vectors/` folder, found by walking up from this file.
func vectorsDirectory(_ file: String = #filePath) -> URL {
    var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
    while directory.path != "/" {
        let candidate = directory.appendingPathComponent("Vectors")
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("SOURCES.md").path) {
            return candidate
        }
        directory.deleteLastPathComponent()
    }
    fatalError("no Vectors/ folder above \(file)")
}

/// All JSON files below a folder of `Vectors/`, sorted by path.
func vectorFiles(_ relativePath: String) -> [URL] {
    let root = vectorsDirectory().appendingPathComponent(relativePath)
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
    return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
}

/// Bytes from standard base64, failing the test run on bad text.
func base64(_ text: String) -> [UInt8] {
    guard let data = Data(base64Encoded: text) else { fatalError("bad base64 in a vector: \(text)") }
    return [UInt8](data)
}

/// A node source over a dictionary, built by appending leaves: the reference for storage-backed sources.
struct MemoryNodes: NodeSource {
    var nodes = [NodeID: [UInt8]]()
    var edge = CompactRange()

    init(leaves: [[UInt8]]) {
        for leaf in leaves {
            for node in edge.append(leafHash: MerkleHash.leaf(leaf)) { nodes[node.id] = node.hash }
        }
    }

    func hashes(of ids: [NodeID]) async throws(BoardError) -> [[UInt8]?] {
        ids.map { nodes[$0] }
    }
}

/// A fresh temporary directory (removed with the test process's scratch folder at the latest).
func temporaryDirectory() -> URL {
    ScratchDirectory.make("tabella-board")
}

/// A storage backend the shared storage tests run against.
struct StorageBackend: Sendable, CustomTestStringConvertible {
    let name: String
    /// Opens a fresh, empty storage; calling `reopen` on the result opens the same database again.
    let open:
        @Sendable () async throws -> (storage: any BoardStorage, reopen: @Sendable () async throws -> any BoardStorage)

    var testDescription: String { name }

    static let sqlite = StorageBackend(name: "SQLite") {
        let path = temporaryDirectory().appendingPathComponent("board.sqlite").path
        return (try SQLiteStorage(path: path), { try SQLiteStorage(path: path) })
    }
}

/// Entry records with distinct identities, as a board would store them.
func records(_ range: Range<Int>, tag: String = "") -> [EntryRecord] {
    range.map { index in
        let leaf = Array("leaf \(tag)\(index)".utf8)
        return EntryRecord(id: MerkleHash.leaf(Array("id \(tag)\(index)".utf8)), leaf: leaf)
    }
}

/// A checkpoint signer for tests: the checkpoint text of size and root, unsigned.
let plainCheckpoint: @Sendable (UInt64, [UInt8]) -> String = { size, root in
    Checkpoint(origin: "test.example/log", size: size, rootHash: root).text
}
