import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaRecord
import TabellaTestSupport
import TabellaVerifier

/// A small ristretto255 election on an in-process board with the election's admission policy: 2-of-3 trustees,
/// a few voters, one contest choosing 1 to 2 of 3 options, token weights by square root.
struct TestElection {
    typealias Suite = CocktailRistretto255
    static let election = "test-election"

    let suite = CocktailRistretto255()
    let board: Board
    let noteSigner: Ed25519NoteSigner
    let authority: ElectionAuthority<Suite>
    let trustees: [ElectionTrustee<Suite>]
    let shares: [Int: Scalar]
    let credentials: [Ed25519.PrivateKey]
    /// The key the definition declares for the monitor's alerts.
    let monitor: Ed25519.PrivateKey
    let outsider = Ed25519.PrivateKey()

    /// The default contest: choose 1 or 2 of the options a, b, c.
    static let defaultContest = Contest(
        id: "pick", question: "Pick 1 or 2", kind: .choose,
        options: ["a", "b", "c"].map { Contest.Option(id: $0, text: $0.uppercased()) },
        minimumSelections: 1, maximumSelections: 2, rule: DecisionRule(quorum: .zero, threshold: .zero, strict: false))

    /// Sets up the election, runs the ceremony on the board and opens voting; voter i is in `regions[i % count]`
    /// (in none when `regions` is empty), the manifest's voting period is `period` (Unix seconds), and its number
    /// of mixers `mixers` (the threshold when nil).
    static func open(voters: Int = 4, contests: [Contest] = [defaultContest], regions: [String] = [],
                     period: (opens: Int64, closes: Int64) = (0, 1), mixers: Int? = nil) async throws
        -> TestElection
    {
        let suite = CocktailRistretto255()
        let group = suite.group
        let directory = ScratchDirectory.make("tabella-test")
        let authorityKey = Ed25519.PrivateKey()
        let admission = ElectionAdmission(suite: suite, election: election, authority: authorityKey.publicKey)
        let noteSigner = Ed25519NoteSigner(name: "test.board/\(election)", privateKey: Ed25519.PrivateKey())
        let board = Board(storage: try SQLiteStorage(path: directory.appendingPathComponent("b.sqlite").path),
                          signer: noteSigner, election: election, policy: admission)
        try await board.start()
        let boardKeys = (0..<3).map { _ in Ed25519.PrivateKey() }
        let staticKeys = (0..<3).map { _ in group.scalars.random() }
        let credentials = (0..<voters).map { _ in Ed25519.PrivateKey() }
        let monitor = Ed25519.PrivateKey()
        let manifest = ElectionManifest(
            electionID: election, title: "Test", contests: contests, weightFunction: .squareRoot,
            opens: period.opens, closes: period.closes, trustees: 3, threshold: 2,
            group: ElectionGroup.ristretto255.rawValue, mixers: mixers)
        let authority = ElectionAuthority(suite: suite, election: election, key: authorityKey)
        _ = try await board.append(try authority.setupEntries(
            manifest: manifest,
            voters: credentials.enumerated().map {
                .init(credential: $1.publicKey.bytes, region: regions.isEmpty ? nil : regions[$0 % regions.count],
                      tokens: UInt64(($0 + 1) * ($0 + 1)))
            },
            trustees: (0..<3).map {
                .init(name: "t\($0 + 1)", boardKey: Hex.encode(boardKeys[$0].publicKey.bytes),
                      ceremonyKey: Hex.encode(group.encode(group.generatorPower(secret: staticKeys[$0]))))
            },
            session: SecureRandom.bytes(count: 16), monitor: monitor.publicKey))
        let trustees = (0..<3).map {
            ElectionTrustee(suite: suite, election: election, participant: $0 + 1, boardKey: boardKeys[$0],
                            staticKey: staticKeys[$0])
        }
        var view = ElectionView(suite: suite, election: election, logKey: board.verifier, origin: board.origin)
        try await view.sync(from: board)
        let setupView = view
        let shares = try await withThrowingTaskGroup(of: (Int, Scalar).self) { tasks in
            for trustee in trustees {
                tasks.addTask {
                    let result = try await trustee.runCeremony(
                        setupView, board: board, waiting: .init(timeout: .seconds(60), interval: .milliseconds(5)))
                    return (trustee.participant, result.secretShare)
                }
            }
            var shares = [Int: Scalar]()
            for try await (id, share) in tasks { shares[id] = share }
            return shares
        }
        try await view.sync(from: board)
        _ = try await board.append([try authority.open(view)])
        return TestElection(board: board, noteSigner: noteSigner, authority: authority, trustees: trustees,
                            shares: shares, credentials: credentials, monitor: monitor)
    }

    /// The board's current state, read and checked.
    func view() async throws -> ElectionView<Suite> {
        var view = ElectionView(suite: suite, election: Self.election, logKey: board.verifier, origin: board.origin)
        try await view.sync(from: board)
        return view
    }

    /// A voter's client.
    func voter(_ index: Int) -> VoterClient<Suite> {
        VoterClient(election: Self.election, credential: credentials[index])
    }

    /// Appends one entry.
    @discardableResult
    func append(_ entry: BoardEntry) async throws -> UInt64 {
        try await board.append([entry]).firstIndex
    }

    /// Appends entries in order, as one request.
    func append(entries: some Collection<BoardEntry>) async throws {
        _ = try await board.append(Array(entries))
    }

    /// Every voter casts a ballot, then the authority closes and tallies, and the trustees post shares.
    func closeTallyAndDecrypt(present: [Int] = [1, 2]) async throws {
        let open = try await view()
        for index in credentials.indices {
            try await append(try voter(index).ballot(open, choices: [[1, 0, index % 2]]).entry)
        }
        try await append(try authority.close(try await view()))
        try await append(try authority.tally(try await view()))
        let tallied = try await view()
        for id in present {
            try await append(try trustees[id - 1].decryptionShare(tallied, secretShare: shares[id]!))
        }
    }

    /// The board's entries.
    func entries() async throws -> [BoardEntry] {
        try await board.entries(from: 0, to: try await board.head().size)
    }

    /// The verifier's report on `entries`, under a checkpoint signed by this board's key for exactly them (as a
    /// board that took them without checking would publish).
    func verify(_ entries: [BoardEntry]) async -> VerificationReport {
        var tree = CompactRange()
        for entry in entries { _ = tree.append(leafHash: MerkleHash.leaf(entry.encoded)) }
        var note = SignedNote(text: Checkpoint(origin: board.origin, size: UInt64(entries.count),
                                               rootHash: tree.root).text)
        note.sign(with: noteSigner)
        return await NativeElectionVerifier.verify(
            entries: entries, checkpoint: note.serialized, logKey: board.verifier, origin: board.origin,
            source: "test", jobs: 2)
    }

    /// An entry with `entry`'s type, election and payload, signed by `key`.
    static func resigned(_ entry: BoardEntry, by key: Ed25519.PrivateKey, payload: [UInt8]? = nil) throws
        -> BoardEntry
    {
        try BoardEntry(type: entry.type, election: entry.election, payload: payload ?? entry.payload, signedBy: key)
    }
}
