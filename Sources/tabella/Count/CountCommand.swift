import ArgumentParser
import Foundation
import TabellaGroups
import TabellaRecord

/// `tabella count`: counts a profile of decrypted ranked ballots by a counting method, as the verifier recounts
/// a ranked contest after the mixnet (Docs/mixnet.md, "Counting methods").
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Count decrypted ranked ballots by instant-runoff, STV or Schulze.",
        discussion: """
            Reads a profile as JSON from standard input (or --input): {"candidates": [ids], "ballots": \
            [{"ranking": [0-based indices, best first], "weight"?: n}], "minimumSelections"?: n, \
            "maximumSelections"?: n, "seed"?: hex}. The selection limits default to 1 and the number of \
            candidates; the seed of the tie-break order defaults to none. Prints the rounds and the elected \
            candidates, or with --json the whole result as the board holds it.
            """
    )

    /// The profile read from JSON.
    struct Profile: Decodable {
        let candidates: [String]
        let ballots: [RankedBallot]
        let minimumSelections: Int?
        let maximumSelections: Int?
        let seed: String?
    }

    @Option(help: "The counting method: instant-runoff, stv or schulze.") var method: String
    @Option(help: "The seats to fill (stv).") var seats: Int?
    @Option(help: "The profile file (default: standard input).") var input: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        guard let method = CountingMethod(rawValue: method) else {
            throw ValidationError("unknown method \"\(method)\": instant-runoff, stv or schulze")
        }
        let data = if let input { try Data(contentsOf: URL(fileURLWithPath: input)) }
            else { FileHandle.standardInput.readDataToEndOfFile() }
        let profile: Profile
        do {
            profile = try JSONDecoder().decode(Profile.self, from: data)
        } catch {
            throw ValidationError("the profile is not valid JSON of the documented form: \(error)")
        }
        guard let seed = Hex.decode(profile.seed ?? "") else { throw ValidationError("the seed is not hexadecimal") }
        let contest = Contest(
            id: "profile", question: "Rank the candidates.", kind: .ranked,
            options: profile.candidates.map { Contest.Option(id: $0, text: $0) },
            minimumSelections: profile.minimumSelections ?? 1,
            maximumSelections: profile.maximumSelections ?? profile.candidates.count, rule: .simpleMajority,
            method: method, seats: seats)
        let result: RankedResult
        do {
            result = try RankedCount.count(profile.ballots, contest: contest, tieBreakSeed: seed)
        } catch {
            throw ValidationError(error.message)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(Self.text(result))
        }
    }

    /// The result for a person: the invalid ballots, each round's tallies and decisions, the winners.
    static func text(_ result: RankedResult) -> String {
        var lines = ["\(result.method.rawValue): \(result.validBallots) valid ballots of weight \(result.validWeight), "
            + "\(result.invalid.count) invalid"]
        if let quota = result.quota { lines.append("quota \(quota)") }
        for round in result.rounds {
            let tallies = round.tallies.map { "\($0.candidate) \($0.votes)" }.joined(separator: ", ")
            var decided = round.elected.isEmpty ? [] : ["elected \(round.elected.joined(separator: ", "))"]
            if let eliminated = round.eliminated { decided.append("eliminated \(eliminated)") }
            if let tieBreak = round.tieBreak { decided.append("tie broken by \(tieBreak.rawValue)") }
            lines.append("round \(round.number): \(tallies); exhausted \(round.exhausted); "
                + decided.joined(separator: "; "))
        }
        if let table = result.schulze { lines.append("ranking: \(table.ranking.joined(separator: " > "))") }
        lines.append("elected: \(result.elected.isEmpty ? "none" : result.elected.joined(separator: ", "))")
        return lines.joined(separator: "\n")
    }
}
