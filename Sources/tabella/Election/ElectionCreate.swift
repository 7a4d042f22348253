import ArgumentParser
import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaRecord
import TabellaVerifier

/// `tabella election create`: the definition and the roll on the board, and the voters' credentials.
struct ElectionCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Post the election's definition and voter roll; write the voters' credential files.",
        discussion: """
            The manifest (JSON, Docs/formats.md) names the contests, the weight function, the period, the \
            trustees' number and threshold, and the group. Voters come from --roll (a JSON roll of credential \
            public keys, regions and tokens) or are generated with --voters: each gets a credential file in \
            --credentials (mode 0600) to hand over out of band; the roll holds only the public keys. The \
            authority's key file is created on first use, encrypted under a passphrase.
            """
    )

    @OptionGroup var options: ElectionBoardOptions

    @Option(help: "The manifest JSON file.")
    var manifest: String

    @Option(help: "A trustee's public file (from `tabella trustee enroll`), in participant order. Repeatable.")
    var trustee: [String] = []

    @Option(help: "A roll JSON file of existing credentials.")
    var roll: String?

    @Option(help: "Generate this many voters and their credential files instead of --roll.")
    var voters: Int?

    @Option(help: "With --voters: region tags, comma-separated, given to the voters in turn.")
    var regions: String?

    @Option(help: "With --voters: each voter holds a random number of tokens from 1 to this.")
    var maxTokens: UInt64 = 1

    @Option(help: "With --voters: the folder for the credential files.")
    var credentials: String = "credentials"

    @Option(help: "The authority's key file (created if missing).")
    var key: String

    @OptionGroup var passphrase: PassphraseOptions

    func validate() throws {
        guard (roll == nil) != (voters == nil) else { throw ValidationError("give either --roll or --voters") }
        if let voters, voters < 1 { throw ValidationError("--voters must be at least 1") }
        guard maxTokens >= 1 else { throw ValidationError("--max-tokens must be at least 1") }
    }

    func run() async throws {
        let manifest = try TrusteeFiles.read(ElectionManifest.self, from: self.manifest)
        guard manifest.electionID == options.election else {
            throw ValidationError("the manifest is for election `\(manifest.electionID)`, not --election "
                + "`\(options.election)`")
        }
        do { try manifest.validate() } catch { throw ValidationError("\(self.manifest): \(error.message)") }
        let trustees = try trustee.map { try TrusteeFiles.read(ElectionTrusteeEnroll.PublicFile.self, from: $0) }
        for (path, listing) in zip(trustee, trustees) where listing.group != manifest.group {
            throw ValidationError("\(path) is a trustee of group \(listing.group), the election is \(manifest.group)")
        }
        let authority = try AuthorityKey.loadOrCreate(key, passphrase: passphrase)
        let (voters, credentialKeys) = try makeVoters()
        guard let group = ElectionGroup(rawValue: manifest.group) else {
            throw ValidationError("unknown group \(manifest.group)")
        }
        let entries = try await group.run(Setup(
            manifest: manifest, voters: voters, key: authority, election: options.election,
            trustees: trustees.map { ElectionDefinition.Trustee(name: $0.name, boardKey: $0.boardKey,
                                                                 ceremonyKey: $0.ceremonyKey) }))
        let index = try await options.post(entries)
        // Credential files are written once the board has taken the roll, so a refused election leaves none behind.
        try writeCredentials(credentialKeys)
        print("Posted the definition and \(entries.count - 1) roll entries at index \(index) "
            + "(\(voters.count) voters, authority key \(Hex.encode(authority.publicKey.bytes))).")
        if self.voters != nil { print("Credential files: \(credentials)/voter-NNNN.json (hand them to the voters).") }
        print("Next: the trustees run `tabella trustee ceremony`; then `tabella election open`.")
    }

    /// The roll's voters and, for generated voters, their credentials in roll order.
    private func makeVoters() throws -> ([VoterRoll.Voter], [Ed25519.PrivateKey]) {
        if let roll { return (try TrusteeFiles.read(VoterRoll.self, from: roll).voters, []) }
        let tags = regions?.split(separator: ",").map(String.init) ?? []
        let keys = (0..<(voters ?? 0)).map { _ in Ed25519.PrivateKey() }
        let roll = keys.enumerated().map { offset, credential in
            VoterRoll.Voter(credential: credential.publicKey.bytes,
                            region: tags.isEmpty ? nil : tags[offset % tags.count],
                            tokens: UInt64.random(in: 1...maxTokens))
        }
        return (roll, keys)
    }

    /// One credential file per generated voter (mode 0600), `voter-NNNN.json` in roll order.
    private func writeCredentials(_ keys: [Ed25519.PrivateKey]) throws {
        guard !keys.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: true)
        for (offset, credential) in keys.enumerated() {
            let path = "\(credentials)/voter-\(String(format: "%04d", offset + 1)).json"
            let record = ElectionSecrets.Credential(election: options.election, seed: Hex.encode(credential.seed))
            try SecretFile.write(Array(try TrusteeFiles.encode(record)), to: path)
        }
    }

    private struct Setup: ElectionSuiteAction {
        let manifest: ElectionManifest
        let voters: [VoterRoll.Voter]
        let key: Ed25519.PrivateKey
        let election: String
        let trustees: [ElectionDefinition.Trustee]

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> [BoardEntry] {
            try ElectionAuthority(suite: suite, election: election, key: key).setupEntries(
                manifest: manifest, voters: voters, trustees: trustees, session: SecureRandom.bytes(count: 32))
        }
    }
}

/// The authority's key file.
enum AuthorityKey {
    /// Reads the key, or creates it (asking for a new passphrase) when the file does not exist.
    static func loadOrCreate(_ path: String, passphrase: PassphraseOptions) throws -> Ed25519.PrivateKey {
        if FileManager.default.fileExists(atPath: path) { return try load(path, passphrase: passphrase) }
        let phrase = try passphrase.read(prompt: "Passphrase for the new authority key: ", confirm: true)
        let key = Ed25519.PrivateKey()
        try TrusteeFiles.writeSecret(ElectionSecrets.Authority(seed: Hex.encode(key.seed)), to: path,
                                     passphrase: phrase)
        return key
    }

    /// Reads and decrypts the key.
    static func load(_ path: String, passphrase: PassphraseOptions) throws -> Ed25519.PrivateKey {
        let phrase = try passphrase.read(prompt: "Passphrase of the authority key: ")
        let record = try TrusteeFiles.readSecret(ElectionSecrets.Authority.self, from: path, passphrase: phrase)
        return try ElectionSecrets.key(seed: record.seed, path)
    }
}
