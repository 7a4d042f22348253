import Foundation
import GRDB

/// Where a witness keeps the latest checkpoint it cosigned for each log: one SQLite file, written durably before
/// the cosignature is returned.
public final class WitnessState: Sendable {
    /// The state of one log.
    public struct Record: Sendable, Hashable {
        /// The log's origin.
        public let origin: String
        /// The cosigned size.
        public let size: UInt64
        /// The cosigned root.
        public let rootHash: [UInt8]
        /// The cosigned checkpoint with the log's and the witness's signatures.
        public let note: String
    }

    private let queue: DatabaseQueue

    /// Opens (creating if needed) the state file at `path`.
    ///
    /// - Throws: ``BoardError`` `storageUnavailable` when it cannot be opened.
    public init(path: String) throws(BoardError) {
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE IF NOT EXISTS logs (
                            origin TEXT PRIMARY KEY, size INTEGER NOT NULL, root BLOB NOT NULL, note TEXT NOT NULL)
                        """)
            }
        } catch { throw BoardError(.storageUnavailable, "could not open the witness state \(path): \(error)") }
    }

    /// The latest record of `origin`.
    public func latest(origin: String) throws(BoardError) -> Record? {
        do {
            return try queue.read { db in
                try Row.fetchOne(db, sql: "SELECT size, root, note FROM logs WHERE origin = ?", arguments: [origin])
                    .map {
                        Record(
                            origin: origin, size: UInt64($0["size"] as Int64),
                            rootHash: [UInt8]($0["root"] as Data), note: $0["note"])
                    }
            }
        } catch { throw BoardError(.storageUnavailable, "could not read the witness state: \(error)") }
    }

    /// Replaces the record of its origin.
    public func store(_ record: Record) throws(BoardError) {
        do {
            try queue.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO logs (origin, size, root, note) VALUES (?, ?, ?, ?)",
                    arguments: [record.origin, Int64(record.size), Data(record.rootHash), record.note])
            }
        } catch { throw BoardError(.storageUnavailable, "could not write the witness state: \(error)") }
    }
}
