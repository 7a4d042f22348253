import ArgumentParser
import Foundation
import TabellaBoard
import TabellaCrypto

/// `tabella board keygen`: a new Ed25519 key for a board, a witness or an entry signer.
struct BoardKeygen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create a signing key; print its verifier key.",
        discussion: """
            The key file holds PRIVATE+KEY+<name>+<keyid>+<base64 seed> and is written with mode 0600. \
            The printed verifier key is a board's checkpoint key, or with --witness the cosigner key (type 0x04).
            """
    )

    @Option(help: "The key name: the board's origin (e.g. board.example.org/city-2027) or the witness's name.")
    var name: String

    @Option(help: "Where to write the private key.")
    var out: String

    @Flag(help: "Print the verifier key of a witness (timestamped cosignatures) instead of a log's.")
    var witness = false

    func run() throws {
        let key = Ed25519.PrivateKey()
        guard !name.isEmpty, !name.contains("+"), !name.contains(where: \.isWhitespace) else {
            throw ValidationError("a key name is non-empty, with no spaces and no `+`")
        }
        guard
            FileManager.default.createFile(
                atPath: out, contents: Data((VerifierKey.formatSigner(name: name, privateKey: key) + "\n").utf8),
                attributes: [.posixPermissions: 0o600])
        else { throw ValidationError("could not write \(out)") }
        print(
            witness
                ? CosignatureVerifier(name: name, publicKey: key.publicKey).verifierKey
                : Ed25519NoteVerifier(name: name, publicKey: key.publicKey).verifierKey)
    }
}

/// Reads a signing key file written by `tabella board keygen`.
func readSigner(_ path: String) throws -> Ed25519NoteSigner {
    try VerifierKey.parseSigner(
        try readTextFile(path, naming: "the signing key file").trimmingCharacters(in: .whitespacesAndNewlines))
}
