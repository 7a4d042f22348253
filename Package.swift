// swift-tools-version: 6.1
import PackageDescription

/// Tabella: verifiable, privacy-preserving elections and governance votes.
///
/// Layers, each a target; imports only point down:
/// tabella → TabellaMonitor → TabellaVerifier → TabellaBoard → TabellaRecord → TabellaCrypto → TabellaGroups → C shims.
let package = Package(
    name: "Tabella",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tabella", targets: ["tabella"]),
        .library(name: "TabellaGroups", targets: ["TabellaGroups"]),
        .library(name: "TabellaCrypto", targets: ["TabellaCrypto"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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

        // The command-line tool.
        .executableTarget(
            name: "tabella",
            dependencies: [
                "TabellaGroups",
                "TabellaCrypto",
                "CGMP", "CSodium", "COpenSSL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "TabellaGroupsTests", dependencies: ["TabellaGroups"]),
        .testTarget(name: "TabellaCryptoTests", dependencies: ["TabellaCrypto"]),
    ]
)
