import AsyncHTTPClient
import Foundation
import NIOCore

/// Follows a board live: every entry in log order, as `GET /events` announces commits, reading the entries
/// with `/entries`. After the event stream drops, it reconnects and reads what it missed from its last position,
/// as Docs/board.md describes; the entries themselves are read as ``BoardClient/entries(_:)`` reads them.
public struct BoardFollower: Sendable {
    /// The board.
    public let client: BoardClient
    /// The wait before reconnecting after a drop.
    public let retryInterval: Duration

    /// A follower of `client`'s board.
    public init(client: BoardClient, retryInterval: Duration = .seconds(1)) {
        self.client = client
        self.retryInterval = retryInterval
    }

    /// The entries from index `start` on, as they are committed; the stream never ends by itself (stop
    /// iterating to stop). It fails when the board cannot be reached before the first connection, or answers with
    /// entries that do not decode; later drops are retried.
    public func entries(from start: UInt64 = 0) -> AsyncThrowingStream<(index: UInt64, entry: BoardEntry), any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: (index: UInt64, entry: BoardEntry).self)
        let task = Task {
            var next = start
            var connected = false
            while !Task.isCancelled {
                do {
                    try await follow(from: &next, connected: &connected) { continuation.yield($0) }
                } catch let error as BoardError where error.code == .remote && connected {
                    // A drop: reconnect below, then read the missed entries from `next`.
                } catch {
                    continuation.finish(throwing: error)
                    return
                }
                try? await Task.sleep(for: retryInterval)
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// One connection: subscribe, catch up to the latest checkpoint, then read after each event until it drops.
    private func follow(from next: inout UInt64, connected: inout Bool,
                        deliver: ((index: UInt64, entry: BoardEntry)) -> Void) async throws {
        // A request with the client's deadline first: the event stream's own deadline is far off, and a board that
        // does not answer must fail (or, after a drop, be retried) within the client's timeout.
        _ = try await client.checkpoint()
        var request = HTTPClientRequest(url: "\(client.baseURL)/events")
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response: HTTPClientResponse
        do {
            response = try await client.http.execute(request, timeout: .hours(24 * 365))
        } catch {
            throw BoardError(.remote, "GET \(client.baseURL)/events failed: \(error)")
        }
        guard response.status.code == 200 else {
            throw BoardError(.remote, "GET \(client.baseURL)/events answered \(response.status.code)")
        }
        connected = true
        let size = try Checkpoint(text: try SignedNote(parsing: try await client.checkpoint()).text).size
        try await read(from: &next, to: size, deliver: deliver)
        var line = [UInt8]()
        do {
            for try await buffer in response.body {
                for byte in buffer.readableBytesView {
                    guard byte == UInt8(ascii: "\n") else { line.append(byte); continue }
                    if let size = Self.eventSize(line) { try await read(from: &next, to: size, deliver: deliver) }
                    line.removeAll(keepingCapacity: true)
                }
            }
        } catch let error as BoardError {
            throw error
        } catch {
            throw BoardError(.remote, "the event stream of \(client.baseURL) dropped: \(error)")
        }
        throw BoardError(.remote, "the event stream of \(client.baseURL) ended")
    }

    private func read(from next: inout UInt64, to size: UInt64,
                      deliver: ((index: UInt64, entry: BoardEntry)) -> Void) async throws(BoardError) {
        while next < size {
            let end = min(size, next + 1000)
            for (offset, entry) in try await client.entries(next..<end).enumerated() {
                deliver((next + UInt64(offset), entry))
            }
            next = end
        }
    }

    /// The log size of a server-sent event's `data:` line, or `nil` for any other line.
    static func eventSize(_ line: [UInt8]) -> UInt64? {
        let prefix = Array("data: ".utf8)
        guard line.starts(with: prefix),
              let event = try? JSONDecoder().decode(BoardEventJSON.self, from: Data(line.dropFirst(prefix.count)))
        else { return nil }
        return event.size
    }
}
