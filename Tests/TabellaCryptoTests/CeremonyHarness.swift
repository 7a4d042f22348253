import TabellaGroups
@testable import TabellaCrypto
import Testing

/// A ceremony run in one process by the tests: static keys, setup, and helpers to run the rounds.
struct CeremonyHarness<Suite: CocktailCiphersuite> {
    let suite: Suite
    let secretKeys: [Scalar]
    let setup: CeremonySetup<Suite>

    init(suite: Suite, threshold: Int, count: Int, session: String = "test-session") throws {
        self.suite = suite
        secretKeys = (0..<count).map { _ in suite.group.scalars.randomNonzero() }
        setup = try CeremonySetup(suite: suite, threshold: threshold,
            publicKeys: secretKeys.map { suite.group.generatorPower(secret: $0) }, sessionID: Array(session.utf8))
    }

    func participant(_ index: Int) throws -> CeremonyParticipant<Suite> {
        try CeremonyParticipant(setup: setup, index: index, staticKey: secretKeys[index - 1])
    }

    func round1() throws -> [Round1Message<Suite>] {
        try (1...setup.participantCount).map { try participant($0).round1() }
    }

    /// Expects round 2 of participant `receiver` on `messages` to fail with `code`, blaming `blamed`.
    func expectRound2Failure(receiver: Int, messages: [Round1Message<Suite>], code: CeremonyError.Code,
                             blaming blamed: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let participant = try participant(receiver)
        do {
            _ = try participant.round2(messages: messages)
            Issue.record("participant \(receiver) completed round 2", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, sourceLocation: sourceLocation)
            #expect(error.participant == blamed, sourceLocation: sourceLocation)
        }
    }

    /// All three rounds with an honest coordinator.
    func run() throws -> [CeremonyResult<Suite>] {
        let messages = try round1()
        let round2 = try (1...setup.participantCount).map { try participant($0).round2(messages: messages) }
        let signatures = round2.map(\.signature)
        return try round2.map { try participant($0.index).round3($0, signatures: signatures) }
    }
}
