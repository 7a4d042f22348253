import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TabellaBoard
import Testing

/// A raw TCP connection to a loopback server, for what no HTTP client sends: half-sent requests, idle
/// connections, arbitrary headers. Reads time out after 5 seconds.
private final class RawConnection {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard descriptor >= 0, connected == 0 else {
            close(descriptor)
            throw BoardError(.remote, "cannot connect to 127.0.0.1:\(port)")
        }
    }

    deinit { close(descriptor) }

    /// Sends `bytes` as they are.
    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// The status line of the answer (the first line read), or "" when the server closes or the read times out.
    func statusLine() -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return "" }
        return String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\r\n").first.map(String.init) ?? ""
    }
}

/// The board's HTTP API under clients that misbehave on purpose; loopback only, every loop bounded.
@Suite struct HostileClientTests {
    /// The request head of a `POST /entry` with `contentType` and `length`.
    private func head(length: Int, contentType: String = "application/json") -> [UInt8] {
        Array(("POST /entry HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(length)\r\n\r\n").utf8)
    }

    private func port(of client: BoardClient) throws -> Int {
        try #require(URL(string: client.baseURL)?.port)
    }

    @Test func aClientThatStopsHalfwayThroughItsBodyHoldsNobodyUpAndAppendsNothing() async throws {
        let test = try TestBoard()
        let good = try test.entry("good")
        let board = test.board
        try await withServer(board) { client in
            let slow = try RawConnection(port: try port(of: client))
            let body = Array(try JSONEncoder().encode(EntryJSON(try test.entry("slow"))))
            slow.send(head(length: body.count) + body.prefix(body.count / 2))
            _ = try await client.append(good)
            #expect(try await board.head().size == 1)
            // The rest never comes: the connection closes with the entry half-sent.
            _ = consume slow
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await board.head().size == 1)
        }
    }

    @Test func slowLorisClientsThatNeverFinishTheirHeadersHoldNobodyUp() async throws {
        let test = try TestBoard()
        let board = test.board
        let good = try test.entry("good")
        try await withServer(board) { client in
            // Twenty clients each send a request line and part of a header, then a byte at a time, and never the
            // blank line that ends the head.
            let slow = try (0..<20).map { _ in try RawConnection(port: try port(of: client)) }
            let start = Array("POST /entry HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
            for connection in slow { connection.send(start) }
            for round in 0..<5 {
                for connection in slow { connection.send(Array("\(round)".utf8)) }
                try await Task.sleep(for: .milliseconds(50))
            }
            _ = try await client.append(good)
            #expect(try await board.head().size == 1)
            _ = consume slow
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await board.head().size == 1)
        }
    }

    @Test func twoHundredIdleConnectionsDoNotStopTheService() async throws {
        let test = try TestBoard()
        let board = test.board
        let good = try test.entry("good")
        try await withServer(board) { client in
            let port = try port(of: client)
            var idle = [RawConnection]()
            for _ in 0..<200 { idle.append(try RawConnection(port: port)) }
            _ = try await client.append(good)
            #expect(try await board.head().size == 1)
            idle.removeAll()
        }
    }

    @Test func bodiesOfAnotherContentTypeOrGarbageAreRefusedWith400() async throws {
        let test = try TestBoard()
        let board = test.board
        try await withServer(board) { client in
            let port = try port(of: client)
            let bodies: [(String, [UInt8])] = [
                ("application/x-www-form-urlencoded", Array("type=note&election=e1".utf8)),
                ("application/octet-stream", (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 167) }),
                ("text/plain", Array("{\"type\": \"note\", \"election\": \"e1\", \"payload\": 7}".utf8)),
                ("application/json", [0xff, 0xfe, 0x7b, 0x7d]),
            ]
            for (type, body) in bodies {
                let connection = try RawConnection(port: port)
                connection.send(head(length: body.count, contentType: type) + body)
                let status = connection.statusLine()
                #expect(status.hasPrefix("HTTP/1.1 400"), "\(type): \(status)")
            }
            // A request line and headers that are not HTTP at all.
            let garbage = try RawConnection(port: port)
            garbage.send(Array("\u{1}\u{2}NOT HTTP\r\n\r\n".utf8))
            #expect(!garbage.statusLine().hasPrefix("HTTP/1.1 2"))
            #expect(try await board.head().size == 0)
        }
    }
}
