import ArgumentParser
import Foundation
import TabellaCrypto

/// `tabella trustee status`: where a ceremony folder stands, and what to do next.
struct TrusteeStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which trustees have posted each round of a ceremony folder, and the next step.",
        discussion: "Needs no secret."
    )

    @Option(help: "The ceremony folder.")
    var dir: String

    @Option(help: "Your trustee name, to be told your next step.")
    var name: String?

    func run() async throws {
        let description = try CeremonyDescriptionCheck.description(in: dir)
        let coordinator = DirectoryCoordinator(directory: URL(fileURLWithPath: dir))
        let round1 = try await coordinator.messages(round: .round1)
        let signatures = try await coordinator.messages(round: .certification)
        let count = description.participants.count
        print("Ceremony \(description.session): \(description.threshold) of \(count), \(description.ciphersuite)")
        print("Context fingerprint: \(CeremonyDescriptionCheck.fingerprint(description.context))")
        for (offset, trustee) in description.participants.enumerated() {
            let id = offset + 1
            let first = round1[id] == nil ? "waiting" : "posted"
            let second = signatures[id] == nil ? "waiting" : "signed"
            print("  \(id). \(trustee.name): round 1 \(first), transcript \(second)")
        }
        let join = "tabella trustee join --dir \(dir) --key <your key file>"
        guard let name else {
            print("Round 1: \(round1.count)/\(count) posted; signatures: \(signatures.count)/\(count).")
            return
        }
        guard let offset = description.participants.firstIndex(where: { $0.name == name }) else {
            throw ValidationError("no trustee named \(name) in this ceremony")
        }
        let id = offset + 1
        let next: String
        if round1[id] == nil {
            next = "run `\(join) --round 1`"
        } else if round1.count < count {
            next = "wait for round 1 of the others, then run `\(join) --round 2`"
        } else if signatures[id] == nil {
            next = "run `\(join) --round 2`"
        } else if signatures.count < count {
            next = "wait for the others' signatures, then run `\(join) --round 3`"
        } else {
            next = "run `\(join) --round 3` if you have no share file yet; then `tabella trustee export`"
        }
        print("Next for \(name): \(next).")
    }
}
