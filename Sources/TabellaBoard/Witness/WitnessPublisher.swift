import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// Pushes a board's checkpoints to its witnesses with c2sp.org/tlog-witness `add-checkpoint` and keeps the
/// cosignatures (c2sp.org/tlog-cosignature) they return, so that the board can serve a checkpoint that witnesses
/// vouch for.
///
/// It works in rounds: a round sends one checkpoint to every witness at once, each with a consistency proof from
/// the size that witness last cosigned (learnt from a `409 Conflict` when not yet known, then kept), and collects
/// the cosignatures that verify under each witness's key. When a round ends, the next one takes the board's
/// newest checkpoint: the checkpoints signed while a round was under way are skipped, so a busy board sends its
/// witnesses at most one request each at a time.
public actor WitnessPublisher: Service {
    private let board: Board
    private let witnesses: [WitnessEndpoint]
    private let http: HTTPClient
    private let logger: Logger
    private let timeout: TimeAmount
    private var knownSizes: [UInt64?]
    private var witnessed: String?

    /// A publisher of `board`'s checkpoints to `witnesses`, waiting at most `timeout` for each answer.
    public init(
        board: Board, witnesses: [WitnessEndpoint], httpClient: HTTPClient = .shared, logger: Logger,
        timeout: Duration = .seconds(10)
    ) {
        self.board = board
        self.witnesses = witnesses
        http = httpClient
        self.logger = logger
        self.timeout = TimeAmount(timeout)
        knownSizes = Array(repeating: nil, count: witnesses.count)
    }

    /// The checkpoint of the last round with the cosignatures it collected, or `nil` when that round collected
    /// none (or none has ended yet): the board then serves its latest checkpoint as it is.
    public var witnessedCheckpoint: String? { witnessed }

    /// Sends the board's latest checkpoint, then the newest one after each commit, until the board closes or the
    /// service is asked to shut down.
    public func run() async {
        let events = board.events.subscribe(bufferSize: 1)
        if let note = try? await board.head().checkpoint { await publish(note) }
        for await event in events.cancelOnGracefulShutdown() { await publish(event.checkpoint) }
    }

    /// One round: sends `note` to every witness and returns the cosignatures that verified, in witness order.
    @discardableResult
    public func publish(_ note: String) async -> [NoteSignature] {
        guard let signed = try? SignedNote(parsing: note), let checkpoint = try? Checkpoint(text: signed.text) else {
            logger.error("not a signed checkpoint, not sent to witnesses", metadata: ["checkpoint": "\(note)"])
            return []
        }
        let request = WitnessRequest(
            note: note, text: signed.text, size: checkpoint.size, board: board, http: http, logger: logger,
            timeout: timeout)
        let answers = await withTaskGroup(of: (Int, WitnessRequest.Answer).self) { group in
            for (position, witness) in witnesses.enumerated() {
                let known = knownSizes[position]
                group.addTask { (position, await request.send(to: witness, knownSize: known)) }
            }
            var answers = [WitnessRequest.Answer?](repeating: nil, count: witnesses.count)
            for await (position, answer) in group { answers[position] = answer }
            return answers.compactMap { $0 }
        }
        var cosigned = signed
        for (position, answer) in answers.enumerated() {
            knownSizes[position] = answer.knownSize
            if let cosignature = answer.cosignature { cosigned.signatures.append(cosignature) }
        }
        let cosignatures = Array(cosigned.signatures.dropFirst(signed.signatures.count))
        witnessed = cosignatures.isEmpty ? nil : cosigned.serialized
        return cosignatures
    }
}

/// One checkpoint on its way to the witnesses of a round.
struct WitnessRequest: Sendable {
    /// What one witness made of it.
    struct Answer: Sendable {
        /// The size the witness has cosigned last, as far as the board knows.
        let knownSize: UInt64?
        /// Its cosignature of the checkpoint, when it gave a valid one.
        let cosignature: NoteSignature?
    }

    let note: String
    let text: String
    let size: UInt64
    let board: Board
    let http: HTTPClient
    let logger: Logger
    let timeout: TimeAmount

    /// Sends the checkpoint with a proof from `knownSize` (0 when unknown); on `409 Conflict`, once more from the
    /// size the witness names.
    func send(to witness: WitnessEndpoint, knownSize: UInt64?) async -> Answer {
        var old = knownSize ?? 0
        for _ in 0..<2 {
            guard old <= size else {
                fail(witness, "the witness has cosigned size \(old), larger than this log's \(size)")
                return Answer(knownSize: old, cosignature: nil)
            }
            let body: String
            do { body = try await requestBody(old: old) } catch {
                fail(witness, "no consistency proof from size \(old): \(error.message)")
                return Answer(knownSize: old, cosignature: nil)
            }
            let status: HTTPResponseStatus
            let answer: String
            do {
                var request = HTTPClientRequest(url: witness.url + "/add-checkpoint")
                request.method = .POST
                request.body = .bytes(ByteBuffer(string: body))
                let response = try await http.execute(request, timeout: timeout)
                status = response.status
                answer = String(buffer: try await response.body.collect(upTo: 1 << 16))
            } catch {
                fail(witness, "unreachable: \(error)")
                return Answer(knownSize: knownSize, cosignature: nil)
            }
            switch status.code {
            case 200:
                return Answer(knownSize: size, cosignature: cosignature(in: answer, from: witness))
            case 409:
                let named = answer.hasSuffix("\n") ? answer.dropLast() : Substring(answer)
                guard let size = UInt64(named), String(size) == named, size != old else {
                    fail(witness, "answered 409 without a new size: \(answer)")
                    return Answer(knownSize: nil, cosignature: nil)
                }
                old = size
            default:
                fail(witness, "answered \(status.code): \(answer)")
                return Answer(knownSize: knownSize, cosignature: nil)
            }
        }
        return Answer(knownSize: old, cosignature: nil)
    }

    /// `old N`, the consistency proof from `N` to the checkpoint's size (none from 0 or to the same size), a blank
    /// line, the checkpoint.
    private func requestBody(old: UInt64) async throws(BoardError) -> String {
        let proof = old == 0 || old == size ? [] : try await board.consistencyProof(from: old, to: size)
        return "old \(old)\n" + proof.map { Base64.encode($0) + "\n" }.joined() + "\n" + note
    }

    /// The first signature line of the answer that is the witness's valid cosignature of the checkpoint; lines of
    /// other keys are ignored, as the protocol asks.
    private func cosignature(in answer: String, from witness: WitnessEndpoint) -> NoteSignature? {
        for line in answer.split(separator: "\n") {
            guard let signature = try? NoteSignature(line: line),
                signature.keyName == witness.verifier.keyName, signature.keyID == witness.verifier.keyID
            else { continue }
            guard witness.verifier.isValid(signature.signature, for: text) else {
                fail(witness, "sent a cosignature that does not verify")
                return nil
            }
            return signature
        }
        fail(witness, "answered 200 without its cosignature")
        return nil
    }

    private func fail(_ witness: WitnessEndpoint, _ why: String) {
        logger.warning(
            "checkpoint not cosigned",
            metadata: [
                "witness": "\(witness.verifier.keyName)", "url": "\(witness.url)", "size": "\(size)",
                "reason": "\(why)",
            ])
    }
}
