import Testing
import TabellaCrypto
import TabellaGroups

/// Schnorr, Chaum-Pedersen and range proofs in every group: valid proofs verify, each altered part is rejected,
/// and batch verification gives exactly the one-by-one results.
@Suite("Zero-knowledge proofs")
struct ProofTests {
    @Test("integer-4096") func integer() { check(IntegerGroup.electionGuard) }
    @Test("ristretto255") func ristretto() { check(Ristretto255()) }
    @Test("p256") func p256() { check(P256()) }

    /// A hash of elements into the field, standing in for a protocol's Fiat-Shamir hash.
    private func challenge<G: PrimeOrderGroup>(_ group: G, _ tag: UInt8, _ elements: [G.Element]) -> Scalar {
        var input = ElectionGuardHashInput(domain: tag)
        input.append(elements: elements, of: group)
        return ElectionGuardHash.hashToScalar(key: [UInt8](repeating: 1, count: 32), input, field: group.scalars)
    }

    private func check<G: PrimeOrderGroup>(_ group: G) {
        let field = group.scalars
        let secret = field.randomNonzero()
        let key = ElGamalPublicKey(group: group, element: group.generatorPower(secret: secret))

        // Schnorr.
        let schnorr = SchnorrProof.prove(secret: secret, in: group) { challenge(group, 1, [key.element, $0]) }
        #expect(schnorr.verify(publicKey: key.element, in: group) { challenge(group, 1, [key.element, $0]) })
        let otherKey = group.generatorPower(public: field.random())
        #expect(!schnorr.verify(publicKey: otherKey, in: group) { challenge(group, 1, [otherKey, $0]) })
        let badSchnorr = SchnorrProof<G>(challenge: schnorr.challenge, response: field.add(schnorr.response, field.one))
        #expect(!badSchnorr.verify(publicKey: key.element, in: group) { challenge(group, 1, [key.element, $0]) })

        // Chaum-Pedersen: M = A^s.
        let ciphertext = key.encrypt(2, nonce: field.random())
        let partial = group.power(ciphertext.alpha, secret: secret)
        let hash: (G.Element, G.Element) -> Scalar = { challenge(group, 2, [ciphertext.alpha, partial, $0, $1]) }
        let decryption = ChaumPedersenProof.prove(secret: secret, base: ciphertext.alpha, in: group, challenge: hash)
        #expect(decryption.verify(key: key, base: ciphertext.alpha, result: partial, challenge: hash))
        let wrongPartial = group.multiply(partial, group.generator)
        #expect(!decryption.verify(key: key, base: ciphertext.alpha, result: wrongPartial) {
            challenge(group, 2, [ciphertext.alpha, wrongPartial, $0, $1])
        })

        // Range proofs for every value of 0...R with R = 1 and 3, and rejections.
        for limit in [1, 3] {
            for value in 0...limit {
                let nonce = field.random()
                let encrypted = key.encrypt(UInt64(value), nonce: nonce)
                let hash: ([G.Element]) -> Scalar = { challenge(group, 3, [encrypted.alpha, encrypted.beta] + $0) }
                let proof = RangeProof.prove(ciphertext: encrypted, value: value, nonce: nonce, limit: limit, key: key,
                                             challenge: hash)
                #expect(proof.verify(ciphertext: encrypted, limit: limit, key: key, challenge: hash))
                #expect(proof.withoutCommitments.verify(ciphertext: encrypted, limit: limit, key: key, challenge: hash))
                #expect(!proof.verify(ciphertext: encrypted, limit: limit + 1, key: key, challenge: hash))
                let shifted = key.encrypt(UInt64(value) + 1, nonce: nonce)
                #expect(!proof.verify(ciphertext: shifted, limit: limit, key: key) {
                    challenge(group, 3, [shifted.alpha, shifted.beta] + $0)
                })
            }
        }
        checkBatch(group, key: key)
    }

    /// Valid and invalid proofs mixed: the batch reports exactly what one-by-one verification reports.
    private func checkBatch<G: PrimeOrderGroup>(_ group: G, key: ElGamalPublicKey<G>) {
        let field = group.scalars
        var items = [RangeProofBatch<G>.Item]()
        for index in 0..<8 {
            let value = index % 2
            let nonce = field.random()
            let encrypted = key.encrypt(UInt64(value), nonce: nonce)
            var proof = RangeProof.prove(ciphertext: encrypted, value: value, nonce: nonce, limit: 1, key: key) {
                challenge(group, UInt8(index), [encrypted.alpha, encrypted.beta] + $0)
            }
            switch index {
            case 3:  // a changed response
                proof = RangeProof(challenges: proof.challenges,
                                   responses: [field.add(proof.responses[0], field.one), proof.responses[1]],
                                   commitments: proof.commitments)
            case 5:  // a changed commitment
                var commitments = proof.commitments!
                commitments[1] = group.multiply(commitments[1], group.generator)
                proof = RangeProof(challenges: proof.challenges, responses: proof.responses, commitments: commitments)
            case 6:  // the record form, without commitments, still valid
                proof = proof.withoutCommitments
            default: break
            }
            items.append(.init(ciphertext: encrypted, limit: 1, proof: proof))
        }
        // An encryption of 2 proved with a simulated branch set: invalid for the bound 1.
        let nonce = field.random()
        let two = key.encrypt(2, nonce: nonce)
        let overLimit = RangeProof.prove(ciphertext: two, value: 2, nonce: nonce, limit: 2, key: key) {
            challenge(group, 8, [two.alpha, two.beta] + $0)
        }
        items.append(.init(ciphertext: two, limit: 1, proof: overLimit))
        let hash: (Int, [G.Element]) -> Scalar = { index, commitments in
            challenge(group, UInt8(index), [items[index].ciphertext.alpha, items[index].ciphertext.beta] + commitments)
        }
        let oneByOne = items.enumerated().map { index, item in
            item.proof.verify(ciphertext: item.ciphertext, limit: item.limit, key: key) { hash(index, $0) }
        }
        #expect(oneByOne == [true, true, true, false, true, false, true, true, false])
        #expect(RangeProofBatch(key: key).verify(items, challenge: hash) == oneByOne)
        let valid = items.indices.filter { oneByOne[$0] }
        #expect(RangeProofBatch(key: key, exponentBits: 64).verify(valid.map { items[$0] }) { hash(valid[$0], $1) }
            == valid.map { _ in true })
    }
}
