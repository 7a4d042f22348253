import Foundation
import Testing

/// `tabella trustee …` as trustees run it, in a scratch folder: each command's output, files and exit code, and
/// the failures a trustee can meet (a wrong passphrase, a damaged key or share file, too few partial decryptions).
@Suite("tabella trustee", .serialized)
struct TrusteeCommandTests {
    /// A scratch folder with the trustees alice, bob and carol (P-256) created in it.
    final class Folder {
        let url: URL
        static let passphrase = "trustee test passphrase"

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("tabella-trustee-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }

        /// Runs `tabella` in the folder; the passphrase comes from `TABELLA_PASSPHRASE`.
        func run(_ arguments: [String], passphrase: String = Folder.passphrase) throws
            -> (status: Int32, output: String, error: String)
        {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
                .appendingPathComponent("tabella")
            process.arguments = arguments
            process.currentDirectoryURL = url
            process.environment = ProcessInfo.processInfo.environment.merging(["TABELLA_PASSPHRASE": passphrase]) {
                $1
            }
            let output = Pipe()
            let error = Pipe()
            process.standardOutput = output
            process.standardError = error
            try process.run()
            let outputData = output.fileHandleForReading.readDataToEndOfFile()
            let errorData = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: outputData, as: UTF8.self),
                    String(decoding: errorData, as: UTF8.self))
        }

        /// Runs a command that must succeed, and returns its output.
        @discardableResult
        func succeed(_ arguments: [String]) throws -> String {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.error)")
            return result.output
        }

        /// Flips one bit of a file's `offset`-th byte from the end.
        func damage(_ name: String, offsetFromEnd: Int = 5) throws {
            var bytes = try [UInt8](Data(contentsOf: url.appendingPathComponent(name)))
            bytes[bytes.count - offsetFromEnd] ^= 1
            try Data(bytes).write(to: url.appendingPathComponent(name))
        }

        /// Creates the three trustees, sets up a 2-of-3 ceremony in `ceremony/`, runs its rounds one at a time
        /// and exports `record.json`.
        func ceremony() throws {
            for name in Self.trustees {
                try succeed(["trustee", "create", "--name", name, "--ciphersuite", "p256", "--key", "\(name).key"])
            }
            try succeed(["trustee", "setup", "--dir", "ceremony", "--threshold", "2", "--session", "command-test"]
                        + Self.trustees.map { "\($0).key.pub.json" })
            for round in 1...3 {
                for name in Self.trustees {
                    try succeed(["trustee", "join", "--dir", "ceremony", "--key", "\(name).key", "--round", "\(round)"])
                }
            }
            try succeed(["trustee", "export", "--dir", "ceremony", "--out", "record.json"])
        }

        static let trustees = ["alice", "bob", "carol"]
    }

    @Test("create writes a 0600 key file and a public file, and refuses to overwrite an identity")
    func create() throws {
        let folder = try Folder()
        let output = try folder.succeed(["trustee", "create", "--name", "alice", "--ciphersuite", "p256",
                                         "--key", "alice.key"])
        #expect(output.contains("Created trustee alice (COCKTAIL(P-256, SHA-256))"))
        #expect(output.contains("Next: wait for the organiser's ceremony folder"))
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path("alice.key"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let key = try String(contentsOfFile: folder.path("alice.key"), encoding: .isoLatin1)
        #expect(!key.contains("staticKey"), "the key file holds the secret in the clear")
        let publicFile = try String(contentsOfFile: folder.path("alice.key.pub.json"), encoding: .utf8)
        #expect(publicFile.contains("\"name\"") && publicFile.contains("alice"))
        let again = try folder.run(["trustee", "create", "--name", "alice", "--ciphersuite", "p256",
                                    "--key", "alice.key"])
        #expect(again.status != 0)
        #expect(again.error.contains("alice.key exists"))
    }

    @Test("setup, join round by round, status, export, decrypt with one trustee absent, combine")
    func ceremonyAndDecryption() throws {
        let folder = try Folder()
        try folder.ceremony()
        let status = try folder.succeed(["trustee", "status", "--dir", "ceremony"])
        #expect(status.contains("Ceremony command-test: 2 of 3, COCKTAIL(P-256, SHA-256)"))
        #expect(status.contains("Round 1: 3/3 posted; signatures: 3/3."))
        for name in Folder.trustees {
            #expect(status.contains("\(name): round 1 posted, transcript signed"))
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.path("\(name).key.share"))
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
        try folder.succeed(["trustee", "encrypt-check", "--record", "record.json", "--values", "5,0,9",
                            "--out", "ciphertexts.json"])
        for name in ["alice", "carol"] {
            let output = try folder.succeed(["trustee", "decrypt", "--share", "\(name).key.share",
                                             "--ciphertexts", "ciphertexts.json", "--out", "\(name).partial.json",
                                             "--quiet"])
            #expect(output.contains("decrypted 3 ciphertexts into \(name).partial.json"))
        }
        let combined = try folder.succeed(["trustee", "combine", "--record", "record.json",
                                           "--ciphertexts", "ciphertexts.json", "alice.partial.json",
                                           "carol.partial.json"])
        #expect(combined.contains("Combined the partial decryptions of trustees 1 (alice), 3 (carol)."))
        #expect(combined.contains("ciphertext 1: 5") && combined.contains("ciphertext 2: 0")
                    && combined.contains("ciphertext 3: 9"))
    }

    @Test("the status of a ceremony in progress tells a trustee the next step")
    func statusInProgress() throws {
        let folder = try Folder()
        for name in Folder.trustees {
            try folder.succeed(["trustee", "create", "--name", name, "--ciphersuite", "p256", "--key", "\(name).key"])
        }
        try folder.succeed(["trustee", "setup", "--dir", "ceremony", "--threshold", "2", "--session", "s"]
                           + Folder.trustees.map { "\($0).key.pub.json" })
        try folder.succeed(["trustee", "join", "--dir", "ceremony", "--key", "alice.key", "--round", "1"])
        let status = try folder.succeed(["trustee", "status", "--dir", "ceremony", "--name", "bob"])
        #expect(status.contains("alice: round 1 posted, transcript waiting"))
        #expect(status.contains("bob: round 1 waiting"))
        #expect(status.contains("Next for bob: run `tabella trustee join --dir ceremony"))
        // Export before the ceremony is over fails and says who is missing.
        let early = try folder.run(["trustee", "export", "--dir", "ceremony", "--out", "record.json"])
        #expect(early.status == 1)
        #expect(early.error.contains("has not finished the ceremony"))
    }

    @Test("a threshold above the number of trustees is refused at setup")
    func badThreshold() throws {
        let folder = try Folder()
        for name in ["alice", "bob"] {
            try folder.succeed(["trustee", "create", "--name", name, "--ciphersuite", "p256", "--key", "\(name).key"])
        }
        let result = try folder.run(["trustee", "setup", "--dir", "ceremony", "--threshold", "3", "--session", "s",
                                     "alice.key.pub.json", "bob.key.pub.json"])
        #expect(result.status == 1)
        #expect(result.error.contains("invalidSetup") && result.error.contains("t = 3"))
    }

    @Test("a wrong passphrase and a damaged key or share file are reported as such, and nothing is written")
    func wrongPassphraseAndTampering() throws {
        let folder = try Folder()
        try folder.ceremony()
        try folder.succeed(["trustee", "encrypt-check", "--record", "record.json", "--values", "1",
                            "--out", "ciphertexts.json"])
        let decrypt = ["trustee", "decrypt", "--share", "alice.key.share", "--ciphertexts", "ciphertexts.json",
                       "--out", "alice.partial.json", "--quiet"]
        let wrong = try folder.run(decrypt, passphrase: "not the passphrase")
        #expect(wrong.status == 1)
        #expect(wrong.error.contains("wrongPassphrase: the passphrase does not open this key file"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("alice.partial.json")))
        let status = try folder.run(["trustee", "join", "--dir", "ceremony", "--key", "bob.key", "--round", "1"],
                                    passphrase: "not the passphrase")
        #expect(status.status == 1)
        #expect(status.error.contains("wrongPassphrase"))

        try folder.damage("alice.key.share")
        let tamperedShare = try folder.run(decrypt)
        #expect(tamperedShare.status == 1)
        #expect(tamperedShare.error.contains("tampered: the key file was modified or damaged"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("alice.partial.json")))
        try folder.damage("bob.key", offsetFromEnd: 20)
        let tamperedKey = try folder.run(["trustee", "join", "--dir", "ceremony", "--key", "bob.key", "--round", "1"])
        #expect(tamperedKey.status == 1)
        #expect(tamperedKey.error.contains("tampered"))
    }

    @Test("combine names a trustee whose partial decryption fails its proof, and stops below the threshold")
    func cheatingTrustee() throws {
        let folder = try Folder()
        try folder.ceremony()
        try folder.succeed(["trustee", "encrypt-check", "--record", "record.json", "--values", "4,7",
                            "--out", "ciphertexts.json"])
        for name in Folder.trustees {
            try folder.succeed(["trustee", "decrypt", "--share", "\(name).key.share", "--ciphertexts",
                                "ciphertexts.json", "--out", "\(name).partial.json", "--quiet"])
        }
        // Alice swaps her two values: each proof then belongs to the other ciphertext.
        let file = folder.url.appendingPathComponent("alice.partial.json")
        var partial = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var values = try #require(partial["values"] as? [String])
        values.swapAt(0, 1)
        partial["values"] = values
        try JSONSerialization.data(withJSONObject: partial).write(to: file)
        let combine = ["trustee", "combine", "--record", "record.json", "--ciphertexts", "ciphertexts.json"]
        let all = try folder.succeed(combine + Folder.trustees.map { "\($0).partial.json" })
        #expect(all.contains("Excluded trustee 1 (alice): the proof of trustee 1 for ciphertext 1 does not verify"))
        #expect(all.contains("ciphertext 1: 4") && all.contains("ciphertext 2: 7"))
        let short = try folder.run(combine + ["alice.partial.json", "bob.partial.json"])
        #expect(short.status == 3)
        #expect((short.output + short.error).contains("excluded trustees: 1"))
    }
}
