import TabellaGroups

/// The success certificate: the transcript and every participant's signature on it. It holds no secret and is
/// the common recovery data and the public record of the ceremony.
public struct CeremonyCertificate<Suite: CocktailCiphersuite>: Sendable {
    /// The transcript bytes `T`.
    public let transcript: [UInt8]
    /// `sig₁ … sigₙ`.
    public let signatures: [SchnorrSignature<Suite>]

    /// A certificate from its parts (not yet verified).
    public init(transcript: [UInt8], signatures: [SchnorrSignature<Suite>]) {
        self.transcript = transcript
        self.signatures = signatures
    }

    /// Checks one signature per key, in order.
    ///
    /// - Throws: ``CeremonyError`` with `missingMessage` when the counts differ, `invalidTranscriptSignature`
    ///   naming the first participant whose signature does not verify: that participant holds another transcript
    ///   (a split view or a dropped message) or signed something else.
    public func verify(publicKeys: [Suite.Group.Element], suite: Suite) throws(CeremonyError) {
        guard signatures.count == publicKeys.count else {
            throw CeremonyError(.missingMessage,
                "the certificate has \(signatures.count) signatures for \(publicKeys.count) participants")
        }
        for (offset, signature) in signatures.enumerated()
        where !signature.isValid(for: transcript, publicKey: publicKeys[offset], suite: suite) {
            throw CeremonyError(.invalidTranscriptSignature,
                "the transcript signature of participant \(offset + 1) does not verify: that participant saw "
                    + "different round-1 messages (split view or dropped message) or signed something else",
                participant: offset + 1)
        }
    }
}
