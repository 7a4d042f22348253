import Foundation
import TabellaBoard
import Testing

@Suite struct BoardFollowerTests {
    @Test func theFollowerReadsEveryEntryInOrderAcrossADropOfTheEventStream() async throws {
        let test = try TestBoard()
        try await test.board.start()
        _ = try await test.board.append([try test.entry("before 1"), try test.entry("before 2")])
        let first = try await RunningBoardServer.start(board: test.board, configuration: testServerConfiguration(),
                                                       logger: quietLogger)
        let follower = BoardFollower(client: BoardClient(baseURL: first.baseURL), retryInterval: .milliseconds(100))
        var entries = follower.entries().makeAsyncIterator()
        func next() async throws -> (index: UInt64, text: String) {
            let (index, entry) = try #require(try await entries.next())
            return (index, String(decoding: entry.payload, as: UTF8.self))
        }
        #expect(try await next() == (0, "before 1"))
        #expect(try await next() == (1, "before 2"))
        _ = try await test.board.append([try test.entry("live")])
        #expect(try await next() == (2, "live"))

        // The server stops: the stream drops; entries appended meanwhile are read from /entries on reconnection.
        await first.stop()
        _ = try await test.board.append([try test.entry("while down 1"), try test.entry("while down 2")])
        var again = testServerConfiguration()
        again.port = first.port
        let second = try await RunningBoardServer.start(board: test.board, configuration: again, logger: quietLogger)
        defer { Task { await second.stop() } }
        #expect(try await next() == (3, "while down 1"))
        #expect(try await next() == (4, "while down 2"))
        _ = try await test.board.append([try test.entry("after")])
        #expect(try await next() == (5, "after"))
    }

    @Test func aBoardThatCannotBeReachedFailsTheStream() async throws {
        let follower = BoardFollower(client: BoardClient(baseURL: "http://127.0.0.1:9", timeout: .seconds(2)))
        var entries = follower.entries().makeAsyncIterator()
        await #expect(throws: BoardError.self) { _ = try await entries.next() }
    }
}
