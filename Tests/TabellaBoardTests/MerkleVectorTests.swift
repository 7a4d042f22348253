import Foundation
import TabellaBoard
import TabellaGroups
import Testing

/// The RFC 6962 vectors of transparency-dev/merkle (Vectors/merkle): every case, the failing ones included.
@Suite struct MerkleVectorTests {
    struct InclusionCase: Decodable {
        let leafIdx: UInt64
        let treeSize: UInt64
        let root: String
        let leafHash: String
        let proof: [String]?
        let desc: String
        let wantErr: Bool
    }

    struct ConsistencyCase: Decodable {
        let size1: UInt64
        let size2: UInt64
        let root1: String
        let root2: String
        let proof: [String]?
        let desc: String
        let wantErr: Bool
    }

    struct ReferenceTree: Decodable {
        let leaf_inputs: [String]
        let root_hashes_by_size: [String]
    }

    @Test func inclusionVectors() throws {
        let files = vectorFiles("merkle/inclusion")
        #expect(files.count >= 70)
        for file in files {
            let vector = try JSONDecoder().decode(InclusionCase.self, from: Data(contentsOf: file))
            var failure: BoardError?
            do {
                try MerkleTree.verifyInclusion(
                    leafHash: base64(vector.leafHash), index: vector.leafIdx, size: vector.treeSize,
                    proof: (vector.proof ?? []).map(base64), root: base64(vector.root))
            } catch { failure = error }
            #expect((failure != nil) == vector.wantErr, "\(file.path): \(vector.desc) \(String(describing: failure))")
        }
    }

    @Test func consistencyVectors() throws {
        let files = vectorFiles("merkle/consistency")
        #expect(files.count >= 90)
        for file in files {
            let vector = try JSONDecoder().decode(ConsistencyCase.self, from: Data(contentsOf: file))
            var failure: BoardError?
            do {
                try MerkleTree.verifyConsistency(
                    oldSize: vector.size1, newSize: vector.size2, proof: (vector.proof ?? []).map(base64),
                    oldRoot: base64(vector.root1), newRoot: base64(vector.root2))
            } catch { failure = error }
            #expect((failure != nil) == vector.wantErr, "\(file.path): \(vector.desc) \(String(describing: failure))")
        }
    }

    private func referenceTree() throws -> ReferenceTree {
        let url = vectorsDirectory().appendingPathComponent("merkle/reference-tree.json")
        return try JSONDecoder().decode(ReferenceTree.self, from: Data(contentsOf: url))
    }

    @Test func referenceRootsFromStoredNodes() async throws {
        let reference = try referenceTree()
        let leaves = reference.leaf_inputs.map { Hex.decode($0)! }
        let source = MemoryNodes(leaves: leaves)
        #expect(reference.root_hashes_by_size.count == leaves.count + 1)
        for (size, expected) in reference.root_hashes_by_size.enumerated() {
            let root = try await source.root(size: UInt64(size))
            #expect(Hex.encode(root) == expected, "root of size \(size)")
        }
        #expect(Hex.encode(source.edge.root) == reference.root_hashes_by_size.last)
    }

    @Test func generatedProofsVerifyAgainstReferenceRoots() async throws {
        let reference = try referenceTree()
        let leaves = reference.leaf_inputs.map { Hex.decode($0)! }
        let roots = reference.root_hashes_by_size.map { Hex.decode($0)! }
        let source = MemoryNodes(leaves: leaves)
        for size in 1...UInt64(leaves.count) {
            for index in 0..<size {
                let proof = try await source.inclusionProof(index: index, size: size)
                try MerkleTree.verifyInclusion(
                    leafHash: MerkleHash.leaf(leaves[Int(index)]), index: index, size: size, proof: proof,
                    root: roots[Int(size)])
                #expect(throws: BoardError.self) {
                    try MerkleTree.verifyInclusion(
                        leafHash: MerkleHash.leaf([0xff]), index: index, size: size, proof: proof,
                        root: roots[Int(size)])
                }
            }
            for oldSize in 1...size {
                let proof = try await source.consistencyProof(from: oldSize, to: size)
                try MerkleTree.verifyConsistency(
                    oldSize: oldSize, newSize: size, proof: proof, oldRoot: roots[Int(oldSize)],
                    newRoot: roots[Int(size)])
            }
        }
    }

    @Test func proofsOfALargerTreeMatchItsRoots() async throws {
        let leaves = (0..<1000).map { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        let source = MemoryNodes(leaves: leaves)
        for (index, size) in [(0, 1), (5, 6), (511, 512), (512, 513), (999, 1000), (123, 777)] as [(UInt64, UInt64)] {
            let root = try await source.root(size: size)
            let proof = try await source.inclusionProof(index: index, size: size)
            try MerkleTree.verifyInclusion(
                leafHash: MerkleHash.leaf(leaves[Int(index)]), index: index, size: size, proof: proof, root: root)
        }
        for (oldSize, newSize) in [(1, 1000), (256, 257), (300, 999), (999, 1000)] as [(UInt64, UInt64)] {
            let proof = try await source.consistencyProof(from: oldSize, to: newSize)
            try MerkleTree.verifyConsistency(
                oldSize: oldSize, newSize: newSize, proof: proof,
                oldRoot: try await source.root(size: oldSize), newRoot: try await source.root(size: newSize))
        }
    }

    @Test func proofRequestsOutOfRangeAreRefused() {
        #expect(throws: BoardError.self) { try MerkleTree.inclusionRanges(index: 5, size: 5) }
        #expect(throws: BoardError.self) { try MerkleTree.consistencyRanges(from: 0, to: 5) }
        #expect(throws: BoardError.self) { try MerkleTree.consistencyRanges(from: 6, to: 5) }
    }

    @Test func aMissingStoredNodeIsReportedAsCorruption() async {
        var source = MemoryNodes(leaves: [[1], [2], [3]])
        source.nodes[NodeID(level: 1, index: 0)] = nil
        await #expect(throws: BoardError.self) { try await source.root(size: 3) }
    }
}
