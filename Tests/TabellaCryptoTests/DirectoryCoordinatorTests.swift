import Foundation
import Testing
import TabellaGroups
@testable import TabellaCrypto

/// Ceremonies through a folder coordinator, honest and not.
@Suite("Directory coordinator")
struct DirectoryCoordinatorTests {
    let suite = CocktailRistretto255()
    let waiting = CeremonyRunner<CocktailRistretto255>.Waiting(timeout: .seconds(20), interval: .milliseconds(20))

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tabella-ceremony-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func runner(_ harness: CeremonyHarness<CocktailRistretto255>, _ index: Int, _ directory: URL) throws
        -> CeremonyRunner<CocktailRistretto255>
    {
        CeremonyRunner(participant: try harness.participant(index),
            coordinator: DirectoryCoordinator(directory: directory))
    }

    @Test("3-of-5, every trustee concurrently, all agree on the key")
    func honestCeremony() async throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let harness = try CeremonyHarness(suite: suite, threshold: 3, count: 5)
        let results = try await withThrowingTaskGroup(of: CeremonyResult<CocktailRistretto255>.self) { tasks in
            for index in 1...5 {
                let runner = try runner(harness, index, directory)
                tasks.addTask { try await runner.run(waiting: waiting) }
            }
            return try await tasks.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 5)
        #expect(Set(results.map(\.publicKeys.groupKey)).count == 1)
        // Rerunning round 1 does not post a second message, and the later rounds are reproducible.
        let again = try runner(harness, 2, directory)
        try await again.postRound1()
        let result = try await again.run(waiting: .noWait)
        #expect(result.publicKeys == results[0].publicKeys)
    }

    @Test("a dropped message stops the ceremony, naming who is missing, with no key")
    func droppedMessage() async throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 3)
        for index in 1...3 { try await runner(harness, index, directory).postRound1() }
        try FileManager.default.removeItem(at: DirectoryCoordinator(directory: directory).file(round: .round1,
            participant: 3))
        let short = CeremonyRunner<CocktailRistretto255>.Waiting(timeout: .milliseconds(100),
            interval: .milliseconds(20))
        do {
            _ = try await runner(harness, 1, directory).certify(waiting: short)
            Issue.record("round 2 ran without participant 3's message")
        } catch let error as CeremonyError {
            #expect(error.code == .missingMessage)
            #expect(error.participant == 3)
        }
    }

    @Test("a split view (participant 3 shown another round-1 message) fails round 3 for everyone")
    func splitView() async throws {
        let honest = try folder()
        let forged = try folder()
        defer {
            try? FileManager.default.removeItem(at: honest)
            try? FileManager.default.removeItem(at: forged)
        }
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 3)
        for index in 1...3 { try await runner(harness, index, honest).postRound1() }
        // The second folder has the same messages except another valid one from participant 1.
        let honestCoordinator = DirectoryCoordinator(directory: honest)
        let forgedCoordinator = DirectoryCoordinator(directory: forged)
        for (id, message) in try await honestCoordinator.messages(round: .round1) where id != 1 {
            try await forgedCoordinator.post(message, round: .round1, participant: id)
        }
        try await forgedCoordinator.post(try harness.participant(1).round1().encoded(suite: suite), round: .round1,
            participant: 1)
        let one = try await runner(harness, 1, honest).certify(waiting: waiting)
        _ = try await runner(harness, 2, honest).certify(waiting: waiting)
        let three = try await runner(harness, 3, forged).certify(waiting: waiting)
        // Participant 3's signature reaches the honest folder.
        try await honestCoordinator.post(three.signature.encoded(suite: suite), round: .certification, participant: 3)
        do {
            _ = try await runner(harness, 1, honest).finish(one, waiting: waiting)
            Issue.record("participant 1 accepted a certificate with a split view")
        } catch let error as CeremonyError {
            #expect(error.code == .invalidTranscriptSignature)
            #expect(error.participant == 3)
        }
    }

    @Test("a second, different message from the same participant is refused")
    func conflictingPost() async throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let coordinator = DirectoryCoordinator(directory: directory)
        try await coordinator.post([1, 2, 3], round: .round1, participant: 1)
        try await coordinator.post([1, 2, 3], round: .round1, participant: 1)
        do {
            try await coordinator.post([1, 2, 4], round: .round1, participant: 1)
            Issue.record("a conflicting message replaced the first")
        } catch let error as CeremonyError {
            #expect(error.code == .conflictingMessage)
        }
        #expect(try await coordinator.messages(round: .round1) == [1: [1, 2, 3]])
    }
}
