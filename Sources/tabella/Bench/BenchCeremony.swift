import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups

/// `tabella bench ceremony`: a whole key ceremony in one process, and partial decryptions with proofs, per group.
struct BenchCeremony: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ceremony",
        abstract: "Time a t-of-n COCKTAIL-DKG ceremony and partial decryptions with proofs in every group.",
        discussion: """
            The ceremony runs every trustee's three rounds in this process, one after another (the wall time a \
            single machine would need for all of them). The partial decryption of --ciphertexts ciphertexts by one \
            trustee, with a Chaum-Pedersen proof each, is compared with its exponentiation-count limit: per \
            ciphertext two exponentiations of a random base by a secret (A^x, A^u) and one of the generator (g^u), \
            each timed in the same run. Verification is compared likewise with one fixed-base public \
            exponentiation of g, one of the verification share, and a two-term multi-exponentiation. Decryption, \
            verification and the references are timed in thread CPU time.
            """
    )

    @Option(help: "The threshold t.")
    var threshold = 7

    @Option(help: "The number of trustees n.")
    var trustees = 14

    @Option(help: "Ciphertexts decrypted by one trustee.")
    var ciphertexts = 1_000

    @Option(help: "Ceremonies timed per group (the median is reported).")
    var repetitions = 3

    @Flag(help: "Print the results as JSON.")
    var json = false

    /// The figures of one group.
    struct Result: Codable {
        /// The ciphersuite.
        let ciphersuite: String
        /// `t` and `n`.
        let threshold: Int, trustees: Int
        /// Median seconds of each round for all trustees together, and of the whole ceremony.
        let round1Seconds: Double, round2Seconds: Double, round3Seconds: Double, ceremonySeconds: Double
        /// Ciphertexts decrypted.
        let ciphertexts: Int
        /// Seconds for one trustee's partial decryption with proofs, and for checking it.
        let partialDecryptionSeconds: Double, verificationSeconds: Double
        /// Microseconds of the operations the limits count.
        let secretExponentiation: Double, generatorSecretExponentiation: Double
        let generatorPublicExponentiation: Double, fixedBasePublicExponentiation: Double, twoTermMultiPower: Double
        /// The limits in seconds and the measured/limit ratios.
        let partialDecryptionLimitSeconds: Double, partialDecryptionRatio: Double
        let verificationLimitSeconds: Double, verificationRatio: Double
    }

    func run() async throws {
        let progress = ProgressBar(total: 3, label: "bench ceremony", quiet: json)
        var results = [Result]()
        for suite in TrusteeCiphersuite.allCases {
            results.append(try await suite.dispatch(Measure(command: self)))
            progress.advance()
        }
        progress.finish()
        if json {
            print(String(decoding: try TrusteeFiles.encode(results), as: UTF8.self))
            return
        }
        for result in results { print(Self.render(result)) }
    }

    private static func render(_ r: Result) -> String {
        func f(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
        return """
            \(r.ciphersuite)
              \(r.threshold)-of-\(r.trustees) ceremony, all trustees in one process: \(f(r.ceremonySeconds)) s \
            (round 1 \(f(r.round1Seconds)) s, round 2 \(f(r.round2Seconds)) s, round 3 \(f(r.round3Seconds)) s)
              partial decryption with proofs, \(r.ciphertexts) ciphertexts: \(f(r.partialDecryptionSeconds)) s; \
            limit \(r.ciphertexts) x (2 x \(f(r.secretExponentiation, 1)) µs \
            + \(f(r.generatorSecretExponentiation, 1)) µs) = \(f(r.partialDecryptionLimitSeconds)) s; \
            ratio \(f(r.partialDecryptionRatio, 2))
              verification of those proofs: \(f(r.verificationSeconds)) s; limit \(r.ciphertexts) x \
            (\(f(r.generatorPublicExponentiation, 1)) + \(f(r.fixedBasePublicExponentiation, 1)) + \
            \(f(r.twoTermMultiPower, 1)) µs) = \(f(r.verificationLimitSeconds)) s; ratio \(f(r.verificationRatio, 2))

            """
    }

    private struct Measure: TrusteeSuiteAction {
        let command: BenchCeremony

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> Result {
            let group = suite.group
            let clock = ContinuousClock()
            var rounds = [[Double]](repeating: [], count: 4)
            var last: [CeremonyResult<Suite>] = []
            for repetition in 0..<command.repetitions {
                let keys = (0..<command.trustees).map { _ in group.scalars.randomNonzero() }
                let setup = try CeremonySetup(suite: suite, threshold: command.threshold,
                    publicKeys: keys.map { group.generatorPower(secret: $0) },
                    sessionID: Array("bench-\(repetition)".utf8))
                let participants = try (1...command.trustees).map {
                    try CeremonyParticipant(setup: setup, index: $0, staticKey: keys[$0 - 1])
                }
                var messages = [Round1Message<Suite>]()
                var round2 = [CeremonyRound2<Suite>]()
                var results = [CeremonyResult<Suite>]()
                let first = try clock.measure { messages = try participants.map { try $0.round1() } }
                let second = try clock.measure { round2 = try participants.map { try $0.round2(messages: messages) } }
                let signatures = round2.map(\.signature)
                let third = try clock.measure {
                    results = try zip(participants, round2).map { try $0.0.round3($0.1, signatures: signatures) }
                }
                for (offset, duration) in [first, second, third, first + second + third].enumerated() {
                    rounds[offset].append(duration.seconds)
                }
                last = results
            }
            let median = rounds.map { $0.sorted()[$0.count / 2] }

            let keys = last[0].publicKeys
            let election = ElGamalPublicKey(group: group, element: keys.groupKey)
            let ciphertexts = (0..<command.ciphertexts).map {
                election.encrypt(UInt64($0 % 100), nonce: group.scalars.randomNonzero())
            }
            let domain = Array("bench".utf8)
            let trustee = last[0]
            // Thread CPU time, like the references below: time spent preempted by other processes on a busy
            // machine would otherwise count against the long run and not against the short reference batches.
            let (partial, decryption) = Stopwatch.threadMicroseconds {
                PartialDecryption(group: group, trustee: trustee.index, secretShare: trustee.secretShare,
                    ciphertexts: ciphertexts, domain: domain)
            }
            let share = ElGamalPublicKey(group: group, element: keys.verificationShares[trustee.index - 1])
            let verification = try Stopwatch.threadMicroseconds {
                try partial.verify(verificationShare: share, ciphertexts: ciphertexts, domain: domain)
            }.microseconds

            let samples = 10
            let bases = (0..<samples).map { _ in group.generatorPower(secret: group.scalars.randomNonzero()) }
            let exponents = (0..<samples).map { _ in group.scalars.randomNonzero() }
            let costs = Stopwatch.interleaved([
                .init(name: "secret", iterations: samples) { _ = group.power(bases[$0], secret: exponents[$0]) },
                .init(name: "generatorSecret", iterations: samples) { _ = group.generatorPower(secret: exponents[$0]) },
                .init(name: "generatorPublic", iterations: samples) { _ = group.generatorPower(public: exponents[$0]) },
                .init(name: "fixedPublic", iterations: samples) { _ = group.power(share.table, public: exponents[$0]) },
                .init(name: "multi2", iterations: samples) {
                    _ = group.multiPower([bases[$0], bases[(samples - 1) - $0]],
                        [exponents[$0], exponents[($0 + 1) % samples]])
                },
            ], threadTime: true)
            let count = Double(command.ciphertexts)
            let decryptionLimit = count * (2 * costs["secret"]! + costs["generatorSecret"]!) / 1e6
            let verificationLimit = count * (costs["generatorPublic"]! + costs["fixedPublic"]! + costs["multi2"]!) / 1e6
            return Result(ciphersuite: suite.identifier, threshold: command.threshold, trustees: command.trustees,
                round1Seconds: median[0], round2Seconds: median[1], round3Seconds: median[2],
                ceremonySeconds: median[3], ciphertexts: command.ciphertexts,
                partialDecryptionSeconds: decryption / 1e6, verificationSeconds: verification / 1e6,
                secretExponentiation: costs["secret"]!, generatorSecretExponentiation: costs["generatorSecret"]!,
                generatorPublicExponentiation: costs["generatorPublic"]!,
                fixedBasePublicExponentiation: costs["fixedPublic"]!, twoTermMultiPower: costs["multi2"]!,
                partialDecryptionLimitSeconds: decryptionLimit,
                partialDecryptionRatio: decryption / 1e6 / decryptionLimit,
                verificationLimitSeconds: verificationLimit,
                verificationRatio: verification / 1e6 / verificationLimit)
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { microseconds / 1e6 }
}
