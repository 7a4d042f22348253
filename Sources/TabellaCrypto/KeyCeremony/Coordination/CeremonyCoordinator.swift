/// The ceremony rounds whose messages a coordinator carries.
public enum CeremonyRound: String, Sendable, CaseIterable {
    /// Round 1: each participant's commitment, proof of possession, ephemeral key and encrypted shares.
    case round1
    /// Round 3 (CertEq): each participant's signature on the transcript.
    case certification
}

/// Moves ceremony messages between participants: a folder on removable media, or the bulletin board.
///
/// A coordinator is untrusted. It may drop, delay or show different participants different messages; the
/// ceremony then stops (a missing message, or a transcript signature that does not verify) and never yields a key
/// that the participants disagree on. It must not let a participant's posted message be replaced by another.
public protocol CeremonyCoordinator: Sendable {
    /// Posts `participant`'s message for `round`. Posting the same bytes again does nothing.
    ///
    /// - Throws: ``CeremonyError`` with `conflictingMessage` when a different message is already posted.
    func post(_ message: [UInt8], round: CeremonyRound, participant: Int) async throws

    /// The messages of `round` posted so far, by participant id.
    func messages(round: CeremonyRound) async throws -> [Int: [UInt8]]
}
