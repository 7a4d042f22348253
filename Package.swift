// swift-tools-version: 6.1
import PackageDescription

/// Tabella: verifiable, privacy-preserving elections and governance votes.
///
/// Layers, each a target; imports only point down:
/// tabella → TabellaElection → TabellaMonitor → TabellaVerifier → TabellaBoard → TabellaRecord → TabellaCrypto → TabellaGroups → C shims.
let package = Package(
    name: "Tabella",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tabella", targets: ["tabella"]),
        .library(name: "TabellaGroups", targets: ["TabellaGroups"]),
        .library(name: "TabellaCrypto", targets: ["TabellaCrypto"]),
        .library(name: "TabellaRecord", targets: ["TabellaRecord"]),
        .library(name: "TabellaVerifier", targets: ["TabellaVerifier"]),
        .library(name: "TabellaBoard", targets: ["TabellaBoard"]),
        .library(name: "TabellaElection", targets: ["TabellaElection"]),
        .library(name: "TabellaMonitor", targets: ["TabellaMonitor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The bulletin board: storage, HTTP server and client, logs and metrics.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        // The monitor's statistics: log-gamma, error function.
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // System libraries, found through pkg-config.
        .systemLibrary(name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // Prime-order groups, scalars, hashing, randomness.
        .target(name: "TabellaGroups", dependencies: ["CGMP", "CSodium", "COpenSSL"]),

        // ElGamal, zero-knowledge proofs, signatures, threshold keys, shuffles.
        .target(name: "TabellaCrypto", dependencies: ["TabellaGroups", "CSodium", "CGMP", "COpenSSL"]),

        // Election records: the manifest model and the ElectionGuard 2.0 (Kotlin JSON) importer.
        .target(name: "TabellaRecord", dependencies: ["TabellaGroups", "TabellaCrypto", "CGMP"]),

        // Verification of records, step by step.
        .target(
            name: "TabellaVerifier", dependencies: ["TabellaGroups", "TabellaCrypto", "TabellaRecord", "TabellaBoard"]),

        // The bulletin board: Merkle log, signed checkpoints, storage, HTTP server and client.
        .target(
            name: "TabellaBoard",
            dependencies: [
                "TabellaGroups",
                "TabellaCrypto",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // The participants' steps of a native election over its board: authority, trustees, voters.
        .target(
            name: "TabellaElection",
            dependencies: [
                "TabellaGroups", "TabellaCrypto", "TabellaRecord", "TabellaBoard", "TabellaVerifier", "TabellaMonitor",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),

        // The turnout and anomaly monitor: streaming detectors over the board's public data, alerts, forecasts.
        .target(
            name: "TabellaMonitor",
            dependencies: [
                "TabellaGroups", "TabellaCrypto", "TabellaRecord", "TabellaVerifier", "TabellaBoard",
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),

        // The command-line tool.
        .executableTarget(
            name: "tabella",
            dependencies: [
                "TabellaGroups",
                "TabellaCrypto",
                "TabellaBoard",
                "TabellaRecord",
                "TabellaVerifier",
                "TabellaElection",
                "TabellaMonitor",
                "CGMP", "CSodium", "COpenSSL",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Helpers shared by the test targets: locating Vectors/, reading vector JSON, temporary folders.
        .target(name: "TabellaTestSupport", dependencies: ["TabellaGroups"]),

        .testTarget(
            name: "TabellaGroupsTests", dependencies: ["TabellaGroups", "TabellaTestSupport", "COpenSSL", "CSodium"]),
        .testTarget(name: "TabellaCryptoTests", dependencies: ["TabellaCrypto", "TabellaTestSupport"]),
        .testTarget(name: "TabellaRecordTests", dependencies: ["TabellaRecord", "TabellaCrypto"]),
        .testTarget(name: "TabellaCommandTests", dependencies: ["tabella", "TabellaTestSupport"]),
        .testTarget(
            name: "TabellaVerifierTests",
            dependencies: ["TabellaVerifier", "TabellaRecord", "TabellaCrypto", "TabellaTestSupport", "tabella"]
        ),
        .testTarget(
            name: "TabellaElectionTests",
            dependencies: ["TabellaElection", "TabellaVerifier", "TabellaBoard", "TabellaRecord", "TabellaCrypto",
                           "TabellaGroups", "TabellaMonitor", "TabellaTestSupport", "tabella",
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "TabellaMonitorTests", dependencies: ["TabellaMonitor", "TabellaTestSupport", "tabella"]
        ),
        .testTarget(
            name: "TabellaBoardTests",
            dependencies: [
                "TabellaBoard", "tabella", "TabellaTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
