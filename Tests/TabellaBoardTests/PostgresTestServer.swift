import Foundation
import Logging
import TabellaBoard
import Testing

/// The PostgreSQL server the storage tests also run against, named by `TABELLA_POSTGRES_URL`
/// (e.g. `postgres://tabella:tabella@127.0.0.1:5432/tabella`, as `.ci/postgres.sh` prints). Without it the
/// PostgreSQL cases are skipped, and ``PostgresAvailabilityTests`` says so.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["TABELLA_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The PostgreSQL backend, when a server is configured. Each opening uses a new schema of its own, so that
    /// tests running in parallel do not meet.
    static var backends: [StorageBackend] {
        guard let url else { return [] }
        return [
            StorageBackend(name: "PostgreSQL") {
                let schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
                return (
                    try await PostgresStorage(url: url, schema: schema, logger: quietLogger),
                    { try await PostgresStorage(url: url, schema: schema, logger: quietLogger) }
                )
            }
        ]
    }
}

@Suite struct PostgresAvailabilityTests {
    @Test(.enabled(if: PostgresTestServer.url == nil, "TABELLA_POSTGRES_URL is set: the PostgreSQL cases run"))
    func postgresCasesAreSkippedWithoutAServer() {
        // Reported so that a run without PostgreSQL says why its storage cases are SQLite only.
        print("PostgreSQL storage tests skipped: TABELLA_POSTGRES_URL is not set (run .ci/postgres.sh to start one)")
        #expect(PostgresTestServer.backends.isEmpty)
    }
}
