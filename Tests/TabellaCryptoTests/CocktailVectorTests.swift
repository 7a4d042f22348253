import Testing
import TabellaGroups
@testable import TabellaCrypto

/// Every value of the published COCKTAIL-DKG vectors, for both ciphersuites, recomputed by our implementation.
@Suite("COCKTAIL-DKG known answers")
struct CocktailVectorTests {
    @Test("ristretto255/SHA-512: all ceremonies", arguments: 0..<4)
    func ristretto255(ceremony: Int) throws {
        let file = try CocktailVectorFile.load("cocktail-dkg-ristretto255-sha512.json")
        #expect(file.ciphersuite == CocktailRistretto255().identifier)
        try check(file.vectors[ceremony], suite: CocktailRistretto255())
    }

    @Test("P-256/SHA-256: all ceremonies", arguments: 0..<4)
    func p256(ceremony: Int) throws {
        let file = try CocktailVectorFile.load("cocktail-dkg-p256-sha256.json")
        #expect(file.ciphersuite == CocktailP256().identifier)
        try check(file.vectors[ceremony], suite: CocktailP256())
    }

    /// Checks one ceremony value by value: from the static keys and the round-1 messages, the participants'
    /// round 2 and 3 outputs, and on the sending side the proofs of possession and the encrypted shares.
    func check<Suite: CocktailCiphersuite>(_ vector: CocktailVector, suite: Suite) throws {
        let group = suite.group
        let scalars = group.scalars
        let secretKeys = try vector.config.staticSecretKeys.map { try scalars.decode(bytes($0)) }
        let publicKeys = try vector.config.staticPublicKeys.map { try group.decode(bytes($0)) }
        #expect(secretKeys.map { group.generatorPower(secret: $0) } == publicKeys)

        let setup = try CeremonySetup(suite: suite, threshold: vector.t, publicKeys: publicKeys,
            sessionID: bytes(vector.sessionTag))
        #expect(Hex.encode(setup.context) == vector.context)

        // Round 1 messages parse, and re-encode to the same bytes.
        var messages = [Round1Message<Suite>]()
        for entry in vector.round1 {
            var wire = entry.vssCommitment.flatMap(bytes) + bytes(entry.pop) + bytes(entry.ephemeralPublicKey)
            for share in entry.encryptedShares {
                wire += ByteFraming.uint64BigEndian(UInt64(share.count / 2)) + bytes(share)
            }
            let message = try Round1Message(bytes: wire, setup: setup, sender: entry.participantId)
            #expect(message.encoded(suite: suite) == wire)
            messages.append(message)
        }

        // The sending side: shares decrypted with the recipients' keys give each polynomial's a₀; from it the
        // proof of possession (and its intermediate values) and every encrypted share are recomputed.
        let payloads = vector.payloads.map { $0.map(bytes) } ?? Array(repeating: [], count: vector.n)
        for entry in vector.round1 {
            let i = entry.participantId
            let message = messages[i - 1]
            var shares = [Scalar]()
            for j in 1...vector.n {
                let secrets = group.encode(group.power(message.ephemeralKey, secret: secretKeys[j - 1]))
                    + group.encode(group.power(publicKeys[i - 1], secret: secretKeys[j - 1]))
                let (key, nonce) = setup.shareKey(sharedSecrets: secrets, ephemeralKey: message.ephemeralKey,
                    sender: i, recipient: j)
                let plaintext = try #require(suite.cipher.open(message.encryptedShares[j - 1], key: key, nonce: nonce))
                #expect(Array(plaintext[scalars.byteCount...]) == payloads[i - 1])
                let share = try scalars.decode(plaintext[0..<scalars.byteCount])
                shares.append(share)
                let resealed = setup.sealShare(share: share, payload: payloads[i - 1], sharedSecrets: secrets,
                    ephemeralKey: message.ephemeralKey, sender: i, recipient: j)
                #expect(Hex.encode(resealed) == entry.encryptedShares[j - 1], "share \(i) → \(j)")
            }
            let firstT = Array(1...vector.t)
            let weights = LagrangeCoefficients.atZero(firstT, scalars: scalars)
            let secret = zip(weights, shares).reduce(scalars.zero) { scalars.add($0, scalars.multiply($1.0, $1.1)) }
            #expect(group.generatorPower(secret: secret) == message.commitment[0])

            let signed = Round1Message<Suite>.possessionMessage(context: setup.context,
                commitment: message.commitment, ephemeralKey: message.ephemeralKey, suite: suite)
            let intermediate = entry.popIntermediate
            #expect(Hex.encode(signed) == intermediate.message)
            let nonceInput = Array(suite.noncePrefix.utf8) + scalars.encode(secret) + signed
            #expect(Hex.encode(nonceInput) == intermediate.nonceInput)
            #expect(Hex.encode(scalars.encode(suite.hashToScalar(nonceInput))) == intermediate.nonce)
            #expect(Hex.encode(group.encode(message.proofOfPossession.commitment)) == intermediate.nonceCommitment)
            let challengeInput = Array(suite.challengePrefix.utf8) + group.encode(message.proofOfPossession.commitment)
                + group.encode(message.commitment[0]) + signed
            #expect(Hex.encode(challengeInput) == intermediate.challengeInput)
            #expect(Hex.encode(scalars.encode(suite.hashToScalar(challengeInput))) == intermediate.challenge)
            let proof = try SchnorrSignature(signing: signed, secretKey: secret, suite: suite)
            #expect(Hex.encode(proof.encoded(suite: suite)) == entry.pop)
            #expect(proof.isValid(for: signed, publicKey: message.commitment[0], suite: suite))
        }

        // Rounds 2 and 3 for every participant.
        var round2 = [CeremonyRound2<Suite>]()
        for i in 1...vector.n {
            let participant = try CeremonyParticipant(setup: setup, index: i, staticKey: secretKeys[i - 1])
            let output = try participant.round2(messages: messages, extension: bytes(vector.extension))
            let expected = vector.round2[i - 1]
            #expect(expected.participantId == i)
            #expect(Hex.encode(scalars.encode(output.secretShare)) == expected.secretShare)
            #expect(Hex.encode(group.encode(output.publicKeys.verificationShares[i - 1])) == expected.verificationShare)
            #expect(Hex.encode(group.encode(output.publicKeys.groupKey)) == vector.groupPublicKey)
            #expect(Hex.encode(suite.hash.hash(output.transcript)) == vector.round3.transcriptHash)
            #expect(Hex.encode(output.signature.encoded(suite: suite)) == vector.round3.signatures[i - 1].signature)
            #expect(output.payloads == payloads)
            round2.append(output)
        }
        let signatures = round2.map(\.signature)
        for i in 1...vector.n {
            let participant = try CeremonyParticipant(setup: setup, index: i, staticKey: secretKeys[i - 1])
            let result = try participant.round3(round2[i - 1], signatures: signatures)
            #expect(result.publicKeys == round2[0].publicKeys)
        }

        // Recovery of participant 1 from its key, the certificate and its share bundle.
        if let recovery = vector.recovery {
            let bundle = recovery.ciphertexts.flatMap { ByteFraming.uint64BigEndian(UInt64($0.count / 2)) + bytes($0) }
            let certificate = CeremonyCertificate(transcript: round2[0].transcript, signatures: signatures)
            let result = try ShareRecovery.recover(suite: suite, staticKey: secretKeys[recovery.participantId - 1],
                certificate: certificate, bundle: bundle)
            #expect(result.index == recovery.participantId)
            #expect(Hex.encode(scalars.encode(result.secretShare)) == recovery.recoveredSecretShare)
            #expect(Hex.encode(group.encode(result.publicKeys.verificationShares[result.index - 1]))
                == recovery.recoveredVerificationShare)
        }
    }
}
