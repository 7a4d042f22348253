/// A c2sp.org/tlog-checkpoint: the note text naming a log (origin), its size and its root hash.
public struct Checkpoint: Sendable, Hashable {
    /// The log's identity, e.g. `board.example.org/election-2027`.
    public let origin: String
    /// The number of leaves.
    public let size: UInt64
    /// The RFC 6962 root hash of the first `size` leaves.
    public let rootHash: [UInt8]
    /// Optional extension lines (Tabella writes none).
    public let extensions: [String]

    /// A checkpoint of `origin` at `size` with `rootHash`.
    public init(origin: String, size: UInt64, rootHash: [UInt8], extensions: [String] = []) {
        precondition(!origin.isEmpty && !origin.contains("\n"), "an origin is one non-empty line")
        precondition(rootHash.count == MerkleHash.byteCount, "a root hash has 32 bytes")
        precondition(extensions.allSatisfy { !$0.isEmpty && !$0.contains("\n") }, "extension lines are non-empty")
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensions = extensions
    }

    /// Reads a checkpoint's note text.
    ///
    /// - Throws: ``BoardError`` `malformedNote` naming the line that is wrong.
    public init(text: String) throws(BoardError) {
        guard text.hasSuffix("\n") else { throw BoardError(.malformedNote, "the checkpoint does not end in a newline") }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3 else {
            throw BoardError(.malformedNote, "a checkpoint has at least 3 lines, this one \(lines.count)")
        }
        guard !lines[0].isEmpty else { throw BoardError(.malformedNote, "the checkpoint's origin line is empty") }
        let sizeLine = lines[1]
        guard let size = UInt64(sizeLine), sizeLine.allSatisfy(\.isASCII),
            sizeLine == "0" || !sizeLine.hasPrefix("0")
        else {
            throw BoardError(.malformedNote, "the checkpoint's size line `\(sizeLine)` is not a decimal size")
        }
        guard let root = Base64.decode(lines[2]), root.count == MerkleHash.byteCount else {
            throw BoardError(.malformedNote, "the checkpoint's root line is not the base64 of 32 bytes")
        }
        guard lines.dropFirst(3).allSatisfy({ !$0.isEmpty }) else {
            throw BoardError(.malformedNote, "the checkpoint has an empty extension line")
        }
        origin = String(lines[0])
        self.size = size
        rootHash = root
        extensions = lines.dropFirst(3).map(String.init)
    }

    /// The note text: origin, size, base64 root, extension lines, each ending in a newline.
    public var text: String {
        ([origin, String(size), Base64.encode(rootHash)] + extensions).map { $0 + "\n" }.joined()
    }

    /// Reads a signed checkpoint and checks it against the log's keys (and any cosigner keys given).
    ///
    /// - Returns: the checkpoint, the note, and the signatures that verified.
    /// - Throws: ``BoardError`` `malformedNote`, `unknownKey` or `badSignature` as ``SignedNote/verify(_:)``
    ///   says, or `unknownKey` when no signature is by a key named like the origin.
    public static func open(
        _ note: String, logKeys: [any NoteVerifier], origin: String? = nil
    )
        throws(BoardError) -> (checkpoint: Checkpoint, note: SignedNote)
    {
        let signed = try SignedNote(parsing: note)
        let checkpoint = try Checkpoint(text: signed.text)
        if let origin, checkpoint.origin != origin {
            throw BoardError(.unknownKey, "the checkpoint is of log `\(checkpoint.origin)`, not `\(origin)`")
        }
        try signed.verify(logKeys)
        return (checkpoint, signed)
    }
}
