import TabellaCrypto

/// The JSON form of a board entry in the HTTP API: names as strings, bytes as standard base64.
///
///     {"type": "ballot", "election": "city-2027", "payload": "…", "signer": "…", "signature": "…"}
///
/// Read responses add `index` and `leafHash`.
public struct EntryJSON: Codable, Sendable, Hashable {
    /// The entry type.
    public var type: String
    /// The election identifier.
    public var election: String
    /// The payload, base64.
    public var payload: String
    /// The signer's 32-byte Ed25519 key, base64.
    public var signer: String
    /// The 64-byte signature, base64.
    public var signature: String
    /// The entry's index on the board (in read responses).
    public var index: UInt64?
    /// The entry's RFC 6962 leaf hash, base64 (in read responses).
    public var leafHash: String?

    /// The JSON form of `entry`, with its index when given.
    public init(_ entry: BoardEntry, index: UInt64? = nil) {
        type = entry.type
        election = entry.election
        payload = Base64.encode(entry.payload)
        signer = Base64.encode(entry.signer.bytes)
        signature = Base64.encode(entry.signature)
        self.index = index
        leafHash = index.map { _ in Base64.encode(MerkleHash.leaf(entry.encoded)) }
    }

    /// The entry this JSON describes.
    ///
    /// - Throws: ``BoardError`` `malformedEntry` naming the field that is not valid base64 or not a valid value.
    public func entry() throws(BoardError) -> BoardEntry {
        guard let payloadBytes = Base64.decode(payload) else {
            throw BoardError(.malformedEntry, "the payload is not base64")
        }
        guard let signerBytes = Base64.decode(signer), let key = try? SignerKeyCache.shared.key(signerBytes) else {
            throw BoardError(.malformedEntry, "the signer is not the base64 of a valid Ed25519 public key")
        }
        guard let signatureBytes = Base64.decode(signature) else {
            throw BoardError(.malformedEntry, "the signature is not base64")
        }
        return try BoardEntry(
            type: type, election: election, payload: payloadBytes, signer: key, signature: signatureBytes)
    }
}

/// The body of a batch append: `{"entries": [...]}`.
public struct EntryBatchJSON: Codable, Sendable {
    /// The entries, in the order they are to be appended.
    public var entries: [EntryJSON]

    /// A batch of entries.
    public init(entries: [EntryJSON]) { self.entries = entries }
}

/// The answer to an append: where the entries went and the checkpoint that covers them.
public struct AppendReceiptJSON: Codable, Sendable {
    /// The index of the first entry appended.
    public var index: UInt64
    /// How many entries were appended.
    public var count: Int
    /// The signed checkpoint of the commit.
    public var checkpoint: String

    /// A receipt.
    public init(index: UInt64, count: Int, checkpoint: String) {
        self.index = index
        self.count = count
        self.checkpoint = checkpoint
    }
}

/// An inclusion or consistency proof in JSON: the sizes, the index, and the hashes in base64.
///
///     {"index": 5, "size": 9, "proof": ["…", "…"]}
///
/// The server writes it with ``serialized(index:oldSize:size:proof:)`` and clients read it with `JSONDecoder`.
public struct ProofJSON: Decodable, Sendable {
    /// The leaf index (inclusion proofs).
    public var index: UInt64?
    /// The older tree size (consistency proofs).
    public var oldSize: UInt64?
    /// The tree size the proof is for.
    public var size: UInt64
    /// The proof's hashes, base64, in RFC 9162 order.
    public var proof: [String]

    /// A proof.
    public init(index: UInt64? = nil, oldSize: UInt64? = nil, size: UInt64, proof: [[UInt8]]) {
        self.index = index
        self.oldSize = oldSize
        self.size = size
        self.proof = proof.map { Base64.encode($0) }
    }

    /// The JSON text of a proof, written directly from its hashes: the server answers every proof request with
    /// one, and a general JSON encoder, or base64 strings made first and joined, cost more than reading the
    /// proof's hashes (base64 needs no escaping).
    public static func serialized(
        index: UInt64? = nil, oldSize: UInt64? = nil, size: UInt64, proof: [[UInt8]]
    ) -> [UInt8] {
        let quote = UInt8(ascii: "\"")
        var text = [UInt8]()
        text.reserveCapacity(64 + proof.count * (MerkleHash.byteCount * 4 / 3 + 4))
        text.append(UInt8(ascii: "{"))
        if let index { text += "\"index\":\(index),".utf8 }
        if let oldSize { text += "\"oldSize\":\(oldSize),".utf8 }
        text += "\"size\":\(size),\"proof\":[".utf8
        for (position, hash) in proof.enumerated() {
            if position > 0 { text.append(UInt8(ascii: ",")) }
            text.append(quote)
            Base64.append(hash, to: &text)
            text.append(quote)
        }
        text += "]}".utf8
        return text
    }

    /// The proof's hashes.
    ///
    /// - Throws: ``BoardError`` `invalidProof` when a hash is not base64.
    public func hashes() throws(BoardError) -> [[UInt8]] {
        try proof.map { text throws(BoardError) in
            guard let hash = Base64.decode(text) else { throw BoardError(.invalidProof, "a proof hash is not base64") }
            return hash
        }
    }
}

/// The JSON error body of the HTTP API: `{"error": {"code": "...", "message": "..."}}`.
public struct ErrorJSON: Codable, Sendable {
    /// The code and message.
    public struct Detail: Codable, Sendable {
        /// The stable code (``BoardError/Code``'s name).
        public var code: String
        /// What was wrong, for a person.
        public var message: String
    }

    /// The error.
    public var error: Detail

    /// The body of a board error.
    public init(_ error: BoardError) { self.error = Detail(code: error.code.name, message: error.message) }
}
