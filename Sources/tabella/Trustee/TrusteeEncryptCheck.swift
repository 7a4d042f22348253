import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups

/// `tabella trustee encrypt-check`: known values encrypted under the election key, to rehearse a decryption.
struct TrusteeEncryptCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encrypt-check",
        abstract: "Encrypt known small numbers under a ceremony's election key, to check that t trustees decrypt.",
        discussion: "The record is verified first. Values are encrypted as exponential ElGamal, (g^r, Y^(r+m))."
    )

    @Option(help: "The ceremony record written by `tabella trustee export`.")
    var record: String

    @Option(help: "Comma-separated non-negative integers.")
    var values: String

    @Option(help: "Where to write the ciphertext list.")
    var out: String

    func run() async throws {
        let ceremony = try TrusteeFiles.read(CeremonyRecord.self, from: record)
        let numbers = try values.split(separator: ",").map { text in
            guard let value = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("\(text) is not a non-negative integer")
            }
            return value
        }
        let list = try await TrusteeCiphersuite(identifier: ceremony.ciphersuite)
            .dispatch(Encrypt(record: ceremony, values: numbers))
        try TrusteeFiles.write(list, to: out)
        print("Encrypted \(numbers.count) values under \(ceremony.groupKey.prefix(16))… into \(out).")
        print("Next: t trustees run `tabella trustee decrypt --ciphertexts \(out) ...`.")
    }

    private struct Encrypt: TrusteeSuiteAction {
        let record: CeremonyRecord
        let values: [UInt64]

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> CiphertextList {
            let keys = try record.verified(suite: suite)
            let key = ElGamalPublicKey(group: suite.group, element: keys.groupKey)
            let entries = values.map { value in
                let ciphertext = key.encrypt(value, nonce: suite.group.scalars.randomNonzero())
                return CiphertextList.Entry(pad: suite.hex(ciphertext.alpha), data: suite.hex(ciphertext.beta))
            }
            return CiphertextList(ciphersuite: suite.identifier, ciphertexts: entries)
        }
    }
}

extension CiphertextList {
    /// The ciphertexts, validated in `suite`.
    func parsed<Suite: CocktailCiphersuite>(suite: Suite) throws -> [ElGamalCiphertext<Suite.Group>] {
        guard ciphersuite == suite.identifier else {
            throw ValidationError("the ciphertexts are for \(ciphersuite), not \(suite.identifier)")
        }
        return try ciphertexts.enumerated().map { offset, entry in
            ElGamalCiphertext(alpha: try suite.element(hex: entry.pad, "the pad of ciphertext \(offset + 1)"),
                beta: try suite.element(hex: entry.data, "the data of ciphertext \(offset + 1)"))
        }
    }
}
