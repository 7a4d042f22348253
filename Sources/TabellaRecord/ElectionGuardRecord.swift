import Foundation

/// An ElectionGuard 2.0 election record in the Kotlin implementation's JSON format (its
/// `docs/JsonSerializationSpec1.9.md`): the files of one directory, read and checked for form.
///
/// Integers are kept as fixed-length big-endian bytes (512 for residues modulo p, 32 for values modulo q): whether
/// they lie in the group, or below q, is a verification step's question, so that a bad value is reported by the
/// step that the specification assigns to it. Everything else about the form (missing, unknown or mistyped fields,
/// bad hexadecimal, over-long integers, truncated files) is an import error naming the file and the JSON path.
public struct ElectionGuardRecord: Sendable {
    /// The byte length of a residue modulo p in the standard group.
    public static let elementByteCount = 512
    /// The byte length of a value modulo q, and of a hash.
    public static let scalarByteCount = 32

    /// The directory the record was read from.
    public let directory: URL
    /// `constants.json`.
    public let constants: Constants
    /// `election_config.json`.
    public let config: Config
    /// `manifest.json`, parsed, with its exact bytes.
    public let manifest: Manifest
    /// `election_initialized.json`, if the key ceremony's result is present.
    public let initialized: Initialized?
    /// Every ballot file of `encrypted_ballots/<device>/`, sorted by device and then by file name.
    public let ballots: [Ballot]
    /// The `encrypted_ballots/<device>/ballot_chain.json` files (devices that chain confirmation codes), by device
    /// folder.
    public let ballotChains: [BallotChain]
    /// The decryptions of challenged ballots, `challenged_ballots/dballot-<id>.json`, sorted by file name.
    public let challengedBallots: [DecryptedTally]
    /// `encrypted_tally.json`, if present.
    public let encryptedTally: EncryptedTally?
    /// `tally.json`, if present.
    public let decryptedTally: DecryptedTally?

    /// Reads the record in `directory`.
    ///
    /// - Throws: ``RecordError`` naming the file and JSON path of the first problem.
    public init(directory: URL) throws(RecordError) {
        self.directory = directory
        let reader = RecordFiles(directory: directory)
        constants = try Constants(reader.object("constants.json"))
        config = try Config(reader.object("election_config.json"))
        let manifestBytes = try reader.data("manifest.json")
        let manifestJSON = try JSONObjectReader.root(manifestBytes, file: "manifest.json")
        manifest = try Manifest(manifestJSON, bytes: Array(manifestBytes))
        initialized = try reader.optionalObject("election_initialized.json").map(Initialized.init)
        var ballots = [Ballot]()
        var chains = [BallotChain]()
        for file in try reader.files(under: "encrypted_ballots") {
            if file.hasSuffix("/\(BallotChain.fileName)") {
                chains.append(try BallotChain(reader.object(file)))
            } else {
                ballots.append(try Ballot(reader.object(file)))
            }
        }
        self.ballots = ballots
        ballotChains = chains
        encryptedTally = try reader.optionalObject("encrypted_tally.json").map(EncryptedTally.init)
        decryptedTally = try reader.optionalObject("tally.json").map(DecryptedTally.init)
        challengedBallots = try reader.files(in: "challenged_ballots").map { file throws(RecordError) in
            try DecryptedTally(reader.object(file))
        }
    }
}

/// File access inside a record's directory, with errors that name the file.
struct RecordFiles {
    let directory: URL

    /// The bytes of the file at `url`, read through a file handle: Foundation's `Data(contentsOf:)` leaks its
    /// 4 KiB read buffer on an empty file (found by the import fuzz target's LeakSanitizer, Docs/security.md).
    static func contents(of url: URL) throws -> Data {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        return try handle.readToEnd() ?? Data()
    }

    func data(_ file: String) throws(RecordError) -> Data {
        do {
            return try Self.contents(of: directory.appendingPathComponent(file))
        } catch {
            throw RecordError(.unreadableFile, file: file, path: "$", "cannot be read")
        }
    }

    func object(_ file: String) throws(RecordError) -> JSONObjectReader {
        try JSONObjectReader.root(data(file), file: file)
    }

    func optionalObject(_ file: String) throws(RecordError) -> JSONObjectReader? {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path) ? try object(file) : nil
    }

    /// The `.json` files directly in `folder`, as relative paths, sorted (none when the folder does not exist).
    func files(in folder: String) throws(RecordError) -> [String] {
        let root = directory.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: root.path) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
                .filter { $0.hasSuffix(".json") }.map { "\(folder)/\($0)" }
        } catch {
            throw RecordError(.unreadableFile, file: folder, path: "$", "the folder cannot be listed")
        }
    }

    /// The `.json` files one level below each subdirectory of `folder`, as relative paths, sorted.
    func files(under folder: String) throws(RecordError) -> [String] {
        let manager = FileManager.default
        let root = directory.appendingPathComponent(folder)
        guard manager.fileExists(atPath: root.path) else { return [] }
        var result = [String]()
        do {
            for device in try manager.contentsOfDirectory(atPath: root.path).sorted() {
                let deviceURL = root.appendingPathComponent(device)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: deviceURL.path, isDirectory: &isDirectory), isDirectory.boolValue
                else { continue }
                for name in try manager.contentsOfDirectory(atPath: deviceURL.path).sorted()
                where name.hasSuffix(".json") {
                    result.append("\(folder)/\(device)/\(name)")
                }
            }
        } catch {
            throw RecordError(.unreadableFile, file: folder, path: "$", "the folder cannot be listed")
        }
        return result
    }
}
