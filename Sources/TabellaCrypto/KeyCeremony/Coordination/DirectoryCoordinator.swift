import Foundation

/// A coordinator that is a folder, for air-gapped trustees who carry it on removable media: each message is the
/// file `<round>/participant-<id>.bin`, written once, atomically.
public struct DirectoryCoordinator: CeremonyCoordinator {
    /// The ceremony folder.
    public let directory: URL

    /// The coordinator over `directory` (created when missing).
    public init(directory: URL) {
        self.directory = directory
    }

    /// The file of a participant's message.
    public func file(round: CeremonyRound, participant: Int) -> URL {
        directory.appendingPathComponent(round.rawValue)
            .appendingPathComponent("participant-\(String(format: "%03d", participant)).bin")
    }

    /// Writes the message file unless it exists; an existing file must hold the same bytes.
    public func post(_ message: [UInt8], round: CeremonyRound, participant: Int) async throws {
        let target = file(round: round, participant: participant)
        if let existing = FileManager.default.contents(atPath: target.path) {
            guard [UInt8](existing) == message else {
                throw CeremonyError(.conflictingMessage,
                    "\(target.path) already holds a different \(round.rawValue) message of participant "
                        + "\(participant); a participant posts once per ceremony", participant: participant)
            }
            return
        }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(),
            withIntermediateDirectories: true)
        let temporary = target.appendingPathExtension("partial-\(ProcessInfo.processInfo.processIdentifier)")
        try Data(message).write(to: temporary)
        try FileManager.default.moveItem(at: temporary, to: target)
    }

    /// Reads every `participant-<id>.bin` of the round's folder; other files are ignored.
    public func messages(round: CeremonyRound) async throws -> [Int: [UInt8]] {
        let folder = directory.appendingPathComponent(round.rawValue)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var result = [Int: [UInt8]]()
        for name in names where name.hasPrefix("participant-") && name.hasSuffix(".bin") {
            guard let id = Int(name.dropFirst("participant-".count).dropLast(".bin".count)),
                let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
            else { continue }
            result[id] = [UInt8](data)
        }
        return result
    }
}
