import AsyncHTTPClient
import Foundation
import NIOCore
import TabellaBoard
import TabellaCrypto
import TabellaGroups
import Testing

/// Two boards and a witness on loopback: the witness cosigns both, answers the tlog-witness status codes, and
/// catches the board that rewrites its log; a mirror follows a board and catches the same rewrite.
@Suite struct WitnessTests {
    let witnessSigner = CosignatureSigner(name: "witness.test/w1", privateKey: Ed25519.PrivateKey()) {
        UInt64(Date().timeIntervalSince1970)
    }

    func makeWitness(for boards: [TestBoard]) throws -> Witness {
        let path = temporaryDirectory().appendingPathComponent("witness.sqlite").path
        var logs = [String: [any NoteVerifier]]()
        for board in boards { logs[board.board.origin] = [board.board.verifier] }
        return Witness(cosigner: witnessSigner, logs: logs, state: try WitnessState(path: path))
    }

    @Test func twoBoardsAreCosignedAndAForkIsCaught() async throws {
        let boardA = try TestBoard(origin: "a.test/e1")
        let boardB = try TestBoard(origin: "b.test/e1")
        let witness = try makeWitness(for: [boardA, boardB])
        let forkedPath = temporaryDirectory().appendingPathComponent("forked.sqlite").path
        try await withServer(boardA.board) { a in
            try await withServer(boardB.board) { b in
                for round in 0..<3 {
                    _ = try await a.append((0..<5).map { try boardA.entry("a \(round) \($0)") })
                    _ = try await b.append((0..<5).map { try boardB.entry("b \(round) \($0)") })
                    for (client, board) in [(a, boardA), (b, boardB)] {
                        let answer = try await witness.follow(client, origin: board.board.origin)
                        guard case .cosigned(let line) = answer else {
                            Issue.record("not cosigned: \(answer)")
                            continue
                        }
                        var note = try SignedNote(parsing: try await client.checkpoint())
                        note.signatures.append(try NoteSignature(line: line.dropLast()))
                        let verified = try note.verify([board.board.verifier, witness.verifier])
                        #expect(verified.map(\.keyName) == [board.board.origin, "witness.test/w1"])
                    }
                }
                #expect(try await witness.cosignedSize(origin: "b.test/e1") == 15)
            }
        }
        // Board B's operator rewrites history: same key, a fresh database, other entries, a larger size.
        let forked = try TestBoard(
            storage: SQLiteStorage(path: forkedPath), origin: "b.test/e1", signer: boardB.logSigner)
        try await withServer(forked.board) { b in
            _ = try await b.append((0..<20).map { try forked.entry("rewritten \($0)") })
            let answer = try await witness.follow(b, origin: "b.test/e1")
            #expect(answer.status == 422, "\(answer)")
            let forks = await witness.forks
            #expect(forks.count == 1)
            #expect(forks.first?.origin == "b.test/e1")
            // Both checkpoints of the evidence carry the log's valid signature.
            for note in [forks[0].cosigned, forks[0].conflicting] {
                _ = try Checkpoint.open(note, logKeys: [boardB.board.verifier], origin: "b.test/e1")
            }
            #expect(try await witness.cosignedSize(origin: "b.test/e1") == 15)
        }
    }

    @Test func addCheckpointAnswersTheProtocolsStatusCodes() async throws {
        let board = try TestBoard(origin: "a.test/e1")
        let stranger = try TestBoard(origin: "x.test/e1")
        let witness = try makeWitness(for: [board])
        _ = try await board.board.append([try board.entry("one"), try board.entry("two")])
        let two = try #require(try await board.board.head().checkpoint)
        _ = try await board.board.append([try board.entry("three")])
        let three = try #require(try await board.board.head().checkpoint)
        let proof = try await board.board.consistencyProof(from: 2, to: 3).map { Base64.encode($0) + "\n" }.joined()
        _ = try await stranger.board.append([try stranger.entry("s")])
        let unknown = try #require(try await stranger.board.head().checkpoint)
        var forged = try SignedNote(parsing: three)
        forged = SignedNote(
            text: forged.text.replacingOccurrences(of: "\n3\n", with: "\n4\n"), signatures: forged.signatures)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = WitnessServer.application(witness: witness, host: "127.0.0.1", port: 0, logger: quietLogger) {
            continuation.yield($0)
        }
        let server = Task { try await app.run() }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        func post(_ body: String) async throws -> (Int, String, String?) {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/add-checkpoint")
            request.method = .POST
            request.body = .bytes(ByteBuffer(string: body))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let text = String(buffer: try await response.body.collect(upTo: 1 << 16))
            return (Int(response.status.code), text, response.headers.first(name: "content-type"))
        }
        #expect(try await post("old 0\n\n" + two).0 == 200)
        let conflict = try await post("old 0\n\n" + three)
        #expect(conflict.0 == 409 && conflict.1 == "2\n" && conflict.2 == "text/x.tlog.size")
        #expect(try await post("old 2\n\n" + unknown).0 == 404)
        #expect(try await post("old 2\n" + proof + "\n" + forged.serialized).0 == 403)
        #expect(try await post("old 4\n\n" + three).0 == 400)
        #expect(try await post("nonsense").0 == 400)
        #expect(try await post("old 2\n" + Base64.encode([UInt8](repeating: 1, count: 32)) + "\n\n" + three).0 == 422)
        let cosigned = try await post("old 2\n" + proof + "\n" + three)
        #expect(cosigned.0 == 200 && cosigned.1.hasPrefix("— witness.test/w1 "))
        let originHash = Hex.encodeSHA256("a.test/e1")
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/\(originHash)/checkpoint")
        request.method = .GET
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let note = try SignedNote(parsing: String(buffer: try await response.body.collect(upTo: 1 << 16)))
        #expect(try note.verify([board.board.verifier, witness.verifier]).count == 2)
    }

    @Test func aMirrorFollowsABoardAndCatchesARewrite() async throws {
        let board = try TestBoard(origin: "a.test/e1")
        let mirrorPath = temporaryDirectory().appendingPathComponent("mirror.sqlite").path
        try await withServer(board.board) { client in
            let mirror = BoardMirror(
                source: client, logKeys: [board.board.verifier], origin: "a.test/e1",
                storage: try SQLiteStorage(path: mirrorPath))
            #expect(try await mirror.sync() == 0)
            _ = try await client.append((0..<300).map { try board.entry("m \($0)") })
            #expect(try await mirror.sync() == 300)
            _ = try await client.append([try board.entry("m last")])
            #expect(try await mirror.sync() == 301)
        }
        let copy = try SQLiteStorage(path: mirrorPath)
        #expect(try await copy.root(size: 301) == (try await board.board.root(size: 301)))
        await copy.close()
        let rewritten = try TestBoard(origin: "a.test/e1", signer: board.logSigner)
        try await withServer(rewritten.board) { client in
            _ = try await client.append((0..<400).map { try rewritten.entry("other \($0)") })
            let mirror = BoardMirror(
                source: client, logKeys: [board.board.verifier], origin: "a.test/e1",
                storage: try SQLiteStorage(path: mirrorPath))
            let error = await #expect(throws: BoardError.self) { try await mirror.sync() }
            #expect(error?.code == .inconsistent)
        }
    }
}

extension Hex {
    /// Lower-case hex of SHA-256 of a string, as tlog-witness names logs.
    static func encodeSHA256(_ text: String) -> String {
        encode(TabellaGroups.Digest.sha256.hash(Array(text.utf8)))
    }
}

@Suite struct ExportTests {
    @Test func aBoardExportsToTheTilePathsItServes() async throws {
        let board = try TestBoard()
        let folder = temporaryDirectory()
        try await withServer(board.board) { client in
            _ = try await client.append((0..<300).map { try board.entry("x \($0)") })
            let checkpoint = try await TileExporter(client: client).export(
                to: folder, logKeys: [board.board.verifier], origin: board.board.origin)
            #expect(checkpoint.size == 300)
            let paths = TileExporter.tiles(size: 300).map(\.path)
            #expect(
                Set(paths) == [
                    "tile/0/000", "tile/entries/000", "tile/0/001.p/44", "tile/entries/001.p/44",
                    "tile/1/000.p/1",
                ])
            for path in paths {
                let file = [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
                #expect(file == (try await client.request(path)), "\(path)")
            }
            let note = try String(contentsOf: folder.appendingPathComponent("checkpoint"), encoding: .utf8)
            #expect(try Checkpoint.open(note, logKeys: [board.board.verifier]).checkpoint == checkpoint)
        }
    }
}
