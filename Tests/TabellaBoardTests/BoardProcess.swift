import Foundation
import TabellaBoard
import TabellaCrypto

/// A `tabella board serve` child process on a free loopback port, for tests that kill and restart boards.
final class BoardProcess: @unchecked Sendable {
    // Set once in `init`, then only read.
    let process: Process
    let url: String

    /// The `tabella` executable built beside the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tabella")
    }

    /// Starts `tabella board serve` with `arguments` (after the port and log options) and waits until it listens.
    init(arguments: [String]) throws {
        process = Process()
        process.executableURL = Self.executable
        process.arguments = ["board", "serve", "--port", "0", "--log-level", "critical"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("\n"), Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let range = text.range(of: "http://127.0.0.1:[0-9]+", options: .regularExpression) else {
            process.terminate()
            throw BoardError(.remote, "the board process did not start: \(text)")
        }
        url = String(text[range])
    }

    /// Kills the process with SIGKILL and waits for it.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Stops the process with SIGTERM and waits for it.
    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// A signing key file for a board, written into `directory`.
func writeBoardKey(name: String, in directory: URL) throws -> (path: String, signer: Ed25519NoteSigner) {
    let signer = Ed25519NoteSigner(name: name, privateKey: Ed25519.PrivateKey())
    let path = directory.appendingPathComponent("\(name.replacingOccurrences(of: "/", with: "_")).key").path
    try VerifierKey.formatSigner(name: name, privateKey: signer.privateKey).write(
        toFile: path, atomically: true, encoding: .utf8)
    return (path, signer)
}
