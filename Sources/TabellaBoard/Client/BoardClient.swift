import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A client of a board's HTTP API (and of the static tlog-tiles files of a closed election's board).
public struct BoardClient: Sendable {
    /// The board's URL prefix, without a trailing slash, e.g. `http://127.0.0.1:8080`.
    public let baseURL: String
    let http: HTTPClient
    let timeout: TimeAmount

    /// A client of the board at `baseURL`.
    public init(baseURL: String, httpClient: HTTPClient = .shared, timeout: Duration = .seconds(30)) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        http = httpClient
        self.timeout = TimeAmount(timeout)
    }

    /// Appends one entry.
    public func append(_ entry: BoardEntry) async throws(BoardError) -> AppendReceiptJSON {
        try await decode(AppendReceiptJSON.self, request("entry", method: .POST, body: json(EntryJSON(entry))))
    }

    /// Appends entries all together or not at all.
    public func append(_ entries: [BoardEntry]) async throws(BoardError) -> AppendReceiptJSON {
        let body = json(EntryBatchJSON(entries: entries.map { EntryJSON($0) }))
        return try await decode(AppendReceiptJSON.self, request("entries", method: .POST, body: body))
    }

    /// The entry at `index`, checked to hash to the leaf the board claims for it.
    public func entry(_ index: UInt64) async throws(BoardError) -> BoardEntry {
        let json = try await decode(EntryJSON.self, request("entry/\(index)"))
        return try json.entry()
    }

    /// The entries with indices in `range`, read as an entry bundle (the board's binary form of `/entries`).
    public func entries(_ range: Range<UInt64>) async throws(BoardError) -> [BoardEntry] {
        let bundle = try await request("entries?start=\(range.lowerBound)&end=\(range.upperBound)",
                                       accept: EntryBundle.mediaType)
        let leaves = try EntryBundle.leaves(of: bundle)
        guard leaves.count == range.count else {
            throw BoardError(.remote, "the board sent \(leaves.count) entries for \(range.count)")
        }
        return try leaves.enumerated().map { offset, leaf throws(BoardError) in
            do throws(BoardError) { return try BoardEntry(decoding: leaf) } catch {
                throw BoardError(.malformedEntry, "entry \(range.lowerBound + UInt64(offset)) from the board: "
                    + error.message)
            }
        }
    }

    /// The latest signed checkpoint, as text.
    public func checkpoint() async throws(BoardError) -> String {
        String(decoding: try await request("checkpoint"), as: UTF8.self)
    }

    /// The latest checkpoint, verified against the log's keys.
    public func checkpoint(
        logKeys: [any NoteVerifier], origin: String
    ) async throws(BoardError)
        -> (checkpoint: Checkpoint, note: SignedNote)
    {
        try Checkpoint.open(try await checkpoint(), logKeys: logKeys, origin: origin)
    }

    /// The inclusion proof of entry `index` in the tree of `size` entries.
    public func inclusionProof(index: UInt64, size: UInt64) async throws(BoardError) -> [[UInt8]] {
        try await decode(ProofJSON.self, request("proof/inclusion?index=\(index)&size=\(size)")).hashes()
    }

    /// The consistency proof from size `old` to size `new`.
    public func consistencyProof(from old: UInt64, to new: UInt64) async throws(BoardError) -> [[UInt8]] {
        try await decode(ProofJSON.self, request("proof/consistency?old=\(old)&new=\(new)")).hashes()
    }

    /// The c2sp.org/tlog-proof receipt of entry `index` against the latest checkpoint.
    public func receipt(_ index: UInt64) async throws(BoardError) -> TlogProof {
        try TlogProof(text: String(decoding: try await request("proof/receipt?index=\(index)"), as: UTF8.self))
    }

    /// A tile or entry bundle.
    public func tile(_ path: TilePath) async throws(BoardError) -> [UInt8] {
        try await request(path.path)
    }

    /// The bytes of `GET`/`POST` `path`; a non-2xx answer becomes the board's error.
    public func request(
        _ path: String, method: HTTPMethod = .GET, body: [UInt8]? = nil, accept: String? = nil
    )
        async throws(BoardError) -> [UInt8]
    {
        var request = HTTPClientRequest(url: "\(baseURL)/\(path)")
        request.method = method
        if let accept { request.headers.add(name: "Accept", value: accept) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let status: HTTPResponseStatus
        let bytes: [UInt8]
        do {
            let response = try await http.execute(request, timeout: timeout)
            status = response.status
            bytes = Array(buffer: try await response.body.collect(upTo: 64 << 20))
        } catch {
            throw BoardError(.remote, "\(method) \(baseURL)/\(path) failed: \(error)")
        }
        guard (200..<300).contains(status.code) else {
            if let body = try? JSONDecoder().decode(ErrorJSON.self, from: Data(bytes)) {
                throw BoardError(BoardError.Code(body.error.code), body.error.message)
            }
            throw BoardError(.remote, "\(method) \(baseURL)/\(path) answered \(status.code)")
        }
        return bytes
    }

    private func json(_ value: some Encodable) -> [UInt8] {
        // The API's plain structs always encode.
        Array(try! JSONEncoder().encode(value))
    }

    private func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws(BoardError) -> T {
        do { return try JSONDecoder().decode(T.self, from: Data(bytes)) } catch {
            throw BoardError(.remote, "the board's answer is not the expected JSON")
        }
    }
}
