import Foundation
import TabellaBoard

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

    func hashes(of ids: [NodeID]) async throws(BoardError) -> [NodeID: [UInt8]] {
        var found = [NodeID: [UInt8]]()
        for id in ids { found[id] = nodes[id] }
        return found
    }
}
