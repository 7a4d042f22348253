import Foundation

/// A commit as a server-sent event: `id` is the new size, `event` is `commit`, `data` is this JSON.
public struct BoardEventJSON: Codable, Sendable {
    /// One appended entry.
    public struct Appended: Codable, Sendable {
        /// Its index.
        public var index: UInt64
        /// Its leaf hash, base64.
        public var leafHash: String
    }

    /// The log size after the commit.
    public var size: UInt64
    /// The signed checkpoint of that size.
    public var checkpoint: String
    /// The entries the commit added.
    public var entries: [Appended]

    /// The JSON of an event.
    public init(_ event: BoardEvent) {
        size = event.size
        checkpoint = event.checkpoint
        entries = event.appended.map { Appended(index: $0.index, leafHash: Base64.encode($0.leafHash)) }
    }

    /// The event in the text/event-stream format.
    public var serverSentEvent: String {
        // Encoding this plain struct cannot fail; JSON has no raw newlines, so it fits one `data:` line.
        let data = String(decoding: try! JSONEncoder().encode(self), as: UTF8.self)
        return "id: \(size)\nevent: commit\ndata: \(data)\n\n"
    }
}
