import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups

/// `tabella trustee export`: the public record of a finished ceremony, checked from the folder.
struct TrusteeExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the public record of a finished ceremony (election key, verification shares, certificate).",
        discussion: """
            Needs no secret: the record is rebuilt from the folder's messages and accepted only if every \
            trustee's signature verifies on the transcript.
            """
    )

    @Option(help: "The ceremony folder.")
    var dir: String

    @Option(help: "Where to write the record (default: standard output).")
    var out: String?

    func run() async throws {
        let description = try CeremonyDescriptionCheck.description(in: dir)
        let record = try await TrusteeCiphersuite(identifier: description.ciphersuite)
            .dispatch(Export(dir: dir, description: description))
        if let out {
            try TrusteeFiles.write(record, to: out)
            print("Wrote the ceremony record to \(out); election key \(record.groupKey)")
        } else {
            print(String(decoding: try TrusteeFiles.encode(record), as: UTF8.self))
        }
    }

    private struct Export: TrusteeSuiteAction {
        let dir: String
        let description: CeremonyDescription

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> CeremonyRecord {
            let setup = try CeremonyDescriptionCheck.setup(description, suite: suite)
            let coordinator = DirectoryCoordinator(directory: URL(fileURLWithPath: dir))
            let round1 = try await coordinator.messages(round: .round1)
            let signatures = try await coordinator.messages(round: .certification)
            var messages = [Round1Message<Suite>]()
            var parsedSignatures = [SchnorrSignature<Suite>]()
            for id in 1...setup.participantCount {
                guard let message = round1[id], let signature = signatures[id] else {
                    throw CeremonyError(.missingMessage, "participant \(id) has not finished the ceremony",
                        participant: id)
                }
                messages.append(try Round1Message(bytes: message, setup: setup, sender: id))
                parsedSignatures.append(try SchnorrSignature(bytes: signature, suite: suite,
                    what: "the signature of participant \(id)", participant: id))
            }
            let transcript = CeremonyTranscript(setup: setup, messages: messages, extension: []).encoded(suite: suite)
            let certificate = CeremonyCertificate(transcript: transcript, signatures: parsedSignatures)
            try certificate.verify(publicKeys: setup.publicKeys, suite: suite)
            let keys = CeremonyPublicKeys(setup: setup, commitments: messages.map(\.commitment))
            return CeremonyRecord(ciphersuite: suite.identifier, names: description.participants.map(\.name),
                threshold: setup.threshold, groupKey: suite.hex(keys.groupKey),
                verificationShares: keys.verificationShares.map(suite.hex), transcript: Hex.encode(transcript),
                signatures: parsedSignatures.map { Hex.encode($0.encoded(suite: suite)) })
        }
    }
}
