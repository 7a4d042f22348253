import Foundation

/// Chooses the target named by `TABELLA_FUZZ_TARGET` at libFuzzer's initialisation and runs it on every input.
///
/// With `TABELLA_FUZZ_TARGET=list` the binary prints its targets and exits; with `TABELLA_FUZZ_SEEDS=<folder>` it
/// writes the chosen target's seeds there (`seed-0`, `seed-1`, …) and exits.
public enum FuzzDriver {
    /// The target chosen at initialisation; set once, before libFuzzer calls ``run(_:_:)``.
    nonisolated(unsafe) private static var selected: FuzzTarget?

    /// Picks the target from the environment (libFuzzer's `LLVMFuzzerInitialize`).
    public static func initialize(_ targets: [FuzzTarget]) {
        let environment = ProcessInfo.processInfo.environment
        let name = environment["TABELLA_FUZZ_TARGET"] ?? ""
        if name == "list" {
            print(targets.map(\.name).joined(separator: "\n"))
            exit(0)
        }
        guard let target = targets.first(where: { $0.name == name }) else {
            FileHandle.standardError.write(Data(
                "set TABELLA_FUZZ_TARGET to one of: \(targets.map(\.name).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        if let folder = environment["TABELLA_FUZZ_SEEDS"] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for (index, seed) in try target.seeds().enumerated() {
                    try Data(seed).write(to: URL(fileURLWithPath: folder).appendingPathComponent("seed-\(index)"))
                }
            } catch {
                FileHandle.standardError.write(Data("cannot write the seeds of \(name): \(error)\n".utf8))
                exit(1)
            }
            exit(0)
        }
        selected = target
    }

    /// Runs the chosen target on one input (libFuzzer's `LLVMFuzzerTestOneInput`).
    public static func run(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        guard let target = selected else { fatalError("FuzzDriver.initialize was not called") }
        target.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    }

    /// The folder of the main package's `Vectors/`, from `TABELLA_FUZZ_VECTORS`.
    public static var vectors: URL {
        guard let path = ProcessInfo.processInfo.environment["TABELLA_FUZZ_VECTORS"] else {
            fatalError("set TABELLA_FUZZ_VECTORS to the Vectors folder")
        }
        return URL(fileURLWithPath: path)
    }
}
