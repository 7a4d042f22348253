import ArgumentParser
import TabellaBoard

/// `tabella board checkpoint`: fetch and verify the latest checkpoint.
struct BoardCheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint", abstract: "Fetch the latest checkpoint, verify its signature, print it.")

    @OptionGroup var target: BoardTarget

    func run() async throws {
        let (_, note) = try await target.latestCheckpoint()
        print(note.serialized, terminator: "")
    }
}
