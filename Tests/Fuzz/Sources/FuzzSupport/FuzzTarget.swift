/// One libFuzzer target: a decoder run on each input, and the seed inputs its corpus starts from.
///
/// A target returns normally for any input the decoder refuses (that is the expected outcome); it traps, with a
/// message naming the broken property, only when an accepted input breaks an invariant (for example, a decoded
/// value that does not encode back to the input).
public struct FuzzTarget: Sendable {
    /// The name given in `TABELLA_FUZZ_TARGET`.
    public let name: String
    /// Runs the decoder on one input.
    public let run: @Sendable ([UInt8]) -> Void
    /// The seed inputs, written out when `TABELLA_FUZZ_SEEDS` names a folder.
    public let seeds: @Sendable () throws -> [[UInt8]]

    /// A target.
    public init(name: String, run: @escaping @Sendable ([UInt8]) -> Void,
                seeds: @escaping @Sendable () throws -> [[UInt8]]) {
        self.name = name
        self.run = run
        self.seeds = seeds
    }
}

/// Traps with `message` when `condition` is false: the invariant checks of the targets, kept in release builds.
public func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz invariant broken: \(message())") }
}
