import TabellaGroups

/// One participant of a COCKTAIL-DKG ceremony: SimplPedPop with proofs of possession, shares encrypted pairwise
/// (EncPedPop), and the transcript certified by everyone (CertEq).
///
/// Round 1 keeps no state: the polynomial and the ephemeral key are used and dropped. Rounds 2 and 3 are
/// deterministic functions of the static key and the messages, so a participant can rerun them from the record.
public struct CeremonyParticipant<Suite: CocktailCiphersuite>: Sendable {
    /// The agreed setup.
    public let setup: CeremonySetup<Suite>
    /// This participant's id, 1 through `n`.
    public let index: Int
    private let staticKey: Scalar

    /// The participant at `index` holding the static secret key `staticKey`.
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/invalidParticipant`` when the id is out of range or the key
    ///   does not match `P_index`.
    public init(setup: CeremonySetup<Suite>, index: Int, staticKey: Scalar) throws(CeremonyError) {
        try setup.checkParticipant(index)
        guard setup.suite.group.generatorPower(secret: staticKey) == setup.publicKeys[index - 1] else {
            throw CeremonyError(.invalidParticipant,
                "this static key is not the public key listed for participant \(index)", participant: index)
        }
        self.setup = setup
        self.index = index
        self.staticKey = staticKey
    }

    /// Round 1: a random polynomial of degree `t − 1`, its commitment, the proof of possession and the encrypted
    /// shares, with `payload` appended to every share's plaintext.
    ///
    /// - Parameter rehearsingCorruptShareFor: for rehearsals of the blame procedure only: the participant who
    ///   receives a wrong share (off by one, correctly encrypted), so that it names this participant in round 2.
    public func round1(payload: [UInt8] = [], rehearsingCorruptShareFor: Int? = nil) throws(CeremonyError)
        -> Round1Message<Suite>
    {
        let scalars = setup.suite.group.scalars
        return try round1(
            coefficients: (0..<setup.threshold).map { _ in scalars.randomNonzero() },
            ephemeralKey: scalars.randomNonzero(),
            payloads: Array(repeating: payload, count: setup.participantCount),
            corrupting: rehearsingCorruptShareFor)
    }

    /// Round 1 with given coefficients `a₀ … a_(t−1)` and ephemeral key (for tests and deterministic replays).
    func round1(coefficients: [Scalar], ephemeralKey: Scalar, payloads: [[UInt8]], corrupting: Int? = nil)
        throws(CeremonyError) -> Round1Message<Suite>
    {
        let group = setup.suite.group
        let commitment = coefficients.map { group.generatorPower(secret: $0) }
        let ephemeral = group.generatorPower(secret: ephemeralKey)
        let message = Round1Message<Suite>.possessionMessage(
            context: setup.context, commitment: commitment, ephemeralKey: ephemeral, suite: setup.suite)
        let proof = try SchnorrSignature(signing: message, secretKey: coefficients[0], suite: setup.suite)
        let shares = (1...setup.participantCount).map { recipient in
            let recipientKey = setup.publicKeys[recipient - 1]
            let secrets = group.encode(group.power(recipientKey, secret: ephemeralKey))
                + group.encode(group.power(recipientKey, secret: staticKey))
            let value = Self.evaluate(coefficients, at: recipient, scalars: group.scalars)
            let share = recipient == corrupting ? group.scalars.add(value, group.scalars.one) : value
            return setup.sealShare(share: share, payload: payloads[recipient - 1], sharedSecrets: secrets,
                ephemeralKey: ephemeral, sender: index, recipient: recipient)
        }
        return Round1Message(commitment: commitment, proofOfPossession: proof, ephemeralKey: ephemeral,
            encryptedShares: shares)
    }

    /// Round 2: checks every proof of possession, decrypts and checks every share addressed to this participant,
    /// computes the secret share, the group key and the verification shares, and signs the transcript.
    ///
    /// - Parameter messages: the round-1 messages of participants 1 through `n`, in order.
    /// - Parameter extension: the application extension every participant must agree on.
    /// - Throws: ``CeremonyError`` naming the participant: `missingMessage`, `malformedMessage`,
    ///   `invalidProofOfPossession`, `decryptionFailed`, `shareMismatch`.
    public func round2(messages: [Round1Message<Suite>], extension: [UInt8] = []) throws(CeremonyError)
        -> CeremonyRound2<Suite>
    {
        try setup.checkRound1(messages)
        let received = try setup.receiveShares(
            recipient: index, staticKey: staticKey, commitments: messages.map(\.commitment),
            ephemeralKeys: messages.map(\.ephemeralKey), ciphertexts: messages.map { $0.encryptedShares[index - 1] })
        let publicKeys = CeremonyPublicKeys(setup: setup, commitments: messages.map(\.commitment))
        guard setup.suite.group.generatorPower(secret: received.secretShare) == publicKeys.verificationShares[index - 1]
        else { throw CeremonyError(.internalInconsistency, "g^x_i differs from the verification share Y_i") }
        let transcript = CeremonyTranscript(setup: setup, messages: messages, extension: `extension`)
            .encoded(suite: setup.suite)
        let signature = try SchnorrSignature(signing: transcript, secretKey: staticKey, suite: setup.suite)
        return CeremonyRound2(index: index, secretShare: received.secretShare, publicKeys: publicKeys,
            transcript: transcript, signature: signature, payloads: received.payloads)
    }

    /// Round 3: checks every participant's signature on this participant's transcript.
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/invalidTranscriptSignature`` naming a participant whose
    ///   transcript differs, or `missingMessage`.
    public func round3(_ round2: CeremonyRound2<Suite>, signatures: [SchnorrSignature<Suite>]) throws(CeremonyError)
        -> CeremonyResult<Suite>
    {
        let certificate = CeremonyCertificate<Suite>(transcript: round2.transcript, signatures: signatures)
        try certificate.verify(publicKeys: setup.publicKeys, suite: setup.suite)
        return CeremonyResult(index: index, secretShare: round2.secretShare, publicKeys: round2.publicKeys,
            certificate: certificate)
    }

    /// `f(x) = a₀ + a₁x + … + a_(t−1)x^(t−1)` by Horner's rule, in constant time.
    static func evaluate(_ coefficients: [Scalar], at point: Int, scalars: ScalarField) -> Scalar {
        let x = scalars.scalar(UInt64(point))
        return coefficients.reversed().reduce(scalars.zero) { scalars.add(scalars.multiply($0, x), $1) }
    }
}
