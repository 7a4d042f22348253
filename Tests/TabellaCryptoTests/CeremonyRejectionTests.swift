import Testing
import TabellaGroups
@testable import TabellaCrypto

/// Ceremonies that must fail, with the error naming the check and the participant to blame.
@Suite("COCKTAIL-DKG rejections")
struct CeremonyRejectionTests {
    let suite = CocktailRistretto255()

    func code(_ body: () throws -> Void) -> CeremonyError? {
        do {
            try body()
            return nil
        } catch let error as CeremonyError {
            return error
        } catch {
            return nil
        }
    }

    @Test("t > n, t < 1 and n = 0 are refused before round 1")
    func invalidThresholds() throws {
        let keys = (0..<3).map { _ in suite.group.generatorPower(secret: suite.group.scalars.randomNonzero()) }
        for threshold in [0, -1, 4] {
            let error = code {
                _ = try CeremonySetup(suite: suite, threshold: threshold, publicKeys: keys, sessionID: [])
            }
            #expect(error?.code == .invalidSetup, "t = \(threshold)")
        }
        #expect(code { _ = try CeremonySetup(suite: suite, threshold: 1, publicKeys: [], sessionID: []) }?.code
            == .invalidSetup)
    }

    @Test("duplicate public keys and identity keys are refused")
    func duplicateKeys() throws {
        let key = suite.group.generatorPower(secret: suite.group.scalars.randomNonzero())
        let other = suite.group.generatorPower(secret: suite.group.scalars.randomNonzero())
        let duplicate = code { _ = try CeremonySetup(suite: suite, threshold: 2, publicKeys: [key, other, key],
            sessionID: []) }
        #expect(duplicate?.code == .duplicateKey)
        #expect(duplicate?.participant == 3)
        let identity = code { _ = try CeremonySetup(suite: suite, threshold: 1,
            publicKeys: [key, suite.group.identity], sessionID: []) }
        #expect(identity?.code == .invalidSetup)
        #expect(identity?.participant == 2)
    }

    @Test("participant ids out of range, or with the wrong key, are refused")
    func outOfRangeIds() throws {
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 3)
        for index in [0, 4, -2] {
            let error = code { _ = try CeremonyParticipant(setup: harness.setup, index: index,
                staticKey: harness.secretKeys[0]) }
            #expect(error?.code == .invalidParticipant, "id \(index)")
        }
        let wrongKey = code { _ = try CeremonyParticipant(setup: harness.setup, index: 2,
            staticKey: harness.secretKeys[0]) }
        #expect(wrongKey?.code == .invalidParticipant)
    }

    @Test("a share that does not match its commitment is blamed on its sender")
    func shareMismatch() throws {
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 3)
        var messages = try harness.round1()
        let scalars = suite.group.scalars
        let ephemeral = scalars.randomNonzero()
        let cheater = try harness.participant(2)
        let published = try cheater.round1(coefficients: [scalars.random(), scalars.random()],
            ephemeralKey: ephemeral, payloads: [[], [], []])
        let other = try cheater.round1(coefficients: [scalars.random(), scalars.random()], ephemeralKey: ephemeral,
            payloads: [[], [], []])
        messages[1] = Round1Message(commitment: published.commitment, proofOfPossession: published.proofOfPossession,
            ephemeralKey: published.ephemeralKey,
            encryptedShares: [other.encryptedShares[0]] + published.encryptedShares[1...])
        let error = code { _ = try harness.participant(1).round2(messages: messages) }
        #expect(error?.code == .shareMismatch)
        #expect(error?.participant == 2)
        // Participant 3 received a correct share from 2 and completes round 2.
        #expect(code { _ = try harness.participant(3).round2(messages: messages) } == nil)
    }

    @Test("a proof of possession that fails is blamed on its sender")
    func badProofOfPossession() throws {
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 3)
        var messages = try harness.round1()
        let forged = messages[2]
        messages[2] = Round1Message(commitment: forged.commitment, proofOfPossession: messages[0].proofOfPossession,
            ephemeralKey: forged.ephemeralKey, encryptedShares: forged.encryptedShares)
        let error = code { _ = try harness.participant(1).round2(messages: messages) }
        #expect(error?.code == .invalidProofOfPossession)
        #expect(error?.participant == 3)
    }

    @Test("a message replayed from another session is refused")
    func replayFromAnotherSession() throws {
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 3, session: "session-A")
        let secondSession = try CeremonySetup(suite: suite, threshold: 2, publicKeys: harness.setup.publicKeys,
            sessionID: Array("session-B".utf8))
        let old = try harness.participant(2).round1()
        var messages = try (1...3).map {
            try CeremonyParticipant(setup: secondSession, index: $0, staticKey: harness.secretKeys[$0 - 1]).round1()
        }
        messages[1] = try Round1Message(bytes: old.encoded(suite: suite), setup: secondSession, sender: 2)
        let participant = try CeremonyParticipant(setup: secondSession, index: 1, staticKey: harness.secretKeys[0])
        let error = code { _ = try participant.round2(messages: messages) }
        #expect(error?.code == .invalidProofOfPossession)
        #expect(error?.participant == 2)
    }

    @Test("a message or transcript from another ciphersuite is refused")
    func replayFromAnotherCiphersuite() throws {
        let p256 = try CeremonyHarness(suite: CocktailP256(), threshold: 2, count: 3)
        let ristretto = try CeremonyHarness(suite: suite, threshold: 2, count: 3)
        let foreign = try p256.participant(1).round1().encoded(suite: CocktailP256())
        let error = code { _ = try Round1Message(bytes: foreign, setup: ristretto.setup, sender: 1) }
        #expect(error?.code == .malformedMessage)
        #expect(error?.participant == 1)
        let transcript = try p256.run()[0].certificate.transcript
        let parse = code { _ = try CeremonyTranscript(bytes: transcript, suite: suite) }
        #expect(parse?.code == .wrongSession)
    }

    @Test("malformed round-1 messages are refused with the field named")
    func malformedMessages() throws {
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 3)
        let wire = try harness.participant(1).round1().encoded(suite: suite)
        let truncated = code { _ = try Round1Message(bytes: Array(wire.dropLast()), setup: harness.setup, sender: 1) }
        #expect(truncated?.code == .malformedMessage)
        let trailing = code { _ = try Round1Message(bytes: wire + [0], setup: harness.setup, sender: 1) }
        #expect(trailing?.code == .malformedMessage)
        // The same message read with t = 3 takes a signature byte as a point: a wrong commitment length.
        let elevated = try CeremonySetup(suite: suite, threshold: 3, publicKeys: harness.setup.publicKeys,
            sessionID: harness.setup.sessionID)
        #expect(code { _ = try Round1Message(bytes: wire, setup: elevated, sender: 1) }?.code == .malformedMessage)
        var identity = wire
        for index in 0..<32 { identity[index] = 0 }
        let zero = code { _ = try Round1Message(bytes: identity, setup: harness.setup, sender: 1) }
        #expect(zero?.code == .malformedMessage)
    }

    @Test("transcripts that differ between participants make round 3 fail for everyone")
    func splitView() throws {
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 3)
        let messages = try harness.round1()
        // The coordinator shows participant 3 another (valid) round-1 message of participant 1.
        var forThree = messages
        forThree[0] = try harness.participant(1).round1()
        let round2 = [
            try harness.participant(1).round2(messages: messages),
            try harness.participant(2).round2(messages: messages),
            try harness.participant(3).round2(messages: forThree),
        ]
        #expect(round2[0].transcript != round2[2].transcript)
        let signatures = round2.map(\.signature)
        let first = code { _ = try harness.participant(1).round3(round2[0], signatures: signatures) }
        #expect(first?.code == .invalidTranscriptSignature)
        #expect(first?.participant == 3)
        let third = code { _ = try harness.participant(3).round3(round2[2], signatures: signatures) }
        #expect(third?.code == .invalidTranscriptSignature)
        #expect(third?.participant == 1)
        let dropped = code { _ = try harness.participant(1).round3(round2[0], signatures: Array(signatures.prefix(2))) }
        #expect(dropped?.code == .missingMessage)
    }

    @Test("a different extension is a different transcript")
    func extensionDisagreement() throws {
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 2)
        let messages = try harness.round1()
        let one = try harness.participant(1).round2(messages: messages, extension: [1])
        let two = try harness.participant(2).round2(messages: messages, extension: [2])
        let error = code { _ = try harness.participant(1).round3(one, signatures: [one.signature, two.signature]) }
        #expect(error?.code == .invalidTranscriptSignature)
        #expect(error?.participant == 2)
    }
}

/// Whole ceremonies with random keys in every ciphersuite, including Tabella's ElectionGuard one.
@Suite("COCKTAIL-DKG ceremonies")
struct CeremonyRoundTripTests {
    func roundTrip<Suite: CocktailCiphersuite>(_ suite: Suite, threshold: Int, count: Int) throws {
        let harness = try CeremonyHarness(suite: suite, threshold: threshold, count: count)
        let results = try harness.run()
        let group = suite.group
        let scalars = group.scalars
        for result in results {
            #expect(result.publicKeys == results[0].publicKeys)
            #expect(group.generatorPower(secret: result.secretShare)
                == result.publicKeys.verificationShares[result.index - 1])
        }
        // Any t shares interpolate to the secret of the group key; t − 1 shares give something else.
        let chosen = Array(results.suffix(threshold))
        let weights = LagrangeCoefficients.atZero(chosen.map(\.index), scalars: scalars)
        let secret = zip(weights, chosen).reduce(scalars.zero) {
            scalars.add($0, scalars.multiply($1.0, $1.1.secretShare))
        }
        #expect(group.generatorPower(secret: secret) == results[0].publicKeys.groupKey)
        if threshold > 1 {
            let fewer = Array(results.prefix(threshold - 1))
            let partial = zip(LagrangeCoefficients.atZero(fewer.map(\.index), scalars: scalars), fewer).reduce(
                scalars.zero) { scalars.add($0, scalars.multiply($1.0, $1.1.secretShare)) }
            #expect(group.generatorPower(secret: partial) != results[0].publicKeys.groupKey)
        }
    }

    @Test("ristretto255 3-of-5")
    func ristretto() throws { try roundTrip(CocktailRistretto255(), threshold: 3, count: 5) }

    @Test("P-256 3-of-5")
    func p256() throws { try roundTrip(CocktailP256(), threshold: 3, count: 5) }

    @Test("ElectionGuard 4096-bit group 2-of-3")
    func electionGuard() throws { try roundTrip(CocktailElectionGuard(), threshold: 2, count: 3) }

    @Test("1-of-1 is allowed")
    func single() throws { try roundTrip(CocktailRistretto255(), threshold: 1, count: 1) }
}
