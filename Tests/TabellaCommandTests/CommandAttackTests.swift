import Foundation
import TabellaTestSupport
import Testing

/// Every command's files and flags tried as an attacker (or a careless user) would: each bad input gets a non-zero
/// exit, an error that names what was wrong, and leaves nothing created or changed (Docs/security.md, "Interfaces
/// tried as an attacker would"). Each case runs in a fresh copy of a folder of fixtures.
@Suite("tabella commands under attack")
struct CommandAttackTests {
    /// One bad invocation and what must follow from it.
    struct Attack: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        /// The exit code: 64 for a usage or file error found before any work, 1 for a failed step, 2 for a failed
        /// verification or an unreadable record.
        let status: Int32
        /// Words the error must contain (standard error, or standard output for the verifiers' reports).
        let message: [String]
        /// Files and folders that must not exist afterwards.
        var absent: [String] = []
        /// Fixtures that must be byte for byte as they were.
        var unchanged: [String] = []

        var testDescription: String { name }
    }

    /// The fixtures: unreadable and malformed files, trustee identities and keys, a board signing key and its
    /// verifier key file. Made once with the `tabella` under test.
    static let fixtures = Result { try makeFixtures() }

    static let passphrase = "attack test passphrase"

    private static func makeFixtures() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tabella-attack-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Not UTF-8 (0xFF never occurs in UTF-8), not JSON, not a key file.
        try Data((0..<300).map { UInt8(255 - $0 % 7) }).write(to: folder.appendingPathComponent("garbage"))
        try Data((0..<300).map { UInt8(255 - $0 % 7) }).write(to: folder.appendingPathComponent("garbage.600"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600],
                                              ofItemAtPath: folder.appendingPathComponent("garbage.600").path)
        try Data().write(to: folder.appendingPathComponent("empty"))
        try Data(#"{"candidates": ["a", "b"], "ballots": [{"ranking": [0,"#.utf8)
            .write(to: folder.appendingPathComponent("truncated.json"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder"),
                                                withIntermediateDirectories: false)
        for command in [["trustee", "create", "--name", "alice", "--key", "alice.key", "--public-file", "alice.pub"],
                        ["trustee", "create", "--name", "bob", "--key", "bob.key", "--public-file", "bob.pub"],
                        ["trustee", "enroll", "--name", "erin", "--key", "erin.key"]] {
            let result = try TabellaExecutable.runReadingErrors(command, in: folder,
                                                                environment: ["TABELLA_PASSPHRASE": passphrase])
            guard result.status == 0 else { throw FixtureError(command: command, errors: result.errors) }
        }
        let keygen = try TabellaExecutable.runReadingErrors(["board", "keygen", "--name", "board.example",
                                                             "--out", "board.key"], in: folder)
        guard keygen.status == 0 else { throw FixtureError(command: ["board", "keygen"], errors: keygen.errors) }
        try Data(keygen.output.utf8).write(to: folder.appendingPathComponent("board.vkey"))
        return folder
    }

    /// A fixture command that failed.
    struct FixtureError: Error, CustomStringConvertible {
        let command: [String]
        let errors: String
        var description: String { "making the fixtures, `tabella \(command.joined(separator: " "))`: \(errors)" }
    }

    static let unreachable = "http://127.0.0.1:9"

    static let attacks: [Attack] = trusteeAttacks + voterAndVerifierAttacks + boardAttacks

    static let trusteeAttacks: [Attack] = [
        Attack(name: "trustee create: an empty name",
               arguments: ["trustee", "create", "--name", "", "--key", "new.key"], status: 64,
               message: ["--name", "1 to 64 characters"], absent: ["new.key", "new.key.pub.json"]),
        Attack(name: "trustee enroll: a name with a newline",
               arguments: ["trustee", "enroll", "--name", "a\nb", "--key", "new.key"], status: 64,
               message: ["--name", "control characters"], absent: ["new.key", "new.key.pub.json"]),
        Attack(name: "trustee create: over an existing key file",
               arguments: ["trustee", "create", "--name", "mallory", "--key", "alice.key"], status: 64,
               message: ["alice.key exists"], unchanged: ["alice.key"]),
        Attack(name: "trustee create: into a folder that does not exist",
               arguments: ["trustee", "create", "--name", "carol", "--key", "nowhere/carol.key"], status: 1,
               message: ["cannot write nowhere/carol.key"], absent: ["nowhere"]),
        Attack(name: "trustee setup: threshold 0",
               arguments: ["trustee", "setup", "--dir", "ceremony", "--threshold", "0", "alice.pub", "bob.pub"],
               status: 1, message: ["threshold", "t = 0"], absent: ["ceremony"]),
        Attack(name: "trustee setup: a threshold above the number of trustees",
               arguments: ["trustee", "setup", "--dir", "ceremony", "--threshold", "3", "alice.pub", "bob.pub"],
               status: 1, message: ["threshold", "t = 3"], absent: ["ceremony"]),
        Attack(name: "trustee setup: a public file that is not one",
               arguments: ["trustee", "setup", "--dir", "ceremony", "--threshold", "2", "alice.pub", "garbage"],
               status: 64, message: ["garbage is not a valid TrusteePublicIdentity file"], absent: ["ceremony"]),
        Attack(name: "trustee setup: the same trustee twice",
               arguments: ["trustee", "setup", "--dir", "ceremony", "--threshold", "2", "alice.pub", "alice.pub"],
               status: 1, message: ["participants 1 and 2 have the same public key"], absent: ["ceremony"]),
        Attack(name: "trustee setup: a public file that does not exist",
               arguments: ["trustee", "setup", "--dir", "ceremony", "--threshold", "2", "alice.pub", "gone.pub"],
               status: 64, message: ["cannot read gone.pub"], absent: ["ceremony"]),
        Attack(name: "trustee join: a folder that is not a ceremony",
               arguments: ["trustee", "join", "--dir", "folder", "--key", "alice.key"], status: 64,
               message: ["cannot read", "ceremony.json"], absent: ["folder/ceremony.json"]),
        Attack(name: "trustee join: a key file others can read",
               arguments: ["trustee", "join", "--dir", "folder", "--key", "garbage"], status: 1,
               message: ["garbage has mode", "chmod 600"]),
        Attack(name: "trustee join: a key file that is not one",
               arguments: ["trustee", "join", "--dir", "folder", "--key", "garbage.600"], status: 1,
               message: ["not a Tabella key file"]),
        Attack(name: "trustee decrypt: the wrong passphrase",
               arguments: ["trustee", "decrypt", "--share", "alice.key", "--ciphertexts", "empty", "--out", "out.json",
                           "--passphrase-file", "empty"],
               status: 1, message: ["the passphrase does not open this key file"], absent: ["out.json"]),
        Attack(name: "trustee decrypt: an identity key given as a share",
               arguments: ["trustee", "decrypt", "--share", "alice.key", "--ciphertexts", "empty", "--out", "out.json"],
               status: 64, message: ["alice.key decrypted but does not hold a TrusteeShare"], absent: ["out.json"]),
        Attack(name: "trustee combine: a record that is not one",
               arguments: ["trustee", "combine", "--record", "garbage", "--ciphertexts", "empty", "garbage"],
               status: 64, message: ["garbage is not a valid CeremonyRecord file"]),
        Attack(name: "trustee enroll: an unknown group",
               arguments: ["trustee", "enroll", "--name", "frank", "--group", "p-999", "--key", "new.key"],
               status: 64, message: ["--group"], absent: ["new.key"]),
        Attack(name: "trustee mix: a board that is not a URL",
               arguments: ["trustee", "mix", "--board", "not a url", "--vkey", "board.vkey", "--election", "e",
                           "--key", "erin.key"],
               status: 64, message: ["--board", "not an http:// or https:// URL"]),
        Attack(name: "trustee mix: a verifier key that is not one",
               arguments: ["trustee", "mix", "--board", unreachable, "--vkey", "nonsense", "--election", "e",
                           "--key", "erin.key"],
               status: 64, message: ["--vkey", "not a verifier key"]),
        Attack(name: "trustee create: a passphrase file that is not text",
               arguments: ["trustee", "create", "--name", "gina", "--key", "new.key", "--passphrase-file", "garbage"],
               status: 64, message: ["the passphrase file garbage is not UTF-8 text"], absent: ["new.key"]),
    ]

    static let voterAndVerifierAttacks: [Attack] = [
        Attack(name: "vote cast: a credential file that is not one",
               arguments: ["vote", "cast", "--board", unreachable, "--vkey", "board.vkey", "--election", "e",
                           "--credential", "garbage"],
               status: 64, message: ["garbage is not a credential file"], absent: ["receipt.json"]),
        Attack(name: "vote check-receipt: a receipt that is not one",
               arguments: ["vote", "check-receipt", "--receipt", "garbage", "--board", unreachable,
                           "--vkey", "board.vkey"],
               status: 64, message: ["garbage is not a valid VoteReceipt file"]),
        Attack(name: "vote check-receipt: a board URL of another scheme",
               arguments: ["vote", "check-receipt", "--receipt", "garbage", "--board", "ftp://board.example",
                           "--vkey", "board.vkey"],
               status: 64, message: ["--board", "ftp://board.example"]),
        Attack(name: "election create: a manifest that is not one",
               arguments: ["election", "create", "--board", unreachable, "--vkey", "board.vkey", "--election", "e",
                           "--manifest", "garbage", "--voters", "3", "--key", "authority.key",
                           "--credentials", "credentials"],
               status: 64, message: ["garbage is not a valid ElectionManifest file"],
               absent: ["authority.key", "credentials"]),
        Attack(name: "election create: both a roll and generated voters",
               arguments: ["election", "create", "--board", unreachable, "--vkey", "board.vkey", "--election", "e",
                           "--manifest", "garbage", "--voters", "3", "--roll", "garbage", "--key", "authority.key"],
               status: 64, message: ["--roll or --voters"], absent: ["authority.key", "credentials"]),
        Attack(name: "verify: --jobs 0",
               arguments: ["verify", "board", "folder", "--vkey", "board.vkey", "--jobs", "0"], status: 64,
               message: ["--jobs must be at least 1"]),
        Attack(name: "verify: a shard beyond the count",
               arguments: ["verify", "board", "folder", "--vkey", "board.vkey", "--shard", "3/2"], status: 64,
               message: ["--shard"]),
        Attack(name: "verify: a folder that is not an exported board",
               arguments: ["verify", "board", "folder", "--vkey", "board.vkey"], status: 2,
               message: ["cannot read folder", "checkpoint is missing"]),
        Attack(name: "verify merge: a report that is not one",
               arguments: ["verify", "merge", "garbage"], status: 2,
               message: ["garbage is not a valid SignedPartialReport file"]),
        Attack(name: "verify electionguard: a folder that is not a record",
               arguments: ["verify", "electionguard", "folder"], status: 2,
               message: ["cannot be read: step import, constants.json"]),
        Attack(name: "verify belenios: a file that is not an archive",
               arguments: ["verify", "belenios", "garbage"], status: 2,
               message: ["a Belenios archive starts with its BELENIOS header file"]),
        Attack(name: "decision verify: a note that is not text",
               arguments: ["decision", "verify", "garbage", "--keys", "garbage"], status: 64,
               message: ["the decision note garbage is not UTF-8 text"]),
        Attack(name: "count: an unknown method",
               arguments: ["count", "--method", "borda", "--input", "empty"], status: 64,
               message: ["unknown method \"borda\""]),
        Attack(name: "count: a truncated profile",
               arguments: ["count", "--method", "instant-runoff", "--input", "truncated.json"], status: 64,
               message: ["the profile is not valid JSON"]),
        Attack(name: "monitor replay: a folder that is not an exported board",
               arguments: ["monitor", "replay", "folder"], status: 2, message: ["checkpoint is missing"]),
    ]

    static let boardAttacks: [Attack] = {
        let serve = ["board", "serve", "--key", "board.key", "--election", "e", "--db", "board.sqlite"]
        return [
            Attack(name: "board serve: a signing key that is not text",
                   arguments: ["board", "serve", "--key", "garbage", "--election", "e", "--db", "board.sqlite",
                               "--accept", "ballot"],
                   status: 64, message: ["the signing key file garbage is not UTF-8 text"],
                   absent: ["board.sqlite"]),
            Attack(name: "board serve: no entry type accepted", arguments: serve, status: 64,
                   message: ["--accept"], absent: ["board.sqlite"]),
            Attack(name: "board serve: port 99999", arguments: serve + ["--accept", "ballot", "--port", "99999"],
                   status: 64, message: ["--port: 99999"], absent: ["board.sqlite"]),
            Attack(name: "board serve: a witness without its key",
                   arguments: serve + ["--accept", "ballot", "--witness", "nonsense"], status: 1,
                   message: ["URL=VKEY"], absent: ["board.sqlite"]),
            Attack(name: "board serve: an authority key that is not hexadecimal",
                   arguments: serve + ["--native", "p256", "--authority", "zz"], status: 64,
                   message: ["--authority"], absent: ["board.sqlite"]),
            Attack(name: "board serve: a signer key that is not base64",
                   arguments: serve + ["--accept", "ballot=zz"], status: 64,
                   message: ["--accept ballot", "not a base64 Ed25519 public key"], absent: ["board.sqlite"]),
            Attack(name: "board serve: an empty entry type",
                   arguments: serve + ["--accept", "=zz"], status: 64, message: ["the entry type is empty"],
                   absent: ["board.sqlite"]),
            Attack(name: "board serve: a negative rate limit",
                   arguments: serve + ["--accept", "ballot", "--rate-limit=-3"], status: 64,
                   message: ["--rate-limit"], absent: ["board.sqlite"]),
            Attack(name: "board serve: a zero body limit",
                   arguments: serve + ["--accept", "ballot", "--max-body", "0"], status: 64,
                   message: ["--max-body"], absent: ["board.sqlite"]),
            Attack(name: "board serve: an unknown log level",
                   arguments: serve + ["--accept", "ballot", "--log-level", "loud"], status: 64,
                   message: ["--log-level"], absent: ["board.sqlite"]),
            Attack(name: "board serve: a database file that is not one",
                   arguments: ["board", "serve", "--key", "board.key", "--election", "e", "--db", "garbage.600",
                               "--accept", "ballot", "--port", "0"],
                   status: 1, message: ["could not open the board database garbage.600", "not a database"],
                   unchanged: ["garbage.600"]),
            Attack(name: "board append: a signing key that is not text",
                   arguments: ["board", "append", "--url", unreachable, "--signer", "garbage", "--type", "ballot",
                               "--election", "e", "--payload", "empty"],
                   status: 64, message: ["the signing key file garbage is not UTF-8 text"]),
            Attack(name: "board mirror: a negative interval",
                   arguments: ["board", "mirror", "--url", unreachable, "--vkey", "board.vkey", "--interval=-1",
                               "--db", "mirror.sqlite"],
                   status: 64, message: ["--interval"], absent: ["mirror.sqlite"]),
            Attack(name: "board mirror: a verifier key that is not one",
                   arguments: ["board", "mirror", "--url", unreachable, "--vkey", "nonsense", "--db", "mirror.sqlite"],
                   status: 64, message: ["--vkey", "not a verifier key"], absent: ["mirror.sqlite"]),
            Attack(name: "board witness: port 70000",
                   arguments: ["board", "witness", "--key", "board.key", "--log", "board.vkey", "--port", "70000",
                               "--state", "witness.sqlite"],
                   status: 64, message: ["--port: 70000"], absent: ["witness.sqlite"]),
            Attack(name: "board audit: a URL that is not one",
                   arguments: ["board", "audit", "--url", "board.example", "--vkey", "board.vkey"], status: 64,
                   message: ["--url", "board.example"]),
        ]
    }()

    @Test(arguments: attacks)
    func isRefusedAndLeavesNothingBehind(_ attack: Attack) throws {
        let template = try Self.fixtures.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tabella-attack-case-\(UUID())")
        try FileManager.default.copyItem(at: template, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try attack.unchanged.map { try Data(contentsOf: folder.appendingPathComponent($0)) }

        // A command that should be refused but starts serving instead is stopped after 30 s and fails the test.
        let result = try TabellaExecutable.runReadingErrors(attack.arguments, in: folder,
                                                            environment: ["TABELLA_PASSPHRASE": Self.passphrase],
                                                            limit: 30)

        #expect(result.status == attack.status, "stderr: \(result.errors)\nstdout: \(result.output)")
        let text = result.errors + result.output
        for words in attack.message {
            #expect(text.contains(words), "the error should say \"\(words)\": \(text)")
        }
        for path in attack.absent {
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path),
                    "\(path) was created")
        }
        for (path, bytes) in zip(attack.unchanged, before) {
            #expect(try Data(contentsOf: folder.appendingPathComponent(path)) == bytes, "\(path) was changed")
        }
    }
}
