/// An error that stops a key ceremony, a share recovery or a threshold decryption.
///
/// The ``code`` says which check failed, ``participant`` names the trustee (1-based) the evidence points to when
/// there is one, and ``message`` explains it for a person.
public struct CeremonyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the ceremony stopped. Matching on it is stable; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// `t`, `n`, the ids or the public keys do not describe a valid ceremony.
        public static let invalidSetup = Code("invalidSetup")
        /// Two participants share a public key.
        public static let duplicateKey = Code("duplicateKey")
        /// A participant id is 0, above `n`, or given twice.
        public static let invalidParticipant = Code("invalidParticipant")
        /// A message does not parse: wrong length, bad element, bad scalar, wrong number of points.
        public static let malformedMessage = Code("malformedMessage")
        /// A proof of possession does not verify (possibly a message from another session or ciphersuite).
        public static let invalidProofOfPossession = Code("invalidProofOfPossession")
        /// An encrypted share does not decrypt under the key derived for it.
        public static let decryptionFailed = Code("decryptionFailed")
        /// A decrypted share does not match its sender's commitment.
        public static let shareMismatch = Code("shareMismatch")
        /// A signature on the transcript does not verify: the participants do not all hold the same transcript.
        public static let invalidTranscriptSignature = Code("invalidTranscriptSignature")
        /// A message for another session, another ciphersuite, or another group.
        public static let wrongSession = Code("wrongSession")
        /// A participant tried to post a second, different message for the same round.
        public static let conflictingMessage = Code("conflictingMessage")
        /// A message expected from a participant is missing.
        public static let missingMessage = Code("missingMessage")
        /// A partial decryption's proof does not verify.
        public static let invalidPartialDecryption = Code("invalidPartialDecryption")
        /// Fewer than `t` valid partial decryptions remain.
        public static let notEnoughShares = Code("notEnoughShares")
        /// A local self-check failed; this indicates a bug.
        public static let internalInconsistency = Code("internalInconsistency")

        /// The code's name, as printed in messages and JSON output.
        public var description: String { name }
    }

    /// Which check failed.
    public let code: Code
    /// The participant the failure is attributed to, when the evidence names one.
    public let participant: Int?
    /// A human-readable explanation naming the value and the check.
    public let message: String

    /// Creates an error with a code, a message and optionally the participant blamed.
    public init(_ code: Code, _ message: String, participant: Int? = nil) {
        self.code = code
        self.message = message
        self.participant = participant
    }

    /// `code: message`, with the participant when one is named.
    public var description: String {
        participant.map { "\(code) (participant \($0)): \(message)" } ?? "\(code): \(message)"
    }
}
