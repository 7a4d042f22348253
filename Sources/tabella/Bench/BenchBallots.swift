import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups
import TabellaVerifier

/// `tabella bench ballots`: ballot encryption against its exponentiation limit, record verification with one and two
/// jobs, and batch against one-by-one range-proof verification.
struct BenchBallots: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ballots",
        abstract: "Time ballot encryption, record verification and batch proof verification.",
        discussion: """
            1. Encrypting a ballot of 20 selections (4 contests of 5, limits 1) with every proof, per group, against \
            its limit: the 136 fixed-base exponentiations it must do (68 with base g, 68 with base K), timed as one \
            run of 136 in the same interleaved batches, both in thread CPU time. 2. Verifying an ElectionGuard 2.0 \
            record end to end, wall time, with 1 and 2 jobs. 3. Verifying range proofs in the 4096-bit group one by \
            one and as one batch.
            """
    )

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: "The ElectionGuard 2.0 record to verify.")
    var record = "Vectors/electionguard-2.0/allAvailableJson"

    @Option(help: "Range proofs for the batch comparison.")
    var proofs = 10_000

    @Option(help: "Ballots per timed batch of encryptions.")
    var ballots = 3

    /// A part of the bench that can be run alone.
    enum Part: String, CaseIterable, ExpressibleByArgument {
        case encryption, verification, batch
    }

    @Option(name: .customLong("part"),
            help: "Run only these parts (repeatable: encryption, verification, batch); all by default.")
    var parts: [Part] = Part.allCases

    /// A group whose ballot encryption is timed.
    enum GroupName: String, CaseIterable, ExpressibleByArgument {
        case integer4096 = "integer-4096", ristretto255, p256
    }

    @Option(name: .customLong("group"),
            help: "Time ballot encryption in these groups only (repeatable: integer-4096, ristretto255, p256).")
    var groups: [GroupName] = GroupName.allCases

    func run() async throws {
        let progress = ProgressBar(total: 6, label: "bench ballots", quiet: json)
        var results = [GroupBenchResult]()
        if parts.contains(.encryption) {
            for group in groups {
                switch group {
                case .integer4096: results.append(encryption(IntegerGroup.electionGuard))
                case .ristretto255: results.append(encryption(Ristretto255()))
                case .p256: results.append(encryption(P256()))
                }
                progress.advance()
            }
        }
        if parts.contains(.verification) {
            results.append(try await verification())
            progress.advance(by: 2)
        }
        if parts.contains(.batch) { results.append(batch()) }
        progress.finish()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            results.forEach { print(GroupBenchTable.render($0)) }
        }
    }

    /// The 20-selection ballot: 4 contests of 5 options, one vote each.
    private static let contests = (1...4).map {
        PlaintextContest(index: $0, contestLimit: 1, optionLimit: 1, votes: [0, 0, 1, 0, 0])
    }

    private func encryption<G: PrimeOrderGroup>(_ group: G) -> GroupBenchResult {
        let field = group.scalars
        let element = group.generatorPower(secret: field.randomNonzero())
        let key = ElGamalPublicKey(group: group, element: element)
        let rules = ElectionGuard21(key: key, extendedBaseHash: SecureRandom.bytes(count: 32))
        let encryptor = BallotEncryptor(rules: rules)
        let chaining = rules.unchainedField(deviceHash: rules.deviceHash("bench"))
        let exponents = (0..<64).map { _ in field.random() }
        // Per selection: g^ξ and K^(σ+ξ), then g^u_j and K^t_j for j = 0, 1; per contest: the same for j = 0, 1.
        let selections = Self.contests.reduce(0) { $0 + $1.votes.count }
        let generatorCount = selections * 3 + Self.contests.count * 2
        let keyCount = generatorCount  // the limit below pairs each g with a K
        let samples = (0..<64).map { _ in group.generatorPower(secret: field.random()) }
        let figures = Stopwatch.interleaved([
            .init(name: "encode", iterations: 64) { _ = group.encode(samples[$0]) },
            .init(name: "encode 6", iterations: 10) { _ = group.encodeAll(Array(samples[6 * $0..<6 * $0 + 6])) },
            .init(name: "ballot", iterations: ballots) { _ in
                _ = encryptor.encrypt(identifier: SecureRandom.bytes(count: 32), contests: Self.contests,
                                      ballotNonce: SecureRandom.bytes(count: 32), chainingField: chaining)
            },
            // The limit itself: one call does all the ballot's exponentiations in the ballot's order (g and K
            // alternate, so their tables compete for the cache as they do in a ballot), so that it lasts as long
            // as a ballot and shares its conditions on a busy machine; both are timed in thread CPU time.
            .init(name: "limit", iterations: ballots) { _ in
                for index in 0..<generatorCount {
                    _ = group.generatorPower(secret: exponents[index % 64])
                    _ = group.power(key.table, secret: exponents[(index + 1) % 64])
                }
            },
            .init(name: "g", iterations: 40) { _ = group.generatorPower(secret: exponents[$0]) },
            .init(name: "K", iterations: 40) { _ = group.power(key.table, secret: exponents[$0]) },
        ], batches: 7, threadTime: true)
        // The hashes encode α, β and the commitments: 6 + 2 per selection (its challenge and the contest hash) and
        // 6 per contest-limit challenge, in batches of 6 (the challenges) and 10 (the contest hashes).
        let encodings = selections * 8 + Self.contests.count * 6
        return GroupBenchResult(group: "ballot encryption, \(group.name)", rows: [
            BenchRow.compared("encrypt a 20-selection ballot with all proofs", figures["ballot"]!,
                              with: "\(generatorCount + keyCount) fixed-base exponentiations", figures["limit"]!),
            BenchRow.plain("fixed-base exponentiation, base g, secret", figures["g"]!),
            BenchRow.plain("fixed-base exponentiation, base K, secret", figures["K"]!),
            BenchRow.plain("encode one element (the ballot's hashes encode \(encodings))", figures["encode"]!),
            BenchRow.plain("encode 6 elements together, per element", figures["encode 6"]! / 6),
        ])
    }

    private func verification() async throws -> GroupBenchResult {
        let directory = URL(fileURLWithPath: record)
        var wall = [Int: Double]()
        var cpu = [Int: Double]()
        for jobs in [1, 2] {
            let start = ContinuousClock.now
            let cpuStart = Self.processCPUTime()
            let report = await ElectionGuard20Verifier.verify(directory: directory, jobs: jobs)
            wall[jobs] = (ContinuousClock.now - start).microseconds
            cpu[jobs] = Self.processCPUTime() - cpuStart
            guard report.isValid else {
                throw ValidationError("the record at \(record) does not verify: \(report.firstFailure!)")
            }
        }
        return GroupBenchResult(group: "ElectionGuard 2.0 record verification, wall time (\(record))", rows: [
            BenchRow.plain("verify the record, 1 job", wall[1]!),
            BenchRow.speedup("verify the record, 2 jobs", wall[2]!, over: "1 job", wall[1]!),
            // CPU time of the whole process: equal for 1 and 2 jobs when the work splits without overhead, so a
            // wall-time speed-up below 2 with equal CPU times means that no second core was free.
            BenchRow.plain("process CPU time, 1 job", cpu[1]!),
            BenchRow.plain("process CPU time, 2 jobs", cpu[2]!),
        ])
    }

    /// User and system CPU time of this process so far, in microseconds.
    private static func processCPUTime() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let user = Double(usage.ru_utime.tv_sec) * 1e6 + Double(usage.ru_utime.tv_usec)
        return user + Double(usage.ru_stime.tv_sec) * 1e6 + Double(usage.ru_stime.tv_usec)
    }

    private func batch() -> GroupBenchResult {
        let group = IntegerGroup.electionGuard
        let field = group.scalars
        let key = ElGamalPublicKey(group: group, element: group.generatorPower(secret: field.randomNonzero()))
        let rules = ElectionGuard20(key: key, extendedBaseHash: SecureRandom.bytes(count: 32))
        let items = (0..<proofs).map { index -> RangeProofBatch<IntegerGroup>.Item in
            let nonce = field.random()
            let ciphertext = key.encrypt(UInt64(index % 2), nonce: nonce)
            let proof = RangeProof.prove(ciphertext: ciphertext, value: index % 2, nonce: nonce, limit: 1, key: key) {
                rules.rangeChallenge(ciphertext: ciphertext, commitments: $0)
            }
            return .init(ciphertext: ciphertext, limit: 1, proof: proof)
        }
        let challenge: (Int, [IntegerGroup.Element]) -> Scalar = {
            rules.rangeChallenge(ciphertext: items[$0].ciphertext, commitments: $1)
        }
        let clock = ContinuousClock()
        var oneByOne = [Bool]()
        let single = clock.measure {
            oneByOne = items.enumerated().map { index, item in
                item.proof.verify(ciphertext: item.ciphertext, limit: 1, key: key) { challenge(index, $0) }
            }
        }
        var batched = [Bool]()
        let together = clock.measure { batched = RangeProofBatch(key: key).verify(items, challenge: challenge) }
        precondition(oneByOne == batched && batched.allSatisfy { $0 }, "batch and one-by-one results differ")
        return GroupBenchResult(group: "range proofs 0..1, integer-4096, \(proofs) proofs", rows: [
            BenchRow.plain("verify one by one, per proof", single.microseconds / Double(proofs)),
            BenchRow.speedup("verify as one batch (128-bit exponents), per proof",
                             together.microseconds / Double(proofs), over: "one by one",
                             single.microseconds / Double(proofs)),
        ])
    }
}
