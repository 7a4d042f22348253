import ArgumentParser
import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaRecord
import TabellaVerifier

/// `tabella vote`: the voter's client.
struct VoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote",
        abstract: "Cast (or challenge) a ballot, keep a receipt, check the receipt later.",
        subcommands: [VoteCast.self, VoteCheckReceipt.self]
    )
}

/// `tabella vote cast`.
struct VoteCast: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cast",
        abstract: "Fetch and check the election, encrypt your choices with proofs, sign and cast; keep a receipt.",
        discussion: """
            Choices come from --select CONTEST=OPTION,OPTION (repeatable), from --choices FILE (JSON: contest id \
            to the list of chosen option ids), or from prompts on a terminal. In a ranked contest the options \
            are listed best first (--select chair=bob,ada ranks bob first); a write-in contest takes \
            --write-in CONTEST=TEXT instead of an option. The client checks the board \
            (every entry, and the checkpoint's signature), runs on the ballot the check the board runs, and \
            stores a receipt: the confirmation code, the entry's index, its inclusion proof and the signed \
            checkpoint. Voting again replaces the earlier ballot: the last one counts. With --challenge the \
            ballot is spoiled instead: its nonce is published and the choices it encrypts are shown, so that you \
            can check the client encrypted what you chose; a challenged ballot is never counted.
            """
    )

    @OptionGroup var options: ElectionBoardOptions
    @Option(help: "Your credential file.") var credential: String
    @Option(help: "A choice: CONTEST=OPTION,OPTION. Repeatable.") var select: [String] = []
    @Option(help: "A JSON file of choices: {\"contest\": [\"option\", …]}.") var choices: String?
    @Option(help: "A written answer: CONTEST=TEXT (write-in contests). Repeatable.") var writeIn: [String] = []
    @Flag(help: "Challenge (spoil) the ballot instead of casting it.") var challenge = false
    @Option(help: "Where to write the receipt.") var receipt = "receipt.json"

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: credential),
              let record = try? JSONDecoder().decode(ElectionSecrets.Credential.self, from: data) else {
            throw ValidationError("\(credential) is not a credential file")
        }
        guard record.election == options.election else {
            throw ValidationError("\(credential) is a credential for election `\(record.election)`")
        }
        let key = try ElectionSecrets.key(seed: record.seed, credential)
        print(try await options.group().run(Cast(command: self, key: key)))
    }

    /// The written answers by contest position, from `--write-in`.
    ///
    /// - Throws: `ValidationError` for an item that is not `CONTEST=TEXT` or names an unknown contest.
    func writeIns(_ contests: [Contest]) throws -> [Int: String] {
        var answers = [Int: String]()
        for item in writeIn {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let position = contests.firstIndex(where: { $0.id == parts[0] }) else {
                throw ValidationError("--write-in \(item): write CONTEST=TEXT, CONTEST a contest of the election")
            }
            answers[position] = parts[1]
        }
        return answers
    }

    /// The selected option ids per contest id, from the flags or the file.
    func selections() throws -> [String: [String]]? {
        if let choices {
            return try TrusteeFiles.read([String: [String]].self, from: choices)
        }
        guard !select.isEmpty else { return nil }
        var result = [String: [String]]()
        for item in select {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--select \(item): write CONTEST=OPTION,OPTION") }
            result[parts[0], default: []] += parts[1].split(separator: ",").map(String.init)
        }
        return result
    }

    private struct Cast: ElectionSuiteAction {
        let command: VoteCast
        let key: Ed25519.PrivateKey

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> String {
            let options = command.options
            let view = try await options.view(suite)
            guard view.ledger.voters.contains(where: { $0.credential == key.publicKey.bytes }) else {
                throw ValidationError("this credential is not on the election's roll")
            }
            guard let contests = view.ledger.manifest?.contests, view.ledger.phase == .voting else {
                throw ValidationError("voting is not open (the election is in the \(view.ledger.phase.rawValue) phase)")
            }
            let selected = try command.selections() ?? ChoicePrompt.ask(contests)
            let choices = try ChoicePrompt.matrix(selected, contests: contests)
            let client = VoterClient<Suite>(election: options.election, credential: key)
            let writeIns = try command.writeIns(contests)
            let prepared = command.challenge ? try client.challenge(view, choices: choices, writeIns: writeIns)
                : try client.ballot(view, choices: choices, writeIns: writeIns)
            let index = try await options.post([prepared.entry])
            let code = Hex.encode(prepared.confirmationCode)
            if command.challenge {
                let post = try PayloadCoding.decode(ChallengePost.self, from: prepared.entry.payload, type: .challenge)
                let revealed = try VoterClient<Suite>.reveal(post, rules: view.ledger.checker!.rules,
                                                             contests: view.ledger.checker!.contests)
                let lines = zip(contests, revealed).enumerated().map { position, item in
                    let (contest, row) = item
                    return "  \(contest.id): " + contest.options.indices.filter { (row[$0] ?? 0) != 0 }
                        .sorted { row[$0]! < row[$1]! }.map { contest.options[$0].id }.joined(separator: ", ")
                        + (post.writeIns.map { $0[position].isEmpty ? "" : "“\($0[position])” (written)" } ?? "")
                }
                return (["Challenged ballot \(code) spoiled at entry \(index). It encrypts:"] + lines
                    + ["Compare with your choices; this ballot is not counted. Cast a new one to vote."])
                    .joined(separator: "\n")
            }
            let receipt = try await VoteReceipt(board: options.client, entry: prepared.entry, index: index,
                                                confirmationCode: prepared.confirmationCode,
                                                logKey: try options.logKey(), origin: try options.logKey().keyName)
            try TrusteeFiles.write(receipt, to: command.receipt)
            return "Cast ballot \(code) at entry \(index). Receipt: \(command.receipt) "
                + "(check it later with `tabella vote check-receipt`)."
        }
    }
}

/// Choices from prompts and as the 0/1 matrix a ballot encrypts.
enum ChoicePrompt {
    /// Asks for each contest's choices on the terminal.
    static func ask(_ contests: [Contest]) throws -> [String: [String]] {
        guard isatty(STDIN_FILENO) == 1 else {
            throw ValidationError("no choices: give --select or --choices, or run on a terminal")
        }
        var result = [String: [String]]()
        for contest in contests {
            let verb = contest.kind == .ranked ? "rank, best first," : "choose"
            print("\(contest.question) (\(verb) \(contest.minimumSelections) to \(contest.maximumSelections))")
            for (number, option) in contest.options.enumerated() { print("  \(number + 1). \(option.text)") }
            print("Your choice (numbers separated by commas): ", terminator: "")
            let line = readLine() ?? ""
            result[contest.id] = try line.split(separator: ",").map { text in
                guard let number = Int(text.trimmingCharacters(in: .whitespaces)),
                      contest.options.indices.contains(number - 1) else {
                    throw ValidationError("`\(text)` is not an option number of \(contest.id)")
                }
                return contest.options[number - 1].id
            }
        }
        return result
    }

    /// The 0/1 choices per contest and option.
    ///
    /// - Throws: `ValidationError` naming an unknown contest or option, or a contest outside its limits.
    static func matrix(_ selected: [String: [String]], contests: [Contest]) throws -> [[Int]] {
        for id in selected.keys where !contests.contains(where: { $0.id == id }) {
            throw ValidationError("the election has no contest `\(id)`")
        }
        let matrix = try contests.map { contest in
            let chosen = selected[contest.id] ?? []
            for id in chosen where !contest.options.contains(where: { $0.id == id }) {
                throw ValidationError("contest `\(contest.id)` has no option `\(id)`")
            }
            guard Set(chosen).count == chosen.count else {
                throw ValidationError("contest `\(contest.id)` names an option twice")
            }
            // A ranked contest's options are listed best first.
            return contest.values(choosing: chosen.compactMap { id in contest.options.firstIndex { $0.id == id } })
        }
        do {
            try VoterClient<CocktailP256>.validate(matrix, contests: contests)
        } catch let error as ElectionProcessError {
            throw ValidationError(error.message)
        }
        return matrix
    }
}

/// `tabella vote check-receipt`.
struct VoteCheckReceipt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-receipt",
        abstract: "Check that your ballot is still on the board, under its newest signed checkpoint.",
        discussion: """
            Verifies the receipt's inclusion proof and checkpoint, that the board's newest checkpoint is \
            consistent with the receipt's (nothing was rewritten), and that the entry is included under it. \
            Exit code 1 when any check fails.
            """
    )

    @Option(help: "The receipt file.") var receipt = "receipt.json"
    @Option(help: "The board's URL.") var board: String
    @Option(help: "The board's verifier key, or a file holding it.") var vkey: String

    func validate() throws { try checkBoardURL(board, flag: "--board") }

    func run() async throws {
        let receipt = try TrusteeFiles.read(VoteReceipt.self, from: self.receipt)
        let key = try parseVerifierKey(vkey, flag: "--vkey")
        do {
            let latest = try await receipt.check(against: BoardClient(baseURL: board), logKey: key)
            print("Ballot \(receipt.confirmationCode) is on the board \(receipt.board) under its checkpoint of size "
                + "\(latest.size), consistent with the receipt.")
        } catch {
            FileHandle.standardError.write(Data("tabella vote check-receipt: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
