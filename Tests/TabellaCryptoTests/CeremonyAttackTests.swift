import Testing
import TabellaGroups
@testable import TabellaCrypto

/// Known attacks on the key ceremony, each refused with the participant to blame.
@Suite("Known attacks: key ceremony")
struct CeremonyAttackTests {
    @Test("Gennaro-Jarecki-Krawczyk-Rabin 1999: a rushing trustee that cancels the others' keys is refused")
    func rushingTrustee() throws {
        try rush(CocktailRistretto255())
        try rush(CocktailP256())
        try rush(CocktailElectionGuard())
    }

    @Test("the identity as a key, commitment or nonce is refused in every ciphersuite")
    func identityElement() {
        expectIdentityRefused(CocktailRistretto255())
        expectIdentityRefused(CocktailP256())
        expectIdentityRefused(CocktailElectionGuard())
    }

    /// Participant 3 waits for the round-1 messages of 1 and 2, then publishes `C₀ = g^x / (C₀⁽¹⁾ · C₀⁽²⁾)`, so
    /// that the joint key `∏ C₀` would be `g^x`, known to it alone. It does not know log C₀, so it can only sign
    /// the possession message with x: round 2 refuses the proof and names participant 3.
    private func rush<Suite: CocktailCiphersuite>(_ suite: Suite) throws {
        let group = suite.group
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 3)
        var messages = try harness.round1()
        let x = group.scalars.randomNonzero()
        let others = group.multiply(messages[0].commitment[0], messages[1].commitment[0])
        let rogue = group.divide(group.generatorPower(secret: x), others)
        #expect(group.multiply(others, rogue) == group.generatorPower(public: x))
        let honest = messages[2]
        let commitment = [rogue] + honest.commitment.dropFirst()
        let signed = Round1Message<Suite>.possessionMessage(context: harness.setup.context, commitment: commitment,
                                                            ephemeralKey: honest.ephemeralKey, suite: suite)
        let proof = try SchnorrSignature(signing: signed, secretKey: x, suite: suite)
        messages[2] = Round1Message(commitment: commitment, proofOfPossession: proof, ephemeralKey: honest.ephemeralKey,
                                    encryptedShares: honest.encryptedShares)
        for receiver in [1, 2] {
            try harness.expectRound2Failure(receiver: receiver, messages: messages, code: .invalidProofOfPossession,
                                            blaming: 3)
        }
    }

    private func expectIdentityRefused<Suite: CocktailCiphersuite>(_ suite: Suite) {
        let group = suite.group
        #expect {
            _ = try suite.decodeNonIdentity(group.encode(group.identity), "the ephemeral key E", participant: 2)
        } throws: { error in
            let error = error as? CeremonyError
            return error?.code == .malformedMessage && error?.participant == 2
                && error?.message.contains("the ephemeral key E") == true
        }
    }
}
