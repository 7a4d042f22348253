import ArgumentParser
import Foundation
import TabellaBoard

/// `tabella board append`: sign an entry and append it.
struct BoardAppend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Sign a payload as a board entry and append it; print the receipt (index and checkpoint)."
    )

    @Option(help: "The board's URL.")
    var url: String

    @Option(help: "The signer's key file (from `tabella board keygen`).")
    var signer: String

    @Option(help: "The entry type.")
    var type: String

    @Option(help: "The election identifier.")
    var election: String

    @Option(help: "The payload file; - for standard input.")
    var payload: String

    func run() async throws {
        let bytes =
            payload == "-"
            ? [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            : [UInt8](try Data(contentsOf: URL(fileURLWithPath: payload)))
        let key = try readSigner(signer).privateKey
        let entry = try BoardEntry(type: type, election: election, payload: bytes, signedBy: key)
        try printJSON(try await BoardClient(baseURL: url).append(entry))
    }
}
