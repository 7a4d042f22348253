import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups

/// `tabella trustee decrypt`: this trustee's partial decryption of a ciphertext list, with proofs.
struct TrusteeDecrypt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt",
        abstract: "Publish this trustee's partial decryptions A^x_i of a ciphertext list, each with a proof.",
        discussion: """
            Reveals nothing about the share; the proofs let anyone check the values against this trustee's \
            verification share. Give the output file to whoever combines (`tabella trustee combine`).
            """
    )

    @Option(help: "The trustee's encrypted share file (written by round 3).")
    var share: String

    @Option(help: "The ciphertext list.")
    var ciphertexts: String

    @Option(help: "Where to write the partial decryption.")
    var out: String

    @Flag(help: "No progress bar.")
    var quiet = false

    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        let phrase = try passphrase.read(prompt: "Passphrase of \(share): ")
        let secret = try TrusteeFiles.readSecret(TrusteeShare.self, from: share, passphrase: phrase)
        let list = try TrusteeFiles.read(CiphertextList.self, from: ciphertexts)
        let record = try await TrusteeCiphersuite(identifier: secret.ciphersuite)
            .dispatch(Decrypt(share: secret, list: list, quiet: quiet))
        try TrusteeFiles.write(record, to: out)
        print("Trustee \(secret.name) (participant \(secret.index)) decrypted \(record.values.count) ciphertexts "
            + "into \(out).")
    }

    private struct Decrypt: TrusteeSuiteAction {
        let share: TrusteeShare
        let list: CiphertextList
        let quiet: Bool

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> PartialDecryptionRecord {
            _ = try share.record.verified(suite: suite)
            let ciphertexts = try list.parsed(suite: suite)
            let secret = try suite.scalar(hex: share.secretShare, "the secret share")
            let bar = ProgressBar(total: ciphertexts.count, label: "partial decryption", quiet: quiet)
            let partial = PartialDecryption(group: suite.group, trustee: share.index, secretShare: secret,
                ciphertexts: ciphertexts, domain: share.record.decryptionDomain(suite: suite)) { _ in bar.advance() }
            bar.finish()
            let scalars = suite.group.scalars
            return PartialDecryptionRecord(ciphersuite: suite.identifier, trustee: share.index, name: share.name,
                values: partial.values.map(suite.hex),
                proofs: partial.proofs.map {
                    .init(challenge: Hex.encode(scalars.encode($0.challenge)),
                        response: Hex.encode(scalars.encode($0.response)))
                })
        }
    }
}
