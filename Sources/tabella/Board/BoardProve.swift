import ArgumentParser
import TabellaBoard

/// `tabella board prove`: an entry's receipt, checked.
struct BoardProve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Fetch an entry and its c2sp.org/tlog-proof receipt, verify both, print the receipt.")

    @OptionGroup var target: BoardTarget

    @Option(help: "The entry's index.")
    var index: UInt64

    func run() async throws {
        let verifier = try target.verifier()
        let entry = try await target.client.entry(index)
        let receipt = try await target.client.receipt(index)
        _ = try receipt.verify(leafHash: MerkleHash.leaf(entry.encoded), logKeys: [verifier], origin: verifier.keyName)
        print(receipt.text, terminator: "")
    }
}
