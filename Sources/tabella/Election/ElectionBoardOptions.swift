import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups
import TabellaBoard
import TabellaElection
import TabellaRecord
import TabellaVerifier

/// The board an election command works on: its URL, its verifier key, and the election.
struct ElectionBoardOptions: ParsableArguments {
    @Option(help: "The board's URL, such as http://127.0.0.1:8080.")
    var board: String

    @Option(help: "The board's verifier key (name+id+key), printed by `tabella board serve`, or a file holding it.")
    var vkey: String

    @Option(help: "The election's identifier.")
    var election: String

    @Flag(help: "No progress display.")
    var quiet = false

    /// A client of the board.
    var client: BoardClient { BoardClient(baseURL: board) }

    func validate() throws {
        try checkBoardURL(board, flag: "--board")
        _ = try logKey()
    }

    /// The verifier key of the board's checkpoints.
    func logKey() throws -> any NoteVerifier { try parseVerifierKey(vkey, flag: "--vkey") }

    /// The election's group, from the definition (the board's first entry).
    func group() async throws -> ElectionGroup {
        let first = try await client.entry(0)
        let definition = try PayloadCoding.decode(ElectionDefinition.self, from: first.payload, type: .definition)
        guard let group = ElectionGroup(rawValue: definition.manifest.group) else {
            throw ValidationError("the board's election is in an unknown group `\(definition.manifest.group)`")
        }
        return group
    }

    /// The board read and checked entry by entry, with a progress bar.
    func view<Suite>(_ suite: Suite) async throws -> ElectionView<Suite> {
        let key = try logKey()
        var view = ElectionView(suite: suite, election: election, logKey: key, origin: key.keyName)
        let progress = LazyProgress(label: "checking the board", quiet: quiet)
        try await view.sync(from: client) { done, total in progress.update(done: done, total: total) }
        progress.finish()
        return view
    }

    /// Appends signed entries and says so.
    @discardableResult
    func post(_ entries: [BoardEntry]) async throws -> UInt64 {
        let (index, _) = try await client.appendEntries(entries)
        return index
    }
}

/// Files that hold an election participant's secrets, encrypted under a passphrase (mode 0600).
enum ElectionSecrets {
    /// The authority's signing key.
    struct Authority: Codable {
        /// The Ed25519 seed, hexadecimal.
        let seed: String
    }

    /// A trustee's keys for native elections.
    struct Trustee: Codable {
        /// The trustee's name.
        let name: String
        /// The election group.
        let group: String
        /// The board key's Ed25519 seed, hexadecimal.
        let boardSeed: String
        /// The ceremony static key, hexadecimal.
        let staticKey: String
    }

    /// A trustee's share of an election key, from the ceremony.
    struct Share: Codable {
        /// The election.
        let election: String
        /// The participant index.
        let participant: Int
        /// The secret share, hexadecimal.
        let secretShare: String
    }

    /// A voter's credential, written by `tabella election create` for each generated voter.
    struct Credential: Codable {
        /// The election.
        let election: String
        /// The Ed25519 seed, hexadecimal.
        let seed: String
    }

    /// The Ed25519 key of a seed field.
    static func key(seed: String, _ what: String) throws -> Ed25519.PrivateKey {
        guard let bytes = Hex.decode(seed), let key = try? Ed25519.PrivateKey(seed: bytes) else {
            throw ValidationError("\(what) does not hold a valid Ed25519 seed")
        }
        return key
    }
}
