import Foundation
import FuzzSupport
import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaVerifier

/// The targets of `tabella-fuzz-board`: the board's and the witnesses' text and binary formats.
enum BoardTargets {
    static let all: [FuzzTarget] = [entry, entryJSON, signedNote, checkpoint, tlogProof, noteKey, witnessEndpoint,
                                    decisionNote]

    /// The log key the note targets check signatures with, and its signer for the seeds.
    static let signer = Ed25519NoteSigner(name: "fuzz.example/board", privateKey: Ed25519.PrivateKey())

    /// A witness's cosigning key.
    static let witness = CosignatureSigner(name: "fuzz.example/witness", privateKey: Ed25519.PrivateKey()) {
        1_700_000_000
    }

    /// `BoardEntry(decoding:)`: an accepted entry encodes back to the input.
    static let entry = FuzzTarget(name: "board-entry", run: { input in
        guard let entry = try? BoardEntry(decoding: input) else { return }
        fuzzCheck(entry.encoded == input, "a board entry does not encode back to its input")
    }, seeds: {
        try Seeds.entries().map(\.encoded)
    })

    /// The HTTP API's JSON form of an entry, then the entry it describes (signature included).
    static let entryJSON = FuzzTarget(name: "entry-json", run: { input in
        guard let json = try? JSONDecoder().decode(EntryJSON.self, from: Data(input)) else { return }
        _ = try? json.entry()
    }, seeds: {
        try Seeds.entries().map { Array(try JSONEncoder().encode(EntryJSON($0, index: 3))) }
    })

    /// A c2sp.org/signed-note, its checkpoint body, and both signatures (log key and cosigner).
    static let signedNote = FuzzTarget(name: "signed-note", run: { input in
        guard let note = try? SignedNote(parsing: input) else { return }
        _ = try? Checkpoint(text: note.text)
        _ = try? Checkpoint.open(String(decoding: input, as: UTF8.self),
                                 logKeys: [signer.verifier, witness.verifier], origin: signer.keyName)
        for signature in note.signatures { _ = CosignatureVerifier.timestamp(of: signature.signature) }
    }, seeds: {
        [Array(Seeds.checkpoint(size: 5).utf8), Array(Seeds.cosigned(size: 5).utf8)]
    })

    /// A checkpoint's body: origin, size, root hash, extension lines.
    static let checkpoint = FuzzTarget(name: "checkpoint", run: { input in
        guard let checkpoint = try? Checkpoint(text: String(decoding: input, as: UTF8.self)) else { return }
        _ = checkpoint.text
    }, seeds: {
        [Array(Checkpoint(origin: "fuzz.example/board", size: 9, rootHash: [UInt8](repeating: 4, count: 32),
                          extensions: ["extra line"]).text.utf8)]
    })

    /// A c2sp.org/tlog-proof receipt, read and verified against the seeds' log key.
    static let tlogProof = FuzzTarget(name: "tlog-proof", run: { input in
        guard let proof = try? TlogProof(text: String(decoding: input, as: UTF8.self)) else { return }
        _ = try? proof.verify(leafHash: MerkleHash.leaf([0]), logKeys: [signer.verifier], origin: signer.keyName)
    }, seeds: {
        [Array(try Seeds.receipt().utf8)]
    })

    /// Verifier and signer key strings.
    static let noteKey = FuzzTarget(name: "note-key", run: { input in
        let text = String(decoding: input, as: UTF8.self)
        _ = try? VerifierKey.parse(text)
        _ = try? VerifierKey.parseSigner(text)
    }, seeds: {
        [Array(signer.verifier.verifierKey.utf8), Array(witness.verifier.verifierKey.utf8)]
    })

    /// A witness's configuration line: URL and cosigner key.
    static let witnessEndpoint = FuzzTarget(name: "witness-endpoint", run: { input in
        _ = try? WitnessEndpoint(parsing: String(decoding: input, as: UTF8.self))
    }, seeds: {
        [Array("https://witness.example/w \(witness.verifier.verifierKey)".utf8)]
    })

    /// An election's decision note.
    static let decisionNote = FuzzTarget(name: "decision-note", run: { input in
        guard let note = try? DecisionNote(text: String(decoding: input, as: UTF8.self)) else { return }
        _ = note.text
    }, seeds: {
        [Array(DecisionNote(election: "fuzz", board: "fuzz.example/board", logSize: 12,
                            logRoot: [UInt8](repeating: 1, count: 32), resultIndex: 11,
                            resultLeafHash: [UInt8](repeating: 2, count: 32), decisions: []).text.utf8)]
    })
}

/// Valid board values for the seeds.
enum Seeds {
    /// Two signed entries.
    static func entries() throws -> [BoardEntry] {
        let key = Ed25519.PrivateKey()
        return [
            try BoardEntry(type: "ballot", election: "fuzz", payload: Array("{\"salt\":\"00\"}".utf8), signedBy: key),
            try BoardEntry(type: "election-close", election: "fuzz", payload: [], signedBy: key),
        ]
    }

    /// A checkpoint of `size` equal leaves, signed by the log key.
    static func checkpoint(size: UInt64) -> String {
        var tree = CompactRange()
        for _ in 0..<size { _ = tree.append(leafHash: MerkleHash.leaf([0])) }
        var note = SignedNote(text: Checkpoint(origin: BoardTargets.signer.keyName, size: size,
                                               rootHash: tree.root).text)
        note.sign(with: BoardTargets.signer)
        return note.serialized
    }

    /// The same checkpoint, cosigned by the witness too.
    static func cosigned(size: UInt64) -> String {
        var note = (try? SignedNote(parsing: checkpoint(size: size))) ?? SignedNote(text: "")
        note.sign(with: BoardTargets.witness)
        return note.serialized
    }

    /// A receipt for leaf 2 of 5.
    static func receipt() throws -> String {
        let proof = try MerkleTree.inclusionRanges(index: 2, size: 5).map { range in
            var tree = CompactRange()
            for _ in range { _ = tree.append(leafHash: MerkleHash.leaf([0])) }
            return tree.root
        }
        return TlogProof(index: 2, proof: proof, checkpoint: checkpoint(size: 5)).text
    }
}
