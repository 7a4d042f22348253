import TabellaGroups

extension CeremonySetup {
    /// Checks the public part of round 1: one message per participant, each well formed and with a proof of
    /// possession that verifies for this session's context. Every participant runs it in round 2, and anyone can
    /// run it on a published ceremony.
    ///
    /// - Parameter messages: the round-1 messages of participants 1 through `n`, in order.
    /// - Throws: ``CeremonyError`` naming the participant: `missingMessage`, `malformedMessage`,
    ///   `invalidProofOfPossession`.
    public func checkRound1(_ messages: [Round1Message<Suite>]) throws(CeremonyError) {
        guard messages.count == participantCount else {
            throw CeremonyError(.missingMessage,
                "round 2 needs \(participantCount) round-1 messages, got \(messages.count)")
        }
        for (offset, message) in messages.enumerated() {
            try checkStructure(message, sender: offset + 1)
            let signed = Round1Message<Suite>.possessionMessage(context: context,
                commitment: message.commitment, ephemeralKey: message.ephemeralKey, suite: suite)
            guard message.proofOfPossession.isValid(for: signed, publicKey: message.commitment[0], suite: suite)
            else {
                throw CeremonyError(.invalidProofOfPossession,
                    "the proof of possession of participant \(offset + 1) does not verify for this session's "
                        + "context (a message replayed from another session or ciphersuite, or a forged one)",
                    participant: offset + 1)
            }
        }
    }

    /// Checks a whole published ceremony without any secret, as an observer or verifier does: the round-1
    /// messages (``checkRound1(_:)``) and every participant's signature on the transcript they imply (CertEq).
    ///
    /// - Returns: the ceremony's public keys: the group key and every verification share.
    /// - Throws: ``CeremonyError`` naming the participant whose message or signature fails.
    public func audit(messages: [Round1Message<Suite>], signatures: [SchnorrSignature<Suite>],
        extension: [UInt8] = []) throws(CeremonyError) -> CeremonyPublicKeys<Suite>
    {
        try checkRound1(messages)
        let transcript = CeremonyTranscript(setup: self, messages: messages, extension: `extension`)
            .encoded(suite: suite)
        try CeremonyCertificate<Suite>(transcript: transcript, signatures: signatures)
            .verify(publicKeys: publicKeys, suite: suite)
        return CeremonyPublicKeys(setup: self, commitments: messages.map(\.commitment))
    }
}
