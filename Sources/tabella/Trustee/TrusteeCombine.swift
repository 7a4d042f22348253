import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups

/// `tabella trustee combine`: checks partial decryptions and combines t valid ones.
struct TrusteeCombine: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "combine",
        abstract: "Check trustees' partial decryptions and combine any t valid ones into the plaintexts.",
        discussion: """
            A partial decryption whose proof fails is named and left out; the decryption goes on if t valid ones \
            remain, and fails (exit code 3) otherwise. Needs no secret.
            """
    )

    @Option(help: "The ceremony record written by `tabella trustee export`.")
    var record: String

    @Option(help: "The ciphertext list.")
    var ciphertexts: String

    @Option(help: "The largest plaintext value searched for.")
    var maxValue: UInt64 = 100_000

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Argument(help: "The partial decryption files of the trustees present.")
    var partials: [String]

    /// The outcome printed with `--json`.
    struct Outcome: Codable {
        /// The decrypted values (`null` where none up to the bound fits).
        let values: [UInt64?]
        /// The participant ids used.
        let trustees: [Int]
        /// The participants left out, with the reason.
        let excluded: [Excluded]
    }

    /// One trustee left out.
    struct Excluded: Codable {
        /// The participant id.
        let trustee: Int
        /// The trustee's name.
        let name: String
        /// Why.
        let reason: String
    }

    func run() async throws {
        let ceremony = try TrusteeFiles.read(CeremonyRecord.self, from: record)
        let list = try TrusteeFiles.read(CiphertextList.self, from: ciphertexts)
        let files = try partials.map { try TrusteeFiles.read(PartialDecryptionRecord.self, from: $0) }
        let outcome: Outcome
        do {
            outcome = try await TrusteeCiphersuite(identifier: ceremony.ciphersuite)
                .dispatch(Combine(record: ceremony, list: list, partials: files, maxValue: maxValue))
        } catch let error as CeremonyError {
            printError("Decryption failed: \(error.message) [\(error.code)]")
            throw ExitCode(3)
        }
        if json {
            print(String(decoding: try TrusteeFiles.encode(outcome), as: UTF8.self))
            return
        }
        for excluded in outcome.excluded {
            print("Excluded trustee \(excluded.trustee) (\(excluded.name)): \(excluded.reason)")
        }
        let names = outcome.trustees.map { "\($0) (\(ceremony.names[$0 - 1]))" }.joined(separator: ", ")
        print("Combined the partial decryptions of trustees \(names).")
        for (offset, value) in outcome.values.enumerated() {
            print("  ciphertext \(offset + 1): \(value.map(String.init) ?? "not found up to \(maxValue)")")
        }
    }

    private struct Combine: TrusteeSuiteAction {
        let record: CeremonyRecord
        let list: CiphertextList
        let partials: [PartialDecryptionRecord]
        let maxValue: UInt64

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> Outcome {
            let keys = try record.verified(suite: suite)
            let ciphertexts = try list.parsed(suite: suite)
            let parsed = try partials.map { file in
                guard file.ciphersuite == suite.identifier else {
                    throw ValidationError("trustee \(file.trustee)'s partial decryption is for \(file.ciphersuite)")
                }
                return PartialDecryption<Suite.Group>(trustee: file.trustee,
                    values: try file.values.map { try suite.element(hex: $0, "a value of trustee \(file.trustee)") },
                    proofs: try file.proofs.map {
                        ChaumPedersenProof(challenge: try suite.scalar(hex: $0.challenge, "a challenge"),
                            response: try suite.scalar(hex: $0.response, "a response"))
                    })
            }
            let decryption = try QuorumDecryption(group: suite.group, threshold: keys.threshold,
                verificationShares: keys.verificationShares, ciphertexts: ciphertexts, partials: parsed,
                domain: record.decryptionDomain(suite: suite))
            let logarithms = DiscreteLogTable(group: suite.group, base: keys.groupKey, bound: maxValue)
            return Outcome(values: decryption.plaintexts.map(logarithms.logarithm),
                trustees: decryption.trustees,
                excluded: decryption.excluded.map { error in
                    let id = error.participant ?? 0
                    let name = record.names.indices.contains(id - 1) ? record.names[id - 1] : "?"
                    return Excluded(trustee: id, name: name, reason: error.message)
                })
        }
    }
}
