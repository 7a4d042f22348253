import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups

/// `tabella trustee create`: a new long-term identity.
struct TrusteeCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a trustee identity: a long-term key encrypted under a passphrase, and its public file.",
        discussion: """
            The key file (mode 0600) never leaves the trustee's machine. Send the public file to the organiser, \
            who lists every trustee's public file in the ceremony folder with `tabella trustee setup`.
            """
    )

    @Option(help: "The trustee's name, shown to the other trustees.")
    var name: String

    @Option(help: "The ciphersuite (the group of the election).")
    var ciphersuite: TrusteeCiphersuite = .ristretto255

    @Option(help: "Where to write the encrypted key file.")
    var key: String

    @Option(help: "Where to write the public file (default: the key file's name with .pub.json).")
    var publicFile: String?

    @OptionGroup var passphrase: PassphraseOptions

    func validate() throws { try checkTrusteeName(name) }

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: key) else {
            throw ValidationError("\(key) exists; choose another file (an identity is never overwritten)")
        }
        let phrase = try passphrase.read(prompt: "Passphrase for the new key: ", confirm: true)
        let identity = try await ciphersuite.dispatch(MakeIdentity(name: name))
        try TrusteeFiles.writeSecret(identity.secret, to: key, passphrase: phrase)
        let publicPath = publicFile ?? key + ".pub.json"
        try TrusteeFiles.write(identity.public, to: publicPath)
        print("Created trustee \(name) (\(ciphersuite.identifier)).")
        print("  key file (secret, keep it): \(key)")
        print("  public file (send it to the organiser): \(publicPath)")
        print("Next: wait for the organiser's ceremony folder, then run `tabella trustee join`.")
    }

    private struct MakeIdentity: TrusteeSuiteAction {
        let name: String

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws
            -> (secret: TrusteeIdentity, public: TrusteePublicIdentity)
        {
            let secret = suite.group.scalars.randomNonzero()
            let publicKey = suite.group.generatorPower(secret: secret)
            return (TrusteeIdentity(name: name, ciphersuite: suite.identifier,
                        staticKey: Hex.encode(suite.group.scalars.encode(secret))),
                    TrusteePublicIdentity(name: name, ciphersuite: suite.identifier, publicKey: suite.hex(publicKey)))
        }
    }
}
