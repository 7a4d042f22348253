import Foundation
import Hummingbird
import NIOCore

/// The handlers of the board's routes.
struct BoardRoutes: Sendable {
    let board: Board
    let metrics: BoardMetrics
    let maximumBody: Int
    /// The publisher of checkpoints to witnesses, when the board has any.
    let witnesses: WitnessPublisher?

    /// The cache policy of answers that never change: tiles, entry bundles, proofs between fixed sizes.
    private static let immutable = "public, max-age=31536000, immutable"

    func add(to router: Router<BoardRequestContext>) {
        router.post("entry") { request, context in try await append(request, batch: false) }
        router.post("entries") { request, context in try await append(request, batch: true) }
        router.get("entry/:index") { _, context in try await entry(context) }
        router.get("entries") { request, _ in try await entries(request) }
        router.get("checkpoint") { _, _ in try await checkpoint() }
        router.get("tile/**") { _, context in try await tile(context) }
        router.get("proof/inclusion") { request, _ in try await inclusion(request) }
        router.get("proof/consistency") { request, _ in try await consistency(request) }
        router.get("proof/receipt") { request, _ in try await receipt(request) }
        router.get("events") { _, _ in events() }
        router.get("health") { _, _ in try await health() }
        router.get("live") { _, _ in
            Response.bytes(Array("ok\n".utf8), contentType: "text/plain; charset=utf-8", cacheControl: "no-store")
        }
        router.get("metrics") { _, _ in
            Response.bytes(metrics.exposition(), contentType: "text/plain; version=0.0.4", cacheControl: "no-store")
        }
    }

    private func body(_ request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: maximumBody)
        } catch is NIOTooManyBytesError {
            throw BoardError(.tooLarge, "the request body is larger than \(maximumBody) bytes")
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ buffer: ByteBuffer) throws(BoardError) -> T {
        do { return try JSONDecoder().decode(T.self, from: Data(buffer: buffer)) } catch {
            throw BoardError(.malformedRequest, "the body is not the expected JSON: \(describe(error))")
        }
    }

    private func append(_ request: Request, batch: Bool) async throws -> Response {
        let started = ContinuousClock.now
        let buffer = try await body(request)
        let json = batch ? try decode(EntryBatchJSON.self, buffer).entries : [try decode(EntryJSON.self, buffer)]
        var entries = [BoardEntry]()
        for (position, entry) in json.enumerated() {
            do { entries.append(try entry.entry()) } catch {
                throw batch ? BoardError(error.code, "entry \(position): \(error.message)") : error
            }
        }
        let (index, checkpoint) = try await board.append(entries)
        metrics.appended(
            count: entries.count, duration: ContinuousClock.now - started, logSize: index + UInt64(entries.count))
        return .json(AppendReceiptJSON(index: index, count: entries.count, checkpoint: checkpoint))
    }

    private func entry(_ context: BoardRequestContext) async throws -> Response {
        let index = try number(context.parameters.get("index"), "index")
        let size = try await board.head().size
        guard index < size else { throw BoardError(.notFound, "there is no entry \(index) in a log of size \(size)") }
        let entry = try await board.entries(index..<index + 1)[0]
        return .json(EntryJSON(entry, index: index))
    }

    private func entries(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let start = try number(query["start"].map(String.init), "start")
        let end = try number(query["end"].map(String.init), "end")
        guard start < end else { throw BoardError(.outOfRange, "start \(start) is not below end \(end)") }
        // The entry-bundle form for followers that ask for it: no base64, no JSON, no leaf hashes to compute.
        if request.headers[.accept]?.contains(EntryBundle.mediaType) == true {
            return .bytes(EntryBundle.encode(try await board.leaves(start..<end)), contentType: EntryBundle.mediaType,
                          cacheControl: Self.immutable)
        }
        let entries = try await board.entries(start..<end)
        return .json(EntryBatchJSON(entries: entries.enumerated().map { EntryJSON($1, index: start + UInt64($0)) }))
    }

    /// The checkpoint with the witnesses' cosignatures when they gave some, else the latest as the board signed it.
    private func checkpoint() async throws -> Response {
        if let witnessed = await witnesses?.witnessedCheckpoint {
            return .bytes(Array(witnessed.utf8), contentType: "text/plain; charset=utf-8", cacheControl: "no-store")
        }
        guard let note = try await board.head().checkpoint else {
            throw BoardError(.notFound, "the board has not signed a checkpoint yet")
        }
        return .bytes(Array(note.utf8), contentType: "text/plain; charset=utf-8", cacheControl: "no-store")
    }

    private func tile(_ context: BoardRequestContext) async throws -> Response {
        let path = try TilePath(elements: context.parameters.getCatchAll())
        let bytes: [UInt8]
        if let level = path.level {
            bytes = try await board.tile(level: level, index: path.index, width: path.width)
        } else {
            bytes = try await board.entryBundle(index: path.index, width: path.width)
        }
        return .bytes(
            bytes, contentType: "application/octet-stream", cacheControl: Self.immutable)
    }

    private func inclusion(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let index = try number(query["index"].map(String.init), "index")
        let size = try number(query["size"].map(String.init), "size")
        let proof = try await board.inclusionProof(index: index, size: size)
        let json = ProofJSON.serialized(index: index, size: size, proof: proof)
        return .bytes(json, contentType: "application/json", cacheControl: Self.immutable)
    }

    private func consistency(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let old = try number(query["old"].map(String.init), "old")
        let new = try number(query["new"].map(String.init), "new")
        let proof = try await board.consistencyProof(from: old, to: new)
        let json = ProofJSON.serialized(oldSize: old, size: new, proof: proof)
        return .bytes(json, contentType: "application/json", cacheControl: Self.immutable)
    }

    /// A c2sp.org/tlog-proof of an entry against the latest checkpoint.
    private func receipt(_ request: Request) async throws -> Response {
        let index = try number(request.uri.queryParameters["index"].map(String.init), "index")
        guard let note = try await board.head().checkpoint else {
            throw BoardError(.notFound, "the board has not signed a checkpoint yet")
        }
        let checkpoint = try Checkpoint(text: SignedNote(parsing: note).text)
        let proof = try await board.inclusionProof(index: index, size: checkpoint.size)
        let text = TlogProof(index: index, proof: proof, checkpoint: note).text
        return .bytes(Array(text.utf8), contentType: "text/plain; charset=utf-8", cacheControl: "no-store")
    }

    private func events() -> Response {
        let stream = board.events.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: ": tabella board events\n\n"))
                for await event in stream {
                    try await writer.write(ByteBuffer(string: BoardEventJSON(event).serverSentEvent))
                }
                try await writer.finish(nil)
            })
    }

    private func health() async throws -> Response {
        let size = try await board.head().size
        return .json(["status": "ok", "size": String(size), "origin": board.origin])
    }

    private func number(_ text: String?, _ name: String) throws(BoardError) -> UInt64 {
        guard let text, let value = UInt64(text), text.allSatisfy(\.isASCII) else {
            throw BoardError(.malformedRequest, "`\(name)` must be a non-negative decimal integer")
        }
        return value
    }

    private func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field `\(key.stringValue)`"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at `\(context.codingPath.map(\.stringValue).joined(separator: "."))`"
        case DecodingError.dataCorrupted: "not valid JSON"
        default: "\(error)"
        }
    }
}
