import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups

/// `tabella bench mixnet`: a verifiable shuffle of N rows — shuffle, proof and verification timed separately —
/// against the exponentiation-count limit of each step, timed in the same run as the group's own primitives.
struct BenchMixnet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mixnet",
        abstract: "Time a verifiable shuffle (shuffle, Bayer-Groth proof, verification) against its limit.",
        discussion: """
            Shuffles N random rows of ℓ ElGamal ciphertexts, proves and verifies, each step in wall and process CPU \
            time, and reports the peak resident memory (getrusage). The limit of a step is the number of \
            exponentiations it must do, counted from the shape (fixed-base powers, constant-time powers of other \
            bases, multi-exponentiation terms), times the group's own time for each kind, measured in the same run \
            on one core; the ratio is the step's CPU time over its limit. With several --rows each shape is run in \
            turn.
            """
    )

    @Option(help: "The number of rows N.")
    var count = 100_000

    @Option(help: "The number of ciphertexts ℓ in a row.")
    var width = 1

    /// A group the shuffle runs in.
    enum GroupName: String, CaseIterable, ExpressibleByArgument {
        case integer4096 = "integer-4096", ristretto255, p256
    }

    @Option(help: "The group: integer-4096, ristretto255 or p256.")
    var group: GroupName = .p256

    @Option(help: "The matrix rows m to try (repeatable); Tabella's default shape when absent.")
    var rows: [Int] = []

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() async throws {
        let results = switch group {
        case .integer4096: try measure(IntegerGroup.electionGuard)
        case .ristretto255: try measure(Ristretto255())
        case .p256: try measure(P256())
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            results.forEach { print($0.table) }
        }
    }

    /// One run per shape.
    private func measure<Group: PrimeOrderGroup>(_ group: Group) throws -> [MixnetBenchResult] {
        let key = group.generatorPower(secret: group.scalars.randomNonzero())
        let space = try ElGamalRowSpace(group: group, publicKey: key, width: width)
        let progress = ProgressBar(total: count, label: "encrypting \(count) rows", quiet: json)
        let input = ParallelRows.make(count: count) { _ in
            ElGamalRow<Group>((0..<width).map { _ in
                ElGamalCiphertext<Group>(alpha: group.generatorPower(secret: group.scalars.randomNonzero()),
                                  beta: group.generatorPower(secret: group.scalars.randomNonzero()))
            })
        } progress: { progress.set(done: $0) }
        progress.finish()
        let primitives = MixnetPrimitives(group: group, terms: count * space.componentCount)
        return try (rows.isEmpty ? [ShuffleShape.defaultRows(in: group)] : rows).map { m in
            try run(space: space, input: input, rows: m, primitives: primitives)
        }
    }

    /// Shuffles, proves and verifies once with m rows.
    private func run<Space: ShuffleCiphertextSpace>(
        space: Space, input: [Space.Row], rows m: Int, primitives: MixnetPrimitives
    ) throws -> MixnetBenchResult {
        let context = Array("tabella bench mixnet".utf8)
        let setup = try Timed.run { try VerifiableShuffle(space: space, context: context, count: count, rows: m) }
        let mixer = setup.value
        let bar = ProgressBar(total: 300, label: "mixnet m=\(m)", quiet: json)
        let shuffled = try Timed.run { try mixer.shuffle(input) { bar.set(done: Int($0 * 100)) } }
        let proof = try Timed.run {
            try mixer.prove(input: input, output: shuffled.value.output, witness: shuffled.value.witness) {
                bar.set(done: 100 + Int($0 * 100))
            }
        }
        let verification = try Timed.run {
            try mixer.verify(input: input, output: shuffled.value.output, proof: proof.value) {
                bar.set(done: 200 + Int($0 * 100))
            }
        }
        bar.finish()
        let counts = ExponentiationCounts(shape: mixer.shape, components: space.componentCount)
        return MixnetBenchResult(
            group: space.group.name, count: count, width: width, rows: mixer.shape.rows,
            columns: mixer.shape.columns, keySeconds: setup.wall,
            shuffle: .init(shuffled, limit: counts.shuffle.seconds(primitives)),
            prove: .init(proof, limit: counts.prove.seconds(primitives)),
            verify: .init(verification, limit: counts.verify.seconds(primitives)),
            peakMemoryMiB: peakResidentMemoryMiB())
    }
}

/// Rows built on all cores.
enum ParallelRows {
    /// `(0..<count).map(body)` in parallel chunks, reporting the rows done.
    static func make<T: Sendable>(
        count: Int, _ body: @Sendable @escaping (Int) -> T, progress: @escaping @Sendable (Int) -> Void
    ) -> [T] {
        let chunks = 64
        let results = Locked([[T]](repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let values = ((chunk * count / chunks)..<((chunk + 1) * count / chunks)).map(body)
            let done = results.withLock { all in
                all[chunk] = values
                return all.reduce(0) { $0 + $1.count }
            }
            progress(done)
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
