import ArgumentParser
import Foundation
import TabellaElection
import TabellaVerifier

/// `tabella demo`: a complete election on this machine, from the key ceremony to the verified decision.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a complete demonstration election on a local board and verify it.",
        discussion: """
            Starts a board on localhost (SQLite in a temporary folder), runs a 3-of-5 key ceremony on it, opens \
            a vote with 1,000 voters in three regions whose token holdings weigh by their square root, casts \
            every ballot over HTTP (some voters challenge a ballot first, some vote again), closes, tallies, \
            decrypts with one trustee absent, signs the decision, and verifies the whole board. Prints the \
            result, the decision and the time each phase took. Exit code 0 only if verification passes.

            With --ranked, the election also has a ranked contest (single transferable vote, two seats) and a \
            write-in contest, which go through the mix-net after closing: three trustees shuffle the ballots in \
            turn, each with a Bayer-Groth argument that the board checks, the present trustees decrypt the last \
            list with proofs, and the authority counts; the verifier checks the whole chain.
            """
    )

    @Flag(help: "Add a ranked and a write-in contest, counted through the mix-net.")
    var ranked = false

    @Option(help: "The number of voters.")
    var voters = 1000

    @Option(help: "The group: p256, ristretto255 or integer-4096.")
    var group = ElectionGroup.p256

    @Option(help: ArgumentHelp("Keep the board's database, a static copy of the final board (board/) and its "
                               + "verifier key (board.vkey) in this folder (default: a temporary folder, "
                               + "removed after)."))
    var keep: String?

    @Flag(help: "Print the outcome as JSON (and no progress).")
    var json = false

    func validate() throws {
        guard voters >= 10 else { throw ValidationError("--voters must be at least 10") }
    }

    func run() async throws {
        var shape = ranked ? ElectionShape.demonstration.withMixedContests() : ElectionShape.demonstration
        shape.voters = voters
        shape.group = group
        shape.revoters = min(shape.revoters, voters / 10)
        shape.challengers = min(shape.challengers, voters / 10)
        let outcome = try await ElectionRunCommand.run(shape: shape, keep: keep, json: json)
        if json {
            try ElectionRunCommand.printJSON(outcome, shape: shape)
        } else {
            print(ElectionRunCommand.describe(outcome, shape: shape))
        }
        guard outcome.report.isValid else { throw ExitCode(1) }
    }
}

extension ElectionGroup: ExpressibleByArgument {}
