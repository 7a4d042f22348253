import Testing
import TabellaGroups
@testable import TabellaCrypto

/// Partial decryptions with Chaum–Pedersen proofs, Lagrange combination, cheaters named and left out.
@Suite("Threshold decryption")
struct ThresholdDecryptionTests {
    let domain = Array("test-election".utf8)

    /// Exponential ElGamal encryptions under the group key.
    func encrypt<Group: PrimeOrderGroup>(_ values: [UInt64], key: Group.Element, group: Group)
        -> [ElGamalCiphertext<Group>]
    {
        let publicKey = ElGamalPublicKey(group: group, element: key)
        return values.map { publicKey.encrypt($0, nonce: group.scalars.randomNonzero()) }
    }

    func decoded<Group: PrimeOrderGroup>(_ plaintexts: [Group.Element], key: Group.Element, group: Group) -> [UInt64?] {
        let publicKey = ElGamalPublicKey(group: group, element: key)
        return plaintexts.map { publicKey.discreteLog(of: $0, upTo: 100) }
    }

    func run<Suite: CocktailCiphersuite>(_ suite: Suite) throws {
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 3)
        let results = try harness.run()
        let group = suite.group
        let keys = results[0].publicKeys
        let values: [UInt64] = [0, 1, 7, 42]
        let ciphertexts = encrypt(values, key: keys.groupKey, group: group)
        let partials = results.map {
            PartialDecryption(group: group, trustee: $0.index, secretShare: $0.secretShare, ciphertexts: ciphertexts,
                domain: domain)
        }
        // Trustee 2 absent: 1 and 3 suffice.
        let decryption = try QuorumDecryption(group: group, threshold: 2, verificationShares: keys.verificationShares,
            ciphertexts: ciphertexts, partials: [partials[0], partials[2]], domain: domain)
        #expect(decryption.trustees == [1, 3])
        #expect(decryption.excluded.isEmpty)
        #expect(decoded(decryption.plaintexts, key: keys.groupKey, group: group) == values)
    }

    @Test("2-of-3 with one trustee absent, every group")
    func absentTrustee() throws {
        try run(CocktailRistretto255())
        try run(CocktailP256())
        try run(CocktailElectionGuard())
    }

    @Test("a trustee whose share fails its proof is named and excluded; decryption continues with t honest ones")
    func cheaterExcluded() throws {
        let suite = CocktailRistretto255()
        let group = suite.group
        let results = try CeremonyHarness(suite: suite, threshold: 2, count: 3).run()
        let keys = results[0].publicKeys
        let ciphertexts = encrypt([5, 9], key: keys.groupKey, group: group)
        var partials = results.map {
            PartialDecryption(group: group, trustee: $0.index, secretShare: $0.secretShare, ciphertexts: ciphertexts,
                domain: domain)
        }
        // Trustee 1 publishes a wrong value with the proof of the right one.
        let honest = partials[0]
        partials[0] = PartialDecryption(trustee: 1, values: [group.multiply(honest.values[0], group.generator),
            honest.values[1]], proofs: honest.proofs)
        let decryption = try QuorumDecryption(group: group, threshold: 2,
            verificationShares: keys.verificationShares, ciphertexts: ciphertexts, partials: partials, domain: domain)
        #expect(decryption.trustees == [2, 3])
        #expect(decryption.excluded.map(\.participant) == [1])
        #expect(decryption.excluded.first?.code == .invalidPartialDecryption)
        #expect(decoded(decryption.plaintexts, key: keys.groupKey, group: group) == [5, 9])

        // With only one honest trustee left, decryption stops and names the cheater.
        do {
            _ = try QuorumDecryption(group: group, threshold: 2, verificationShares: keys.verificationShares,
                ciphertexts: ciphertexts, partials: [partials[0], partials[1]], domain: domain)
            Issue.record("decryption with one valid share succeeded")
        } catch {
            #expect(error.code == .notEnoughShares)
            #expect(error.message.contains("excluded trustees: 1"))
        }
    }

    @Test("proofs are bound to their domain and to the trustee's share")
    func proofBinding() throws {
        let suite = CocktailRistretto255()
        let group = suite.group
        let results = try CeremonyHarness(suite: suite, threshold: 2, count: 3).run()
        let keys = results[0].publicKeys
        let ciphertexts = encrypt([3], key: keys.groupKey, group: group)
        let partial = PartialDecryption(group: group, trustee: 2, secretShare: results[1].secretShare,
            ciphertexts: ciphertexts, domain: domain)
        let own = ElGamalPublicKey(group: group, element: keys.verificationShares[1])
        let other = ElGamalPublicKey(group: group, element: keys.verificationShares[0])
        #expect(throws: Never.self) {
            try partial.verify(verificationShare: own, ciphertexts: ciphertexts, domain: domain)
        }
        #expect(throws: CeremonyError.self) {
            try partial.verify(verificationShare: own, ciphertexts: ciphertexts, domain: [1])
        }
        #expect(throws: CeremonyError.self) {
            try partial.verify(verificationShare: other, ciphertexts: ciphertexts, domain: domain)
        }
        #expect(throws: CeremonyError.self) {
            try partial.verify(verificationShare: own, ciphertexts: ciphertexts + ciphertexts, domain: domain)
        }
    }

    @Test("the partial-decryption proofs are Chaum-Pedersen proofs under the one challenge, every group, across chunks")
    func oneChallenge() {
        check(Ristretto255())
        check(P256())
        check(IntegerGroup.electionGuard)
    }

    private func check<Group: PrimeOrderGroup>(_ group: Group) {
        let field = group.scalars
        let secret = field.randomNonzero()
        let share = ElGamalPublicKey(group: group, element: group.generatorPower(secret: secret))
        // More ciphertexts than one chunk, so that proofs made in different chunks are checked too.
        let count = group is IntegerGroup ? 3 : PartialDecryption<Group>.chunkSize + 3
        let ciphertexts = encrypt((0..<UInt64(count)).map { $0 }, key: share.element, group: group)
        let partial = PartialDecryption(group: group, trustee: 1, secretShare: secret, ciphertexts: ciphertexts,
            domain: domain)
        #expect(partial.values.count == count && partial.proofs.count == count)
        for (offset, proof) in partial.proofs.enumerated() {
            let base = ciphertexts[offset].alpha
            let result = partial.values[offset]
            #expect(result == group.power(base, public: secret))
            // Each proof verifies alone under ChaumPedersenProof's challenge, and not under another context.
            for (context, valid) in [(domain, true), (Array("other".utf8), false)] {
                #expect(proof.verify(key: share, base: base, result: result) { a, b in
                    ChaumPedersenProof.challenge(context: context, key: share.element, base: base, result: result,
                        a: a, b: b, in: group)
                } == valid)
            }
        }
        // A proof moved to another ciphertext is found, at its position.
        var proofs = partial.proofs
        proofs.swapAt(count - 1, count - 2)
        #expect(ChaumPedersenProof.firstInvalid(proofs, key: share, bases: ciphertexts.map(\.alpha),
            results: partial.values, context: domain) == count - 2)
        #expect(ChaumPedersenProof.firstInvalid(partial.proofs, key: share, bases: ciphertexts.map(\.alpha),
            results: partial.values, context: domain) == nil)
    }

    @Test("repeated or unknown trustee ids are refused")
    func badIds() throws {
        let suite = CocktailRistretto255()
        let group = suite.group
        let results = try CeremonyHarness(suite: suite, threshold: 2, count: 3).run()
        let keys = results[0].publicKeys
        let ciphertexts = encrypt([1], key: keys.groupKey, group: group)
        let partial = PartialDecryption(group: group, trustee: 1, secretShare: results[0].secretShare,
            ciphertexts: ciphertexts, domain: domain)
        for partials in [[partial, partial], [PartialDecryption(trustee: 4, values: partial.values,
            proofs: partial.proofs)]] {
            do {
                _ = try QuorumDecryption(group: group, threshold: 1, verificationShares: keys.verificationShares,
                    ciphertexts: ciphertexts, partials: partials, domain: domain)
                Issue.record("accepted bad trustee ids")
            } catch {
                #expect(error.code == .invalidParticipant)
            }
        }
    }
}
