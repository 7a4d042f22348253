import AsyncHTTPClient
import Foundation
import Logging
import TabellaBoard
import TabellaCrypto
import Testing

/// Runs `body` against `board` served over loopback on a free port.
func withServer<T: Sendable>(
    _ board: Board, configuration: BoardServer.Configuration = testServerConfiguration(),
    _ body: @Sendable (BoardClient) async throws -> T
) async throws -> T {
    try await board.start()
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = BoardServer.application(
        board: board, configuration: configuration, logger: quietLogger,
        onRunning: { continuation.yield($0) })
    let server = Task { try await app.run() }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    let port = try #require(await iterator.next())
    return try await body(BoardClient(baseURL: "http://127.0.0.1:\(port)"))
}

func testServerConfiguration(rateLimit: Double? = nil, maximumBody: Int = 1 << 20) -> BoardServer.Configuration {
    var configuration = BoardServer.Configuration()
    configuration.port = 0
    configuration.rateLimit = rateLimit
    configuration.maximumBodyByteCount = maximumBody
    return configuration
}

@Suite struct ServerTests {
    @Test func appendsReadsProofsAndTilesOverHTTP() async throws {
        let test = try TestBoard()
        try await withServer(test.board) { client in
            let empty = try await client.checkpoint(logKeys: [test.board.verifier], origin: "board.test/e1")
            #expect(empty.checkpoint.size == 0)
            let first = try await client.append(try test.entry("one"))
            #expect(first.index == 0)
            let batch = try await client.append((0..<299).map { try test.entry("batch \($0)") })
            #expect(batch.index == 1 && batch.count == 299)
            let (head, _) = try await client.checkpoint(logKeys: [test.board.verifier], origin: "board.test/e1")
            #expect(head.size == 300)
            let entry = try await client.entry(5)
            #expect(entry.payload == Array("batch 4".utf8))
            let range = try await client.entries(10..<20)
            #expect(range.map(\.payload) == (9..<19).map { Array("batch \($0)".utf8) })
            // The same range as JSON (no Accept header) and as an entry bundle hold the same entries.
            let json = try JSONDecoder().decode(EntryBatchJSON.self,
                                                from: Data(try await client.request("entries?start=10&end=20")))
            #expect(try json.entries.map { try $0.entry() } == range)
            #expect(json.entries.first?.index == 10)
            let rangeBundle = try await client.request("entries?start=10&end=20", accept: EntryBundle.mediaType)
            #expect(try EntryBundle.leaves(of: rangeBundle) == range.map(\.encoded))
            let pastEnd = await #expect(throws: BoardError.self) { try await client.entries(299..<301) }
            #expect(pastEnd?.code == .outOfRange)
            let proof = try await client.inclusionProof(index: 5, size: 300)
            try MerkleTree.verifyInclusion(
                leafHash: MerkleHash.leaf(entry.encoded), index: 5, size: 300, proof: proof, root: head.rootHash)
            let consistency = try await client.consistencyProof(from: 1, to: 300)
            let (one, _) = try Checkpoint.open(first.checkpoint, logKeys: [test.board.verifier])
            try MerkleTree.verifyConsistency(
                oldSize: 1, newSize: 300, proof: consistency, oldRoot: one.rootHash, newRoot: head.rootHash)
            let receipt = try await client.receipt(5)
            _ = try receipt.verify(
                leafHash: MerkleHash.leaf(entry.encoded), logKeys: [test.board.verifier], origin: "board.test/e1")
            #expect(try TlogProof(text: receipt.text) == receipt)
            let tile = try await client.tile(TilePath(level: 0, index: 1, width: 44))
            #expect(tile.count == 44 * 32)
            let bundle = try await client.tile(TilePath(level: nil, index: 0))
            #expect(bundle.count > 256 * 100)
            let missing = await #expect(throws: BoardError.self) {
                try await client.tile(TilePath(level: 0, index: 1, width: 45))
            }
            #expect(missing?.code == .notFound)
            #expect(try await client.request("live") == Array("ok\n".utf8))
            let health = try await client.request("health")
            #expect(String(decoding: health, as: UTF8.self).contains("\"size\":\"300\""))
            let metrics = String(decoding: try await client.request("metrics"), as: UTF8.self)
            #expect(metrics.contains("tabella_board_entries_appended_total 300"))
        }
    }

    @Test func badRequestsGetA4xxCodeAndAppendNothing() async throws {
        let test = try TestBoard()
        let good = try test.entry("good")
        let forged = EntryJSON(
            try BoardEntry(
                type: "note", election: "e1", payload: [1], signer: good.signer, signature: good.signature))
        var noSignature = EntryJSON(good)
        noSignature.signature = ""
        func body(_ value: some Encodable) throws -> [UInt8] { Array(try JSONEncoder().encode(value)) }
        let cases: [(String, [UInt8], BoardError.Code)] = [
            ("entry", [UInt8](repeating: 0x20, count: 5000), .tooLarge),
            ("entry", Array("{\"type\": \"note\",".utf8), .malformedRequest),
            ("entry", Array("[1, 2]".utf8), .malformedRequest),
            ("entry", try body(EntryJSON(try test.entry("x", type: "shuffle"))), .unknownEntryType),
            ("entry", try body(EntryJSON(try test.entry("x", election: "other"))), .wrongElection),
            ("entry", try body(forged), .badSignature),
            ("entry", try body(noSignature), .malformedEntry),
            ("entry", try body(EntryJSON(try test.entry("x", type: "tally"))), .rejected),
            ("entry", try body(EntryJSON(good)), .duplicate),
            (
                "entries", try body(EntryBatchJSON(entries: [EntryJSON(try test.entry("fresh")), forged])),
                .badSignature
            ),
            ("entries", try body(EntryBatchJSON(entries: [])), .malformedRequest),
        ]
        try await withServer(test.board, configuration: testServerConfiguration(maximumBody: 4096)) { client in
            _ = try await client.append(good)
            for (path, bytes, code) in cases {
                let error = await #expect(throws: BoardError.self) {
                    try await client.request(path, method: .POST, body: bytes)
                }
                #expect(error?.code == code, "\(path): \(String(describing: error))")
            }
            for query in [
                "proof/consistency?old=2&new=1", "proof/consistency?old=1&new=9", "proof/inclusion?index=1&size=1",
                "proof/consistency?old=0&new=1", "entries?start=0&end=5", "proof/inclusion?index=-1&size=1",
            ] {
                let error = await #expect(throws: BoardError.self) { try await client.request(query) }
                #expect(error.map { [.outOfRange, .malformedRequest].contains($0.code) } == true, "\(query)")
            }
            #expect(
                try await client.checkpoint(logKeys: [test.board.verifier], origin: "board.test/e1").checkpoint.size
                    == 1)
        }
    }

    @Test func aClientOverItsRateIsRefusedWith429() async throws {
        let test = try TestBoard()
        // One token per thousand seconds: however slow the machine, the bucket does not refill during the test.
        var configuration = testServerConfiguration(rateLimit: 0.001)
        configuration.rateBurst = 5
        try await withServer(test.board, configuration: configuration) { client in
            var refused: BoardError?
            for _ in 0..<20 {
                do throws(BoardError) { _ = try await client.checkpoint() } catch {
                    refused = error
                    break
                }
            }
            #expect(refused?.code == .rateLimited)
        }
    }

    @Test func aReadOnlyDatabaseAnswers503AndStillServesReads() async throws {
        let path = temporaryDirectory().appendingPathComponent("board.sqlite").path
        let writable = try TestBoard(storage: SQLiteStorage(path: path))
        _ = try await writable.board.append([try writable.entry("before")])
        await writable.board.close()
        let readOnly = try TestBoard(storage: SQLiteStorage(path: path, options: .init(readOnly: true)))
        try await withServer(readOnly.board) { client in
            let error = await #expect(throws: BoardError.self) { try await client.append(try readOnly.entry("after")) }
            #expect(error?.code == .storageUnavailable)
            let payload = try await client.entry(0).payload
            #expect(payload == Array("before".utf8))
        }
    }

    @Test func aFullDatabaseAnswers503AndKeepsEveryAcknowledgedEntry() async throws {
        let path = temporaryDirectory().appendingPathComponent("board.sqlite").path
        let test = try TestBoard(storage: SQLiteStorage(path: path, options: .init(maximumByteCount: 256 * 1024)))
        try await withServer(test.board) { client in
            var acknowledged = [BoardEntry]()
            var failure: BoardError?
            let filler = String(repeating: "x", count: 2000)
            while failure == nil, acknowledged.count < 1000 {
                let entry = try test.entry("\(acknowledged.count) \(filler)")
                do throws(BoardError) {
                    _ = try await client.append(entry)
                    acknowledged.append(entry)
                } catch { failure = error }
            }
            #expect(failure?.code == .storageUnavailable)
            let (checkpoint, _) = try await client.checkpoint(logKeys: [test.board.verifier], origin: "board.test/e1")
            #expect(checkpoint.size == UInt64(acknowledged.count))
            let stored = try await client.entries(0..<UInt64(acknowledged.count))
            #expect(stored == acknowledged)
            try await LogAuditor(client: client).checkContent(of: checkpoint)
        }
    }

    @Test func followersReceiveCommitsAsServerSentEvents() async throws {
        let test = try TestBoard()
        try await withServer(test.board) { client in
            var request = HTTPClientRequest(url: "\(client.baseURL)/events")
            request.method = .GET
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            #expect(response.headers.first(name: "content-type") == "text/event-stream")
            let appender = Task {
                while test.board.events.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
                _ = try await client.append([try test.entry("a"), try test.entry("b")])
            }
            var text = ""
            for try await chunk in response.body {
                text += String(buffer: chunk)
                if text.contains("\"size\":2") { break }
            }
            try await appender.value
            #expect(text.contains("id: 2\nevent: commit\ndata: "))
        }
    }
}

/// A logger that prints only critical messages, so test output stays readable.
let quietLogger: Logger = {
    var logger = Logger(label: "test-board")
    logger.logLevel = .critical
    return logger
}()
