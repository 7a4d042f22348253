import Foundation
import TabellaGroups

/// Runs one participant's side of a ceremony against a coordinator, round by round or all at once, waiting for
/// the others with a deadline.
///
/// Rounds 2 and 3 are recomputed from the coordinator's messages and the static key, so a participant can stop
/// after any round and resume later; round 1 is posted once (a second, different round-1 message is refused by
/// the coordinator and would be equivocation).
public struct CeremonyRunner<Suite: CocktailCiphersuite>: Sendable {
    /// How long to wait for the other participants, and how to report the wait.
    public struct Waiting: Sendable {
        /// The longest wait for one round.
        public var timeout: Duration
        /// The pause between two looks at the coordinator.
        public var interval: Duration
        /// Called after each look with the round, the ids present and `n`.
        public var progress: (@Sendable (CeremonyRound, Set<Int>, Int) -> Void)?

        /// A waiting policy.
        public init(timeout: Duration, interval: Duration = .milliseconds(200),
            progress: (@Sendable (CeremonyRound, Set<Int>, Int) -> Void)? = nil)
        {
            self.timeout = timeout
            self.interval = interval
            self.progress = progress
        }

        /// Look once, do not wait.
        public static var noWait: Waiting { Waiting(timeout: .zero) }
    }

    /// The participant.
    public let participant: CeremonyParticipant<Suite>
    /// The coordinator.
    public let coordinator: any CeremonyCoordinator
    /// The application extension all participants agree on.
    public let `extension`: [UInt8]

    /// A runner.
    public init(participant: CeremonyParticipant<Suite>, coordinator: any CeremonyCoordinator, extension: [UInt8] = [])
    {
        self.participant = participant
        self.coordinator = coordinator
        self.extension = `extension`
    }

    private var setup: CeremonySetup<Suite> { participant.setup }

    /// Whether this participant's round-1 message is already posted.
    public func hasPostedRound1() async throws -> Bool {
        try await coordinator.messages(round: .round1)[participant.index] != nil
    }

    /// Round 1: makes and posts this participant's message, unless one is already posted.
    ///
    /// - Parameter rehearsingCorruptShareFor: rehearsals only; see
    ///   ``CeremonyParticipant/round1(payload:rehearsingCorruptShareFor:)``.
    public func postRound1(rehearsingCorruptShareFor: Int? = nil) async throws {
        guard try await !hasPostedRound1() else { return }
        let message = try participant.round1(rehearsingCorruptShareFor: rehearsingCorruptShareFor)
        try await coordinator.post(message.encoded(suite: setup.suite), round: .round1, participant: participant.index)
    }

    /// Round 2: waits for every round-1 message, checks them, computes the shares and posts the transcript
    /// signature.
    public func certify(waiting: Waiting) async throws -> CeremonyRound2<Suite> {
        let raw = try await collect(.round1, waiting: waiting)
        var messages = [Round1Message<Suite>]()
        for id in 1...setup.participantCount {
            messages.append(try Round1Message(bytes: raw[id]!, setup: setup, sender: id))
        }
        let round2 = try participant.round2(messages: messages, extension: `extension`)
        try await coordinator.post(round2.signature.encoded(suite: setup.suite), round: .certification,
            participant: participant.index)
        return round2
    }

    /// Round 3: waits for every signature and checks them on this participant's transcript.
    public func finish(_ round2: CeremonyRound2<Suite>, waiting: Waiting) async throws -> CeremonyResult<Suite> {
        let raw = try await collect(.certification, waiting: waiting)
        var signatures = [SchnorrSignature<Suite>]()
        for id in 1...setup.participantCount {
            signatures.append(try SchnorrSignature(bytes: raw[id]!, suite: setup.suite,
                what: "the transcript signature of participant \(id)", participant: id))
        }
        return try participant.round3(round2, signatures: signatures)
    }

    /// All rounds.
    public func run(waiting: Waiting) async throws -> CeremonyResult<Suite> {
        try await postRound1()
        return try await finish(try await certify(waiting: waiting), waiting: waiting)
    }

    /// Waits until all `n` messages of `round` are present, or the deadline passes.
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/missingMessage`` naming the participants still missing, or
    ///   `invalidParticipant` for a message from an id outside 1…n.
    public func collect(_ round: CeremonyRound, waiting: Waiting) async throws -> [Int: [UInt8]] {
        let deadline = ContinuousClock.now + waiting.timeout
        let everyone = Set(1...setup.participantCount)
        while true {
            let messages = try await coordinator.messages(round: round)
            if let stranger = messages.keys.first(where: { !everyone.contains($0) }) {
                throw CeremonyError(.invalidParticipant,
                    "the coordinator holds a \(round.rawValue) message from participant \(stranger), outside "
                        + "1…\(setup.participantCount)", participant: stranger)
            }
            waiting.progress?(round, Set(messages.keys), setup.participantCount)
            if messages.count == setup.participantCount { return messages }
            guard ContinuousClock.now < deadline else {
                let missing = everyone.subtracting(messages.keys).sorted().map(String.init).joined(separator: ", ")
                throw CeremonyError(.missingMessage,
                    "no \(round.rawValue) message yet from participant(s) \(missing); no key was produced",
                    participant: everyone.subtracting(messages.keys).min())
            }
            try await Task.sleep(for: waiting.interval)
        }
    }
}
