import TabellaGroups

/// Recovery of a participant's outputs from its static key, the success certificate and its encrypted share
/// bundle `C^rec_i = len(c₁,ᵢ) ‖ c₁,ᵢ ‖ … ‖ len(cₙ,ᵢ) ‖ cₙ,ᵢ`.
public enum ShareRecovery {
    /// Parses the certificate, checks every signature, finds the participant whose key matches `staticKey`, and
    /// decrypts and checks its shares.
    ///
    /// - Throws: ``CeremonyError`` naming what failed (ciphersuite, signature, key, bundle, share).
    public static func recover<Suite: CocktailCiphersuite>(
        suite: Suite, staticKey: Scalar, certificate: CeremonyCertificate<Suite>, bundle: [UInt8]
    ) throws(CeremonyError) -> CeremonyResult<Suite> {
        let transcript = try CeremonyTranscript(bytes: certificate.transcript, suite: suite)
        try certificate.verify(publicKeys: transcript.publicKeys, suite: suite)
        let ownKey = suite.group.generatorPower(secret: staticKey)
        let matches = transcript.publicKeys.indices.filter { transcript.publicKeys[$0] == ownKey }
        guard matches.count == 1, let offset = matches.first else {
            throw CeremonyError(.invalidParticipant, "the static key matches \(matches.count) participants, not one")
        }
        let setup = try CeremonySetup(suite: suite, threshold: transcript.threshold,
            publicKeys: transcript.publicKeys, sessionID: [], context: transcript.context)
        let n = transcript.publicKeys.count
        var reader = ByteReader(bundle)
        var ciphertexts = [[UInt8]]()
        for sender in 1...n {
            guard let length = reader.readUInt64BigEndian(),
                length >= UInt64(suite.minimumCiphertextByteCount),
                length <= UInt64(CeremonySetup<Suite>.maximumCiphertextByteCount),
                let ciphertext = reader.read(Int(length))
            else {
                throw CeremonyError(.malformedMessage, "the share bundle's ciphertext from \(sender) is missing "
                    + "or outside the size bounds", participant: sender)
            }
            ciphertexts.append(ciphertext)
        }
        guard reader.remaining == 0 else {
            throw CeremonyError(.malformedMessage, "the share bundle has \(reader.remaining) bytes after its end")
        }
        let received = try setup.receiveShares(recipient: offset + 1, staticKey: staticKey,
            commitments: transcript.commitments, ephemeralKeys: transcript.ephemeralKeys, ciphertexts: ciphertexts)
        return CeremonyResult(index: offset + 1, secretShare: received.secretShare,
            publicKeys: CeremonyPublicKeys(setup: setup, commitments: transcript.commitments),
            certificate: certificate)
    }
}
