import ArgumentParser
import Foundation

/// Where a command reads a passphrase from.
struct PassphraseOptions: ParsableArguments {
    @Option(help: "Read the passphrase from this file (first line) instead of the terminal or TABELLA_PASSPHRASE.")
    var passphraseFile: String?

    /// The passphrase: from the file, the environment, or the terminal without echo (twice when `confirm`).
    func read(prompt: String, confirm: Bool = false) throws -> [UInt8] {
        if let path = passphraseFile {
            let text = try readTextFile(path, naming: "the passphrase file")
            return Array((text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "").utf8)
        }
        if let value = ProcessInfo.processInfo.environment["TABELLA_PASSPHRASE"] { return Array(value.utf8) }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ValidationError("no passphrase: run in a terminal, set TABELLA_PASSPHRASE, or use --passphrase-file")
        }
        let first = try Self.prompt(prompt)
        if confirm {
            guard try Self.prompt("Repeat the passphrase: ") == first else {
                throw ValidationError("the two passphrases differ")
            }
            guard first.count >= 8 else { throw ValidationError("choose a passphrase of at least 8 characters") }
        }
        return first
    }

    private static func prompt(_ text: String) throws -> [UInt8] {
        guard let pointer = getpass(text) else { throw ValidationError("cannot read a passphrase") }
        let bytes = Array(String(cString: pointer).utf8)
        memset(pointer, 0, strlen(pointer))
        return bytes
    }
}
