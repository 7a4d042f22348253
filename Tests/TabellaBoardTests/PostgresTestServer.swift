import Foundation
import TabellaBoard

/// The PostgreSQL server the storage tests also run against, named by `TABELLA_POSTGRES_URL`
/// (e.g. `postgres://tabella:tabella@127.0.0.1:5432/tabella`). Without it the PostgreSQL cases are not run.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["TABELLA_POSTGRES_URL"]

    static var backends: [StorageBackend] { [] }
}
