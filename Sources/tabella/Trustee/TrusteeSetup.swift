import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups

/// `tabella trustee setup`: the organiser writes `ceremony.json` into a new ceremony folder.
struct TrusteeSetup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Start a ceremony folder: the threshold, a session id and the trustees' public files, in order.",
        discussion: """
            Needs no secret. The order of the public files fixes the participant ids 1…n. The printed context \
            fingerprint must be read aloud and compared by every trustee before round 1.
            """
    )

    @Option(help: "The ceremony folder (created).")
    var dir: String

    @Option(help: "t: how many trustees are needed to decrypt.")
    var threshold: Int

    @Option(help: "A session id unique to this ceremony (default: random).")
    var session: String?

    @Argument(help: "The trustees' public files, in participant order.")
    var publicFiles: [String]

    func run() async throws {
        let identities = try publicFiles.map { try TrusteeFiles.read(TrusteePublicIdentity.self, from: $0) }
        guard let first = identities.first else { throw ValidationError("list at least one trustee's public file") }
        guard identities.allSatisfy({ $0.ciphersuite == first.ciphersuite }) else {
            throw ValidationError("the public files name different ciphersuites")
        }
        let suite = try TrusteeCiphersuite(identifier: first.ciphersuite)
        let sessionID = session ?? Hex.encode(SecureRandom.bytes(count: 16))
        let description = try await suite.dispatch(Describe(threshold: threshold, session: sessionID,
            participants: identities))
        let folder = URL(fileURLWithPath: dir)
        let file = folder.appendingPathComponent("ceremony.json")
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw ValidationError("\(file.path) exists: a folder holds one ceremony")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try TrusteeFiles.write(description, to: file.path)
        print("Ceremony folder \(dir): \(threshold) of \(identities.count), \(first.ciphersuite), session \(sessionID)")
        for (offset, trustee) in identities.enumerated() { print("  participant \(offset + 1): \(trustee.name)") }
        print("Context fingerprint: \(CeremonyDescriptionCheck.fingerprint(description.context))")
        print("Next: every trustee runs `tabella trustee join --dir \(dir) --key <their key file>`.")
    }

    private struct Describe: TrusteeSuiteAction {
        let threshold: Int
        let session: String
        let participants: [TrusteePublicIdentity]

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> CeremonyDescription {
            let keys = try participants.map { try suite.element(hex: $0.publicKey, "the public key of \($0.name)") }
            let setup = try CeremonySetup(suite: suite, threshold: threshold, publicKeys: keys,
                sessionID: Array(session.utf8))
            return CeremonyDescription(ciphersuite: suite.identifier, threshold: threshold, session: session,
                participants: participants, context: Hex.encode(setup.context))
        }
    }
}

/// Reading a ceremony folder's description back into a checked setup.
enum CeremonyDescriptionCheck {
    /// The first 8 bytes of the context in groups of four hex digits, for reading aloud.
    static func fingerprint(_ contextHex: String) -> String {
        stride(from: 0, to: 32, by: 4).map { offset in
            String(contextHex.dropFirst(offset).prefix(4))
        }.joined(separator: " ")
    }

    /// The description in `dir/ceremony.json`.
    static func description(in dir: String) throws -> CeremonyDescription {
        try TrusteeFiles.read(CeremonyDescription.self,
            from: URL(fileURLWithPath: dir).appendingPathComponent("ceremony.json").path)
    }

    /// The setup the description stands for; its context must match the one written in the file.
    static func setup<Suite: CocktailCiphersuite>(_ description: CeremonyDescription, suite: Suite) throws
        -> CeremonySetup<Suite>
    {
        guard description.ciphersuite == suite.identifier else {
            throw ValidationError("the ceremony is for \(description.ciphersuite), not \(suite.identifier)")
        }
        let keys = try description.participants.map {
            try suite.element(hex: $0.publicKey, "the public key of \($0.name)")
        }
        let setup = try CeremonySetup(suite: suite, threshold: description.threshold, publicKeys: keys,
            sessionID: Array(description.session.utf8))
        guard Hex.encode(setup.context) == description.context else {
            throw CeremonyError(.wrongSession, "ceremony.json's context does not match its session and keys")
        }
        return setup
    }
}
