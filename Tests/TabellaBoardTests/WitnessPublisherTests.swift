import Foundation
import TabellaBoard
import TabellaCrypto
import Testing

/// Boards pushing their checkpoints to witnesses (c2sp.org/tlog-witness `add-checkpoint`) and serving them with
/// the cosignatures collected (c2sp.org/tlog-cosignature), all on loopback.
@Suite struct WitnessPublisherTests {
    func makeWitness(_ name: String, for boards: [TestBoard]) throws -> Witness {
        let cosigner = CosignatureSigner(name: name, privateKey: Ed25519.PrivateKey()) {
            UInt64(Date().timeIntervalSince1970)
        }
        var logs = [String: [any NoteVerifier]]()
        for board in boards { logs[board.board.origin] = [board.board.verifier] }
        let path = temporaryDirectory().appendingPathComponent("witness.sqlite").path
        return Witness(cosigner: cosigner, logs: logs, state: try WitnessState(path: path))
    }

    /// Runs `body` with `witness` served on a free loopback port, handing it the witness's endpoint.
    func withWitnessServer<T: Sendable>(
        _ witness: Witness, _ body: @Sendable (WitnessEndpoint) async throws -> T
    ) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = WitnessServer.application(witness: witness, host: "127.0.0.1", port: 0, logger: quietLogger) {
            continuation.yield($0)
        }
        let server = Task { try await app.run() }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        return try await body(WitnessEndpoint(url: "http://127.0.0.1:\(port)", verifier: witness.verifier))
    }

    /// The board's served checkpoint once it has size `size` and signatures from all of `keys`, or the last one
    /// seen after ten seconds.
    func servedCheckpoint(
        _ client: BoardClient, size: UInt64, keys: [any NoteVerifier]
    ) async throws -> SignedNote {
        var note = try SignedNote(parsing: try await client.checkpoint())
        for _ in 0..<200 {
            let signers = (try? note.verify(keys))?.count ?? 0
            if try Checkpoint(text: note.text).size == size, signers == keys.count { break }
            try await Task.sleep(for: .milliseconds(50))
            note = try SignedNote(parsing: try await client.checkpoint())
        }
        return note
    }

    @Test func twoBoardsPushToTwoWitnessesAndServeTheirCosignatures() async throws {
        let boardA = try TestBoard(origin: "a.test/e1")
        let boardB = try TestBoard(origin: "b.test/e1")
        let w1 = try makeWitness("witness.test/w1", for: [boardA, boardB])
        let w2 = try makeWitness("witness.test/w2", for: [boardA, boardB])
        // W1 has already cosigned board A at size 2: A's first request (old 0) gets 409 with that size, and A
        // retries with a consistency proof from 2.
        try await boardA.board.start()
        _ = try await boardA.board.append([try boardA.entry("early 0"), try boardA.entry("early 1")])
        let early = try #require(try await boardA.board.head().checkpoint)
        #expect(await w1.add(old: 0, proof: [], note: early).status == 200)
        try await withWitnessServer(w1) { e1 in
            try await withWitnessServer(w2) { e2 in
                let configuration = {
                    var configuration = testServerConfiguration()
                    configuration.witnesses = [e1, e2]
                    return configuration
                }()
                try await withServer(boardA.board, configuration: configuration) { a in
                    try await withServer(boardB.board, configuration: configuration) { b in
                        for round in 0..<3 {
                            _ = try await a.append((0..<4).map { try boardA.entry("a \(round) \($0)") })
                            _ = try await b.append((0..<5).map { try boardB.entry("b \(round) \($0)") })
                        }
                        for (client, board, size) in [(a, boardA, UInt64(14)), (b, boardB, UInt64(15))] {
                            let keys: [any NoteVerifier] = [board.board.verifier, w1.verifier, w2.verifier]
                            let note = try await servedCheckpoint(client, size: size, keys: keys)
                            #expect(try Checkpoint(text: note.text).size == size)
                            let signers = try note.verify(keys).map(\.keyName)
                            #expect(signers == [board.board.origin, "witness.test/w1", "witness.test/w2"])
                            for witness in [w1, w2] {
                                #expect(try await witness.cosignedSize(origin: board.board.origin) == size)
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func aForkedBoardGetsNoCosignatureAndAnUnreachableWitnessIsSkipped() async throws {
        let board = try TestBoard(origin: "a.test/e1")
        let honest = try makeWitness("witness.test/w1", for: [board])
        let silent = try makeWitness("witness.test/w2", for: [board])
        try await board.board.start()
        _ = try await board.board.append((0..<5).map { try board.entry("a \($0)") })
        try await withWitnessServer(honest) { endpoint in
            // A witness that is not listening (nothing serves port 1).
            let gone = WitnessEndpoint(url: "http://127.0.0.1:1", verifier: silent.verifier)
            let publisher = WitnessPublisher(
                board: board.board, witnesses: [endpoint, gone], logger: quietLogger, timeout: .seconds(5))
            let note = try #require(try await board.board.head().checkpoint)
            let cosignatures = await publisher.publish(note)
            #expect(cosignatures.map(\.keyName) == ["witness.test/w1"])
            let served = try SignedNote(parsing: try #require(await publisher.witnessedCheckpoint))
            #expect(try served.verify([board.board.verifier, honest.verifier]).count == 2)

            // The operator rewrites the log under the same key: the witness refuses it (422) and keeps the
            // evidence; the board has no cosignature to serve.
            let forked = try TestBoard(origin: "a.test/e1", signer: board.logSigner)
            try await forked.board.start()
            _ = try await forked.board.append((0..<9).map { try forked.entry("other \($0)") })
            let forkedPublisher = WitnessPublisher(board: forked.board, witnesses: [endpoint], logger: quietLogger)
            let forkedNote = try #require(try await forked.board.head().checkpoint)
            #expect(await forkedPublisher.publish(forkedNote).isEmpty)
            #expect(await forkedPublisher.witnessedCheckpoint == nil)
            #expect(await honest.forks.count == 1)
            #expect(try await honest.cosignedSize(origin: "a.test/e1") == 5)
        }
    }

    @Test func witnessOptionsAreReadAsURLAndVerifierKey() throws {
        let cosigner = CosignatureSigner(name: "witness.test/w1", privateKey: Ed25519.PrivateKey()) { 1 }
        let vkey = cosigner.verifier.verifierKey
        let endpoint = try WitnessEndpoint(parsing: "http://127.0.0.1:8090/=\(vkey)")
        #expect(endpoint.url == "http://127.0.0.1:8090")
        #expect(endpoint.verifier == cosigner.verifier)
        let log = Ed25519NoteSigner(name: "a.test/e1", privateKey: Ed25519.PrivateKey()).verifier.verifierKey
        for bad in ["http://127.0.0.1:8090", "ftp://x=\(vkey)", "http://x=\(log)", "http://x=nonsense"] {
            let error = #expect(throws: BoardError.self) { try WitnessEndpoint(parsing: bad) }
            #expect(error?.code == .malformedKey, "\(bad)")
        }
    }
}
