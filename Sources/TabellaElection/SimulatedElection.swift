import Foundation
import Logging
import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaMonitor
import TabellaRecord
import TabellaVerifier

/// A whole election run in one process against a board on loopback: the authority, the trustees and simulated
/// voters each take their steps over HTTP, the board checks every entry on arrival, and an independent verifier
/// checks the board at the end. `tabella demo` and `tabella bench election` run it.
///
/// The simulated trustees and the authority share one checked view of the board (they are one process); run
/// apart, each reads and checks the board itself.
public struct SimulatedElection: Sendable {
    /// One phase's cost.
    public struct Phase: Sendable, Codable {
        /// The phase's name.
        public let name: String
        /// Wall-clock seconds.
        public let wallSeconds: Double
        /// CPU seconds of the whole process (user and system, every thread).
        public let cpuSeconds: Double
        /// What the phase did.
        public let detail: String
    }

    /// What happened.
    public struct Outcome: Sendable {
        /// The phases in order.
        public let phases: [Phase]
        /// The result entry's content.
        public let result: ResultPost
        /// The mix-net's count of the ranked and write-in contests, when the election has any.
        public let mixResult: MixResultPost?
        /// The manifest.
        public let manifest: ElectionManifest
        /// The signed decision note.
        public let decision: String
        /// The monitor's alerts, posted on the board before the verification.
        public let alerts: [MonitorAlertPost]
        /// The verifier's report.
        public let report: VerificationReport
        /// The number of entries on the board.
        public let boardSize: UInt64
        /// The board's URL while it ran.
        public let boardURL: String
    }

    /// Where progress goes: a phase name and, for long phases, how far it is.
    public typealias Progress = @Sendable (_ phase: String, _ done: Int, _ total: Int) -> Void

    /// The election's shape.
    public let shape: ElectionShape
    /// The folder for the board's database.
    public let directory: URL

    /// Whether to leave in `directory` a static copy of the final board (`board/`, as `tabella board export`
    /// writes it) and its verifier key (`board.vkey`), for `tabella verify` to read after the board has stopped.
    public var exportsBoard = false

    /// A simulation of `shape` with its board database in `directory`.
    public init(shape: ElectionShape, directory: URL) {
        self.shape = shape
        self.directory = directory
    }

    /// Runs every phase; `phaseDone` hears each phase as it ends.
    public func run(progress: @escaping Progress, phaseDone: @escaping @Sendable (Phase) -> Void) async throws
        -> Outcome
    {
        try await shape.group.run(Runner(shape: shape, directory: directory, exportsBoard: exportsBoard,
                                         progress: progress, phaseDone: phaseDone))
    }
}

/// The simulation's steps in the election's ciphersuite.
private struct Runner: ElectionSuiteAction {
    let shape: ElectionShape
    let directory: URL
    let exportsBoard: Bool
    let progress: SimulatedElection.Progress
    let phaseDone: @Sendable (SimulatedElection.Phase) -> Void

    func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> SimulatedElection.Outcome {
        var phases = [SimulatedElection.Phase]()
        func measure<T>(_ name: String, _ detail: String, _ body: () async throws -> T) async rethrows -> T {
            let (wall, cpu) = (ContinuousClock.now, ProcessTime.cpuSeconds())
            let value = try await body()
            let elapsed = ContinuousClock.now - wall
            let phase = SimulatedElection.Phase(
                name: name,
                wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                cpuSeconds: ProcessTime.cpuSeconds() - cpu, detail: detail)
            phases.append(phase)
            phaseDone(phase)
            return value
        }
        let group = suite.group
        let election = shape.election
        var logger = Logger(label: "tabella.demo")
        logger.logLevel = .critical

        // Setup: keys and credentials, the board, the definition and the roll.
        let authorityKey = Ed25519.PrivateKey()
        let monitorKey = Ed25519.PrivateKey()
        let trusteeBoardKeys = (0..<shape.trustees).map { _ in Ed25519.PrivateKey() }
        let trusteeStaticKeys = (0..<shape.trustees).map { _ in group.scalars.random() }
        let credentials = (0..<shape.voters).map { _ in Ed25519.PrivateKey() }
        let local = try await measure("setup", "board started, \(shape.voters) credentials, definition and roll") {
            let local = try await LocalElectionBoard.start(
                path: directory.appendingPathComponent("board.sqlite").path, election: election, group: shape.group,
                signer: Ed25519NoteSigner(name: "localhost/\(election)", privateKey: Ed25519.PrivateKey()),
                authority: authorityKey.publicKey, connections: shape.concurrency, logger: logger)
            let now = Int64(Date().timeIntervalSince1970)
            let manifest = ElectionManifest(
                electionID: election, title: "Tabella demonstration", contests: shape.contests,
                weightFunction: shape.weightFunction, opens: now, closes: now + 3600, trustees: shape.trustees,
                threshold: shape.threshold, group: shape.group.rawValue)
            let voters = credentials.enumerated().map { offset, credential in
                VoterRoll.Voter(credential: credential.publicKey.bytes,
                                region: shape.regions.isEmpty ? nil : shape.regions[offset % shape.regions.count],
                                tokens: UInt64.random(in: 1...max(1, shape.maximumTokens)))
            }
            let trustees = (0..<shape.trustees).map { offset in
                ElectionDefinition.Trustee(
                    name: "trustee-\(offset + 1)", boardKey: Hex.encode(trusteeBoardKeys[offset].publicKey.bytes),
                    ceremonyKey: Hex.encode(group.encode(group.generatorPower(secret: trusteeStaticKeys[offset]))))
            }
            let authority = ElectionAuthority(suite: suite, election: election, key: authorityKey)
            _ = try await local.client.appendEntries(try authority.setupEntries(
                manifest: manifest, voters: voters, trustees: trustees, session: SecureRandom.bytes(count: 32),
                monitor: monitorKey.publicKey))
            return local
        }
        // The board stops when the election ends, whether it ends well or not.
        do {
            let board = local.client
            let authority = ElectionAuthority(suite: suite, election: election, key: authorityKey)
            var view = ElectionView(suite: suite, election: election, logKey: local.logKey, origin: local.origin)
            try await view.sync(from: board)
            let trustees = (0..<shape.trustees).map { offset in
                ElectionTrustee(suite: suite, election: election, participant: offset + 1,
                                boardKey: trusteeBoardKeys[offset], staticKey: trusteeStaticKeys[offset])
            }

            // The key ceremony over the board, every trustee at once; then the authority opens voting.
            let setupView = view
            let ceremony = "\(shape.threshold)-of-\(shape.trustees) COCKTAIL-DKG on the board"
            let shares = try await measure("ceremony", ceremony) {
                let results = try await withThrowingTaskGroup(of: (Int, Scalar).self) { tasks in
                    for trustee in trustees {
                        tasks.addTask {
                            let result = try await trustee.runCeremony(
                                setupView, board: board,
                                waiting: .init(timeout: .seconds(120), interval: .milliseconds(10)))
                            return (trustee.participant, result.secretShare)
                        }
                    }
                    var shares = [Int: Scalar]()
                    for try await (participant, share) in tasks { shares[participant] = share }
                    return shares
                }
                try await view.sync(from: board)
                _ = try await board.appendEntries([try authority.open(view)])
                try await view.sync(from: board)
                return results
            }

            // Ballots: each voter chooses and encrypts; challengers spoil one ballot first, revoters cast twice.
            let contests = shape.contests
            let votingView = view
            let plan = (0..<shape.voters).flatMap { voter -> [(voter: Int, challenge: Bool)] in
                (voter < shape.challengers ? [(voter, true)] : []) + [(voter, false)]
                    + (voter >= shape.voters - shape.revoters ? [(voter, false)] : [])
            }
            let prepared = try await measure("ballots", "\(plan.count) ballots encrypted with proofs and signed "
                + "(\(shape.challengers) challenges, \(shape.revoters) revotes)") {
                try await parallel(plan.count, label: "ballots") { index in
                    let (voter, challenge) = plan[index]
                    let client = VoterClient<Suite>(election: election, credential: credentials[voter])
                    let choices = Self.randomChoices(contests)
                    let writeIns = Self.randomWriteIns(contests, choices: choices)
                    return challenge ? try client.challenge(votingView, choices: choices, writeIns: writeIns)
                        : try client.ballot(votingView, choices: choices, writeIns: writeIns)
                }
            }

            // Casting: one request per ballot; the board checks each before it appends it.
            let indices = try await measure("cast", "\(prepared.count) ballots cast over HTTP, each checked by the "
                + "board on arrival") {
                // A voter's ballots go in order (challenge, ballot, revote); voters go in parallel.
                let byVoter = Dictionary(grouping: prepared.indices, by: { plan[$0].voter })
                let voters = byVoter.keys.sorted()
                let perVoter = try await parallel(voters.count, label: "cast") { position in
                    var indices = [(Int, UInt64)]()
                    for index in byVoter[voters[position]]! {
                        indices.append((index, try await board.appendEntries([prepared[index].entry]).firstIndex))
                    }
                    return indices
                }
                return Dictionary(uniqueKeysWithValues: perVoter.flatMap { $0 })
            }
            let receiptPlan = Array(prepared.indices.filter { !plan[$0].challenge }.prefix(shape.receipts))
            let receipts = try await measure("receipts", "\(receiptPlan.count) voters fetch a receipt (inclusion proof "
                + "under a signed checkpoint)") {
                try await parallel(receiptPlan.count, label: "receipts") { position in
                    let index = receiptPlan[position]
                    return try await VoteReceipt(board: board, entry: prepared[index].entry, index: indices[index]!,
                                                 confirmationCode: prepared[index].confirmationCode,
                                                 logKey: local.logKey, origin: local.origin)
                }
            }

            // Close; with ranked or write-in contests, the mix-net: the input, a shuffle by each of the threshold's
            // trustees in turn, their decryptions of the last list, and its count.
            let present = trustees.prefix(shape.trustees - shape.absent)
            try await view.sync(from: board)
            _ = try await board.appendEntries([try authority.close(view)])
            try await view.sync(from: board)
            if let chain = view.ledger.mixChain {
                let mixers = present.prefix(shape.threshold)
                let rows = view.ledger.countedBallots.ballots.count
                try await measure("mix", "\(mixers.count) trustees shuffle \(rows) rows of \(chain.width) "
                    + "ciphertexts in turn, each with a Bayer-Groth argument that the board checks") {
                    _ = try await board.appendEntries(try authority.mixInput(view))
                    try await view.sync(from: board)
                    for mixer in mixers {
                        _ = try await board.appendEntries(try mixer.mix(view))
                        try await view.sync(from: board)
                    }
                }
                try await measure("mix decryption", "\(present.count) trustees decrypt the last list with proofs "
                    + "(\(shape.absent) absent); the authority counts the ranked and write-in contests") {
                    for trustee in present {
                        _ = try await board.appendEntries(try trustee.mixShare(
                            view, secretShare: shares[trustee.participant]!))
                    }
                    try await view.sync(from: board)
                    _ = try await board.appendEntries([try authority.mixResult(view)])
                    try await view.sync(from: board)
                }
            }
            // The weighted tally (the authority reads and checks the board first).
            try await measure("tally", "voting closed; the authority checks the board and posts the weighted tally") {
                _ = try await board.appendEntries([try authority.tally(view)])
                try await view.sync(from: board)
            }

            // Decryption shares by the trustees present.
            let tallyView = view
            try await measure("decryption", "\(present.count) trustees post partial decryptions with proofs "
                + "(\(shape.absent) absent)") {
                for trustee in present {
                    _ = try await board.appendEntries([try trustee.decryptionShare(
                        tallyView, secretShare: shares[trustee.participant]!)])
                }
                try await view.sync(from: board)
            }

            // The result: combine, discrete logs, decisions; the decision note signed by the authority and cosigned.
            try await measure("result", "shares combined, counts by baby-step giant-step, decisions") {
                _ = try await board.appendEntries([try authority.result(view)])
                try await view.sync(from: board)
            }
            try await measure("decision", "decision note signed by the authority and cosigned by \(present.count) "
                + "trustees") {
                _ = try await board.appendEntries([try authority.decisionSignature(view)])
                try await view.sync(from: board)
                let decidedView = view
                _ = try await board.appendEntries(try present.map { try $0.decisionSignature(decidedView) })
                try await view.sync(from: board)
            }

            // The monitor replays the board's ballots through every detector and posts its alerts, signed.
            let alerts = try await measure("monitor", "the monitor replays the ballots in board order through "
                + "every detector and posts its alerts as signed entries") {
                let entries = try await board.entries(from: 0, to: view.size)
                let alerts = try BoardWatch.replay(entries).alerts
                if !alerts.isEmpty {
                    _ = try await board.appendEntries(try alerts.map {
                        try BoardEntry(type: ElectionEntryType.monitorAlert.rawValue, election: election,
                                       payload: PayloadCoding.encode($0), signedBy: monitorKey)
                    })
                    try await view.sync(from: board)
                }
                return alerts
            }

            // Independent verification of the whole board, and the receipts against the final checkpoint.
            let report = try await measure("verify", "every entry re-checked from the board over HTTP, receipts "
                + "checked") {
                let checkpoint = try await board.latestCheckpoint()
                let size = try Checkpoint(text: try SignedNote(parsing: checkpoint).text).size
                let entries = try await board.entries(from: 0, to: size)
                let report = await NativeElectionVerifier.verify(
                    entries: entries, checkpoint: checkpoint, logKey: local.logKey, origin: local.origin,
                    source: board.baseURL, jobs: ProcessInfo.processInfo.activeProcessorCount) { done, total in
                        progress("verify", done, total)
                    }
                for receipt in receipts { _ = try await receipt.check(against: board, logKey: local.logKey) }
                return report
            }
            if exportsBoard {
                _ = try await TileExporter(client: board).export(
                    to: directory.appendingPathComponent("board"), logKeys: [local.logKey], origin: local.origin)
                try Data((local.logKey.verifierKey + "\n").utf8)
                    .write(to: directory.appendingPathComponent("board.vkey"))
            }
            let outcome = SimulatedElection.Outcome(
                phases: phases, result: view.ledger.result!, mixResult: view.ledger.mixChain?.result,
                manifest: view.ledger.manifest!,
                decision: view.ledger.signedDecision!.serialized, alerts: alerts, report: report,
                boardSize: view.size,
                boardURL: board.baseURL)
            await local.stop()
            return outcome
        } catch {
            await local.stop()
            throw error
        }
    }

    /// Runs `body` for `0..<count` with ``ElectionShape/concurrency`` at once; results in order.
    private func parallel<T: Sendable>(_ count: Int, label: String,
                                       _ body: @escaping @Sendable (Int) async throws -> T) async throws -> [T] {
        let done = Locked(0)
        let progress = self.progress
        return try await withThrowingTaskGroup(of: (Int, T).self) { tasks in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            func start() {
                let index = next
                next += 1
                tasks.addTask { (index, try await body(index)) }
            }
            while next < min(count, shape.concurrency) { start() }
            for try await (index, value) in tasks {
                results[index] = value
                let finished = done.withLock { $0 += 1; return $0 }
                progress(label, finished, count)
                if next < count { start() }
            }
            return results.map { $0! }
        }
    }

    /// Random written answers for the write-in contests in which `choices` select no option: a name from a short
    /// list (some with letters outside ASCII), or none.
    static func randomWriteIns(_ contests: [Contest], choices: [[Int]]) -> [Int: String] {
        var answers = [Int: String]()
        for (offset, contest) in contests.enumerated()
        where contest.kind == .writeIn && choices[offset].allSatisfy({ $0 == 0 }) {
            answers[offset] = ["heron", "lynx", "Über-Katze", "owl", ""].randomElement()!
        }
        return answers
    }

    /// Random valid choices: in each contest, a random number of options within its limits, selected or, in a
    /// ranked contest, ranked in a random order.
    static func randomChoices(_ contests: [Contest]) -> [[Int]] {
        contests.map { contest in
            let count = Int.random(in: contest.minimumSelections...contest.maximumSelections)
            return contest.values(choosing: Array(contest.options.indices.shuffled().prefix(count)))
        }
    }
}
