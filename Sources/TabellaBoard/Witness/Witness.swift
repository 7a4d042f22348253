import TabellaGroups

/// A c2sp.org/tlog-witness witness: it cosigns a log's checkpoint only after checking that it extends the last
/// checkpoint it cosigned for that log, and it keeps the evidence when a log shows it two views that cannot both
/// be true (a fork).
public actor Witness {
    /// The answer to an `add-checkpoint` request, with the HTTP status the protocol assigns.
    public enum Response: Sendable, Equatable {
        /// 200: the cosignature lines.
        case cosigned(String)
        /// 400: a malformed request, or an old size above the checkpoint's.
        case badRequest(String)
        /// 403: no valid signature from the log's key, or a bad one.
        case forbidden(String)
        /// 404: a log the witness does not know.
        case unknownLog(String)
        /// 409: the old size is not the size last cosigned; the body is that size.
        case conflict(UInt64)
        /// 422: a proof that does not verify, a size-0 checkpoint with another root, a same-size other root.
        case unprocessable(String)
        /// 503: the witness could not persist its state.
        case unavailable(String)

        /// The HTTP status code.
        public var status: Int {
            switch self {
            case .cosigned: 200
            case .badRequest: 400
            case .forbidden: 403
            case .unknownLog: 404
            case .conflict: 409
            case .unprocessable: 422
            case .unavailable: 503
            }
        }
    }

    /// Two signed checkpoints of one log that no consistency proof can join: proof that the log forked.
    public struct Fork: Sendable, Hashable {
        /// The log's origin.
        public let origin: String
        /// The checkpoint the witness had cosigned.
        public let cosigned: String
        /// The validly signed checkpoint that does not extend it.
        public let conflicting: String
        /// Why they do not fit together.
        public let reason: String
    }

    private let cosigner: CosignatureSigner
    private let logs: [String: [any NoteVerifier]]
    private let state: WitnessState
    /// Forks seen since the witness started.
    public private(set) var forks: [Fork] = []

    /// A witness signing with `cosigner`, trusting each origin's keys, keeping its state in `state`.
    public init(cosigner: CosignatureSigner, logs: [String: [any NoteVerifier]], state: WitnessState) {
        self.cosigner = cosigner
        self.logs = logs
        self.state = state
    }

    /// The witness's verifier key.
    public nonisolated var verifier: CosignatureVerifier { cosigner.verifier }

    /// Handles an `add-checkpoint` body: `old N`, proof lines, a blank line, the checkpoint.
    public func addCheckpoint(_ body: String) -> Response {
        guard let split = body.range(of: "\n\n") else { return .badRequest("no blank line before the checkpoint") }
        let header = body[..<split.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        guard let oldLine = header.first, oldLine.hasPrefix("old "), let old = UInt64(oldLine.dropFirst(4)),
            oldLine == "old \(old)"
        else { return .badRequest("the first line is not `old N`") }
        guard header.count - 1 <= 63 else { return .badRequest("more than 63 consistency proof lines") }
        var proof = [[UInt8]]()
        for line in header.dropFirst() {
            guard let hash = Base64.decode(line), hash.count == MerkleHash.byteCount else {
                return .badRequest("a consistency proof line is not a base64 hash")
            }
            proof.append(hash)
        }
        return add(old: old, proof: proof, note: String(body[split.upperBound...]))
    }

    /// Checks and cosigns a checkpoint given the size the submitter believes the witness has, and a consistency
    /// proof from that size (the checks of tlog-witness `add-checkpoint`, in its order).
    public func add(old: UInt64, proof: [[UInt8]], note text: String) -> Response {
        let note: SignedNote
        let checkpoint: Checkpoint
        do {
            note = try SignedNote(parsing: text)
            checkpoint = try Checkpoint(text: note.text)
        } catch { return .badRequest(error.message) }
        guard let keys = logs[checkpoint.origin] else { return .unknownLog("unknown log `\(checkpoint.origin)`") }
        do { try note.verify(keys) } catch { return .forbidden(error.message) }
        guard old <= checkpoint.size else {
            return .badRequest("old size \(old) is above the checkpoint's size \(checkpoint.size)")
        }
        let latest: WitnessState.Record?
        do { latest = try state.latest(origin: checkpoint.origin) } catch {
            return .unavailable(error.message)
        }
        guard old == latest?.size ?? 0 else { return .conflict(latest?.size ?? 0) }
        guard checkpoint.size > 0 || checkpoint.rootHash == MerkleHash.empty else {
            return .unprocessable("a checkpoint of size 0 must have the empty tree's root")
        }
        if let latest, old > 0 {
            do {
                try MerkleTree.verifyConsistency(
                    oldSize: old, newSize: checkpoint.size, proof: proof, oldRoot: latest.rootHash,
                    newRoot: checkpoint.rootHash)
            } catch {
                forks.append(
                    Fork(
                        origin: checkpoint.origin, cosigned: latest.note, conflicting: text, reason: error.message))
                return .unprocessable("not consistent with the cosigned size \(old): \(error.message)")
            }
        } else if !proof.isEmpty {
            return .unprocessable("a consistency proof from size 0 must be empty")
        }
        var cosigned = note
        cosigned.signatures = cosigned.signatures.filter { signature in
            keys.contains { $0.keyName == signature.keyName && $0.keyID == signature.keyID }
        }
        cosigned.sign(with: cosigner)
        do {
            try state.store(
                WitnessState.Record(
                    origin: checkpoint.origin, size: checkpoint.size, rootHash: checkpoint.rootHash,
                    note: cosigned.serialized))
        } catch { return .unavailable(error.message) }
        return .cosigned(cosigned.signatures.last!.line)
    }

    /// The latest checkpoint cosigned for the log whose origin hashes (SHA-256, lower-case hex) to `originHash`,
    /// with the log's and the witness's signatures.
    public func checkpoint(originHash: String) throws(BoardError) -> String? {
        for origin in logs.keys where Hex.encode(Digest.sha256.hash(Array(origin.utf8))) == originHash {
            return try state.latest(origin: origin)?.note
        }
        return nil
    }
}

extension Witness {
    /// The size last cosigned for `origin` (0 if none).
    public func cosignedSize(origin: String) throws(BoardError) -> UInt64 {
        try state.latest(origin: origin)?.size ?? 0
    }

    /// Fetches a board's latest checkpoint and a consistency proof from the size last cosigned, and cosigns it
    /// if it extends that (the witness pulling instead of the log pushing).
    public func follow(_ board: BoardClient, origin: String) async throws(BoardError) -> Response {
        let note = try await board.checkpoint()
        let checkpoint = try Checkpoint(text: SignedNote(parsing: note).text)
        guard checkpoint.origin == origin else {
            return .forbidden("the board at \(board.baseURL) serves log `\(checkpoint.origin)`, not `\(origin)`")
        }
        guard let keys = logs[origin] else { return .unknownLog("unknown log `\(origin)`") }
        do { try SignedNote(parsing: note).verify(keys) } catch { return .forbidden(error.message) }
        let old = try cosignedSize(origin: origin)
        guard checkpoint.size >= old else {
            let cosigned = try state.latest(origin: origin)?.note ?? ""
            let reason = "the log went back from size \(old) to \(checkpoint.size)"
            forks.append(Fork(origin: origin, cosigned: cosigned, conflicting: note, reason: reason))
            return .unprocessable(reason)
        }
        let proof =
            old == 0 || old == checkpoint.size
            ? [] : try await board.consistencyProof(from: old, to: checkpoint.size)
        return add(old: old, proof: proof, note: note)
    }
}
