import ArgumentParser
import Foundation
import TabellaGroups

/// `tabella bench groups`: every group's operations, against the raw C library calls in the same run.
struct BenchGroups: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "Time exponentiations, multi-exponentiation, decoding and hashing in every group.",
        discussion: """
            Prints microseconds per operation for integer-4096 (ElectionGuard), ristretto255 and p256, and the raw \
            library calls as references: mpz_powm_sec and BN_mod_exp_mont_consttime for 4096/256 bits, \
            crypto_scalarmult_ristretto255, EC_POINT_mul on P-256.
            """
    )

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: "Terms of the multi-exponentiation.")
    var terms = 1_000

    @Option(help: "Operations per timed batch (more is steadier and slower).")
    var iterations = 20

    func validate() throws {
        guard terms >= 1 else { throw ValidationError("--terms must be at least 1, not \(terms)") }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1, not \(iterations)") }
    }

    func run() async throws {
        let progress = ProgressBar(total: 3, label: "bench groups", quiet: json)
        var results = [GroupBenchResult]()
        results.append(integerGroup())
        progress.advance()
        results.append(ristretto255())
        progress.advance()
        results.append(p256())
        progress.finish()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            results.forEach { print(GroupBenchTable.render($0)) }
        }
    }

    private func integerGroup() -> GroupBenchResult {
        let group = IntegerGroup.electionGuard
        let raw = RawLibraryReferences.integerExponentiation(
            modulus: group.modulus, exponentBytes: group.scalars.byteCount, iterations: iterations)
        defer { raw.release() }
        let figures = Stopwatch.interleaved(
            GroupBenchmark(group: group, terms: terms, iterations: iterations).operations() + raw.operations)
        let ours = perTerm(figures)
        let gmp = figures["mpz_powm_sec"]!
        let openssl = figures["BN_mod_exp_mont_consttime"]!
        let fixedLength = figures["BN_mod_exp_mont_consttime, fixed length"]!
        return GroupBenchResult(group: group.name, rows: [
            // Ours pads the exponent to a fixed length (Docs/security.md): its reference is the raw call on exponents
            // of that length; the unpadded raw calls show what the padding costs.
            BenchRow.compared("secret exponentiation", ours["secret"]!,
                              with: "BN_mod_exp_mont_consttime, fixed length", fixedLength),
            BenchRow.reference("BN_mod_exp_mont_consttime, fixed length (raw OpenSSL)", fixedLength),
            BenchRow.reference("mpz_powm_sec (raw GMP)", gmp),
            BenchRow.reference("BN_mod_exp_mont_consttime (raw OpenSSL)", openssl),
            BenchRow.speedup("public exponentiation", ours["public"]!, over: "mpz_powm_sec", gmp),
            BenchRow.speedup("fixed-base exponentiation, public", ours["fixedPublic"]!, over: "mpz_powm_sec", gmp),
            BenchRow.speedup("fixed-base exponentiation, secret", ours["fixedSecret"]!, over: "mpz_powm_sec", gmp),
            BenchRow.speedup("generator exponentiation, secret", ours["generatorSecret"]!, over: "mpz_powm_sec",
                             gmp),
            BenchRow.speedup("multi-exponentiation per term (\(terms) terms)", ours["multiPerTerm"]!,
                             over: "public exponentiation", ours["public"]!),
            BenchRow.speedup("constant-time multi-exponentiation per term", ours["secretMultiPerTerm"]!,
                             over: "secret exponentiation", ours["secret"]!),
            BenchRow.plain("decode with validation", ours["decode"]!),
            BenchRow.plain("H (ElectionGuard hash of one element)", ours["hash"]!),
        ])
    }

    /// The figures with the multi-exponentiations' per-term times added (`multiPerTerm`, `secretMultiPerTerm`).
    private func perTerm(_ figures: [String: Double]) -> [String: Double] {
        figures.merging(["multiPerTerm": figures["multiPower"]! / Double(terms),
                         "secretMultiPerTerm": figures["secretMultiPower"]! / Double(terms)]) { $1 }
    }

    private func ristretto255() -> GroupBenchResult {
        let group = Ristretto255()
        let references = RawLibraryReferences.ristretto255(iterations: iterations * 10)
        defer { references.release() }
        let figures = Stopwatch.interleaved(
            GroupBenchmark(group: group, terms: terms, iterations: iterations * 10).operations() + references.operations)
        let ours = perTerm(figures)
        let raw = (point: figures["crypto_scalarmult_ristretto255"]!, base: figures["crypto_scalarmult_ristretto255_base"]!)
        return GroupBenchResult(group: group.name, rows: [
            BenchRow.compared("secret exponentiation", ours["secret"]!, with: "crypto_scalarmult_ristretto255",
                              raw.point),
            BenchRow.reference("crypto_scalarmult_ristretto255 (raw libsodium)", raw.point),
            BenchRow.reference("crypto_scalarmult_ristretto255_base (raw libsodium)", raw.base),
            BenchRow.compared("public exponentiation", ours["public"]!, with: "crypto_scalarmult_ristretto255",
                              raw.point),
            BenchRow.speedup("fixed-base exponentiation, public", ours["fixedPublic"]!, over: "secret exponentiation",
                             ours["secret"]!),
            BenchRow.speedup("fixed-base exponentiation, secret", ours["fixedSecret"]!, over: "secret exponentiation",
                             ours["secret"]!),
            BenchRow.compared("generator exponentiation, secret", ours["generatorSecret"]!,
                              with: "crypto_scalarmult_ristretto255_base", raw.base),
            BenchRow.compared("generator exponentiation, public", ours["generatorPublic"]!,
                              with: "crypto_scalarmult_ristretto255_base", raw.base),
            BenchRow.speedup("multi-exponentiation per term (\(terms) terms)", ours["multiPerTerm"]!,
                             over: "public exponentiation", ours["public"]!),
            BenchRow.speedup("constant-time multi-exponentiation per term", ours["secretMultiPerTerm"]!,
                             over: "secret exponentiation", ours["secret"]!),
            BenchRow.compared("decode with validation", ours["decode"]!,
                              with: "crypto_core_ristretto255_is_valid_point",
                              figures["crypto_core_ristretto255_is_valid_point"]!),
            BenchRow.plain("H (ElectionGuard hash of one element)", ours["hash"]!),
        ])
    }

    private func p256() -> GroupBenchResult {
        let group = P256()
        let references = RawLibraryReferences.p256(iterations: iterations * 10, terms: terms)
        defer { references.release() }
        let figures = Stopwatch.interleaved(
            GroupBenchmark(group: group, terms: terms, iterations: iterations * 10).operations() + references.operations)
        let ours = perTerm(figures)
        let raw = (point: figures["EC_POINT_mul"]!, generator: figures["EC_POINT_mul generator"]!)
        return GroupBenchResult(group: group.name, rows: [
            BenchRow.compared("secret exponentiation", ours["secret"]!, with: "EC_POINT_mul", raw.point),
            BenchRow.reference("EC_POINT_mul, random point (raw OpenSSL)", raw.point),
            BenchRow.reference("EC_POINT_mul, generator (raw OpenSSL)", raw.generator),
            BenchRow.compared("public exponentiation", ours["public"]!, with: "EC_POINT_mul", raw.point),
            BenchRow.speedup("fixed-base exponentiation, public", ours["fixedPublic"]!, over: "secret exponentiation",
                             ours["secret"]!),
            BenchRow.speedup("fixed-base exponentiation, secret", ours["fixedSecret"]!, over: "secret exponentiation",
                             ours["secret"]!),
            BenchRow.compared("generator exponentiation, secret", ours["generatorSecret"]!,
                              with: "EC_POINT_mul, generator", raw.generator),
            BenchRow.speedup("multi-exponentiation per term (\(terms) terms)", ours["multiPerTerm"]!,
                             over: "public exponentiation", ours["public"]!),
            BenchRow.speedup("constant-time multi-exponentiation per term", ours["secretMultiPerTerm"]!,
                             over: "secret exponentiation", ours["secret"]!),
            BenchRow.speedup("multi-exponentiation per term, against OpenSSL's", ours["multiPerTerm"]!,
                             over: "EC_POINTs_mul", figures["EC_POINTs_mul"]! / Double(terms)),
            BenchRow.plain("decode with validation", ours["decode"]!),
            BenchRow.plain("H (ElectionGuard hash of one element)", ours["hash"]!),
        ])
    }
}

extension BenchRow {
    /// Ours against a reference, as ours/reference (lower is better; 1.00 is parity).
    static func compared(_ operation: String, _ ours: Double, with name: String, _ reference: Double) -> BenchRow {
        BenchRow(operation: operation, microseconds: ours, comparedWith: name, referenceMicroseconds: reference,
                 ratioMeaning: "ours/reference", ratio: ours / reference)
    }

    /// How many times faster than a reference, as reference/ours (higher is better).
    static func speedup(_ operation: String, _ ours: Double, over name: String, _ reference: Double) -> BenchRow {
        BenchRow(operation: operation, microseconds: ours, comparedWith: name, referenceMicroseconds: reference,
                 ratioMeaning: "speed-up", ratio: reference / ours)
    }

    /// A reference call's own figure.
    static func reference(_ operation: String, _ microseconds: Double) -> BenchRow {
        BenchRow(operation: operation, microseconds: microseconds, comparedWith: nil, referenceMicroseconds: nil,
                 ratioMeaning: nil, ratio: nil)
    }

    /// A figure with nothing to compare with.
    static func plain(_ operation: String, _ microseconds: Double) -> BenchRow { reference(operation, microseconds) }
}
