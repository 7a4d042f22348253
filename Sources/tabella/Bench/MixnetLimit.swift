import Foundation
import TabellaCrypto
import TabellaGroups

/// The group's own time for each kind of exponentiation a shuffle does, measured on one core.
struct MixnetPrimitives {
    /// Seconds per constant-time power from a fixed-base table.
    let fixedPower: Double
    /// Seconds per term of a multi-exponentiation of the statement's size.
    let multiPowerTerm: Double
    /// Seconds per term of a constant-time multi-exponentiation (`multiPower(_:secret:)`) over a table built
    /// beforehand, the way the prover uses the tables of its commitment key and of each row of ciphertexts.
    let secretMultiPowerTerm: Double
    /// Seconds per base to build such a table (`secretMultiPowerTable(_:)`).
    let secretTableBase: Double

    /// Terms of the constant-time multi-exponentiation measured: about one chunk of the prover's products at
    /// N = 100,000 (n + 1 = 25,001 bases over 8 chunks), few enough for the integer group's separate powers.
    static let secretTerms = 3_000

    init<Group: PrimeOrderGroup>(group: Group, terms: Int) {
        let field = group.scalars
        let bases = (0..<64).map { _ in group.generatorPower(public: field.random()) }
        let exponents = field.random(count: 64)
        let table = group.fixedBase(bases[0])
        let times = Stopwatch.interleaved([
            .init(name: "fixed", iterations: 64) { _ = group.power(table, secret: exponents[$0]) },
        ], batches: 5, threadTime: true)
        fixedPower = times["fixed"]! / 1e6
        let size = min(terms, 200_000)
        let manyBases = (0..<size).map { bases[$0 % 64] }
        let manyExponents = field.random(count: size)
        let multi = Stopwatch.threadMicroseconds { group.multiPower(manyBases, manyExponents) }
        multiPowerTerm = multi.microseconds / 1e6 / Double(size)
        let secretSize = min(terms, Self.secretTerms)
        let secretBases = Array(manyBases.prefix(secretSize))
        let secretExponents = field.random(count: secretSize)
        let build = Stopwatch.threadMicroseconds { group.secretMultiPowerTable(secretBases) }
        secretTableBase = build.microseconds / 1e6 / Double(secretSize)
        let secretMulti = Stopwatch.threadMicroseconds { group.multiPower(build.result, secret: secretExponents) }
        secretMultiPowerTerm = secretMulti.microseconds / 1e6 / Double(secretSize)
    }
}

/// How many exponentiations of each kind a step needs.
struct ExponentiationCount: Encodable {
    /// Constant-time powers from fixed-base tables.
    var fixed = 0
    /// Multi-exponentiation terms.
    var terms = 0
    /// Constant-time multi-exponentiation terms.
    var secretTerms = 0
    /// Bases of the tables of the constant-time multi-exponentiations, each built once.
    var secretTableBases = 0

    /// The step's limit in seconds, from the group's own times.
    func seconds(_ primitives: MixnetPrimitives) -> Double {
        Double(fixed) * primitives.fixedPower + Double(terms) * primitives.multiPowerTerm
            + Double(secretTerms) * primitives.secretMultiPowerTerm
            + Double(secretTableBases) * primitives.secretTableBase
    }
}

/// The exponentiations each step of a shuffle of a given shape needs, counted as Tabella's prover and verifier do
/// them (Docs/mixnet.md, "cost per ciphertext in exponentiations").
struct ExponentiationCounts {
    let shuffle: ExponentiationCount
    let prove: ExponentiationCount
    let verify: ExponentiationCount

    init(shape: ShuffleShape, components c: Int) {
        let (m, n) = (shape.rows, shape.columns)
        let total = m * n
        // Shuffle: one fixed-base power per component of each re-encryption.
        shuffle = ExponentiationCount(fixed: shape.count * c)
        // Prover, all in constant-time multi-exponentiations: c_A and c_B (2 commitments of n + 1 terms per
        // column), the diagonal products of the multi-exponentiation argument (m² row-column pairs of n
        // ciphertexts, the main diagonal skipped), c_{A₀} and the product argument's commitments of n + 1 (Hadamard
        // and zero for m ≥ 2, single value product), and the commitments of 2 terms (c_B of the
        // multi-exponentiation argument, c_d of the zero argument); the tables of the key (n + 1 bases) and of
        // every row of ciphertexts (m·n·c bases). E_k: fixed-base powers.
        let vectorCommitments = 2 * m + 1 + (m >= 2 ? m + 1 : 0) + 3
        prove = ExponentiationCount(
            fixed: (2 * m - 1) * (c + 1),
            terms: total * c,
            secretTerms: vectorCommitments * (n + 1) + m * m * n * c + (2 * m + (m >= 2 ? 2 * m + 1 : 0)) * 2,
            secretTableBases: n + 1 + total * c)
        // Verifier: C = ∏ C_i^{x^i} and ∏ C′_{ij}^{x^{m−i−1} a_j} (N·c terms each), and the commitment checks of
        // n + 1 terms (multi-exponentiation, single value product (2), zero (2)); c_{−1} and c_{−z} are one power
        // each of the product of the generators.
        verify = ExponentiationCount(terms: 2 * total * c + 5 * (n + 1) + 8 * m * c)
    }
}

/// A step's result: its value, wall and CPU seconds.
struct Timed<T> {
    let value: T
    let wall: Double
    let cpu: Double

    static func run(_ body: () throws -> T) rethrows -> Timed<T> {
        let (wallStart, cpuStart) = (Date(), processorSeconds())
        let value = try body()
        return Timed(value: value, wall: Date().timeIntervalSince(wallStart), cpu: processorSeconds() - cpuStart)
    }
}

/// The figures of one step.
struct MixnetStep: Encodable {
    let wallSeconds: Double
    let cpuSeconds: Double
    let limitSeconds: Double
    /// CPU time over the limit.
    let ratio: Double

    init<T>(_ timed: Timed<T>, limit: Double) {
        wallSeconds = timed.wall
        cpuSeconds = timed.cpu
        limitSeconds = limit
        ratio = limit > 0 ? timed.cpu / limit : 0
    }
}

/// One run of `tabella bench mixnet`.
struct MixnetBenchResult: Encodable {
    let group: String
    let count: Int
    let width: Int
    let rows: Int
    let columns: Int
    /// Deriving the commitment key (part of both proving and verifying).
    let keySeconds: Double
    let shuffle: MixnetStep
    let prove: MixnetStep
    let verify: MixnetStep
    let peakMemoryMiB: Double

    /// A table for a terminal.
    var table: String {
        func line(_ name: String, _ step: MixnetStep) -> String {
            String(format: "  %-8@ wall %8.2f s  cpu %8.2f s  limit %8.2f s  cpu/limit %5.2f", name as NSString,
                   step.wallSeconds, step.cpuSeconds, step.limitSeconds, step.ratio)
        }
        let total = keySeconds + shuffle.wallSeconds + prove.wallSeconds + verify.wallSeconds
        return """
            \(group): N = \(count), ℓ = \(width), shape \(rows) × \(columns)
              key      wall \(String(format: "%8.2f", keySeconds)) s
            \(line("shuffle", shuffle))
            \(line("prove", prove))
            \(line("verify", verify))
              total    wall \(String(format: "%8.2f", total)) s, peak resident memory \
            \(String(format: "%.0f", peakMemoryMiB)) MiB
            """
    }
}
