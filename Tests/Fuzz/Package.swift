// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for every Tabella decoder that reads outside input, in a package of their own so that the main
/// build stays as it is. Build and run with `Tests/Fuzz/run.sh` (`swift build --sanitize=fuzzer
/// --sanitize=address -Xswiftc -sanitize=fuzzer,address`); each binary holds several targets, chosen by
/// `TABELLA_FUZZ_TARGET`.
///
/// - `tabella-fuzz-core`: group elements, native ballots, election entry payloads, ceremony messages and
///   transcripts, trustee key files, manifests and rolls (TabellaGroups, TabellaCrypto, TabellaRecord only).
/// - `tabella-fuzz-board`: board entries, signed notes, checkpoints, cosignatures, tlog-proof receipts, note keys,
///   witness endpoints and decision notes (TabellaBoard, TabellaVerifier).
let package = Package(
    name: "TabellaFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Tabella", path: "../.."),
    ],
    targets: [
        // The target registry and libFuzzer entry points shared by the binaries.
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "tabella-fuzz-core",
            dependencies: [
                "FuzzSupport",
                .product(name: "TabellaGroups", package: "Tabella"),
                .product(name: "TabellaCrypto", package: "Tabella"),
                .product(name: "TabellaRecord", package: "Tabella"),
            ]
        ),
        .executableTarget(
            name: "tabella-fuzz-board",
            dependencies: [
                "FuzzSupport",
                .product(name: "TabellaGroups", package: "Tabella"),
                .product(name: "TabellaCrypto", package: "Tabella"),
                .product(name: "TabellaBoard", package: "Tabella"),
                .product(name: "TabellaVerifier", package: "Tabella"),
            ]
        ),
    ]
)
