/// A c2sp.org/tlog-proof: an entry's index, its inclusion proof and the signed checkpoint it leads to, as one
/// offline-verifiable text (the board's receipt for an entry).
public struct TlogProof: Sendable, Hashable {
    /// The first line of every proof.
    public static let header = "c2sp.org/tlog-proof@v1"

    /// The entry's index.
    public let index: UInt64
    /// The inclusion proof's hashes.
    public let proof: [[UInt8]]
    /// The signed checkpoint (with any cosignatures), verbatim.
    public let checkpoint: String
    /// Optional unauthenticated extra data.
    public let extra: [UInt8]?

    /// A proof of entry `index`.
    public init(index: UInt64, proof: [[UInt8]], checkpoint: String, extra: [UInt8]? = nil) {
        self.index = index
        self.proof = proof
        self.checkpoint = checkpoint
        self.extra = extra
    }

    /// The proof's text.
    public var text: String {
        var lines = [Self.header]
        if let extra { lines.append("extra " + Base64.encode(extra)) }
        lines.append("index \(index)")
        lines += proof.map { Base64.encode($0) }
        return lines.map { $0 + "\n" }.joined() + "\n" + checkpoint
    }

    /// Reads a proof's text.
    ///
    /// - Throws: ``BoardError`` `malformedNote` naming the line that is wrong.
    public init(text: String) throws(BoardError) {
        guard let blank = text.range(of: "\n\n") else {
            throw BoardError(.malformedNote, "the proof has no blank line before its checkpoint")
        }
        var lines = text[..<blank.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(Self.header) else {
            throw BoardError(.malformedNote, "the proof does not start with `\(Self.header)`")
        }
        var extra: [UInt8]?
        if let line = lines.first, line.hasPrefix("extra ") {
            guard let bytes = Base64.decode(line.dropFirst(6)) else {
                throw BoardError(.malformedNote, "the proof's extra line is not base64")
            }
            extra = bytes
            lines.removeFirst()
        }
        guard let indexLine = lines.popFirst(), indexLine.hasPrefix("index "),
            let index = UInt64(indexLine.dropFirst(6)), indexLine == "index \(index)"
        else {
            throw BoardError(.malformedNote, "the proof has no `index N` line")
        }
        var proof = [[UInt8]]()
        for line in lines {
            guard let hash = Base64.decode(line), hash.count == MerkleHash.byteCount else {
                throw BoardError(.malformedNote, "a proof line is not the base64 of a 32-byte hash")
            }
            proof.append(hash)
        }
        self.index = index
        self.proof = proof
        self.extra = extra
        checkpoint = String(text[blank.upperBound...])
    }

    /// Checks the proof for an entry with `leafHash`: the checkpoint must be signed by a log key (and carry
    /// whatever cosignatures the caller then counts among the returned signatures), and the inclusion proof
    /// must lead to its root.
    ///
    /// - Returns: the checkpoint and the signatures that verified.
    public func verify(
        leafHash: [UInt8], logKeys: [any NoteVerifier], origin: String
    )
        throws(BoardError) -> (checkpoint: Checkpoint, signatures: [NoteSignature])
    {
        let (checkpoint, note) = try Checkpoint.open(checkpoint, logKeys: logKeys, origin: origin)
        let signatures = try note.verify(logKeys)
        try MerkleTree.verifyInclusion(
            leafHash: leafHash, index: index, size: checkpoint.size, proof: proof, root: checkpoint.rootHash)
        return (checkpoint, signatures)
    }
}
