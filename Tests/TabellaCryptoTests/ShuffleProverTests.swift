@testable import TabellaCrypto
import TabellaGroups
import Testing

/// Tabella's own prover and verifier in all three groups, for Tabella's rows and for Swiss Post multi-recipient
/// ciphertexts: proofs verify, and fail when any field of the statement or the proof changes.
@Suite("Verifiable shuffle: own prover")
struct ShuffleProverTests {
    static let context = Array("tabella shuffle tests".utf8)

    /// A list of `count` rows of `width` fresh encryptions of small values under a random key.
    static func rows<Group: PrimeOrderGroup>(
        _ group: Group, count: Int, width: Int
    ) throws -> (ElGamalRowSpace<Group>, [ElGamalRow<Group>]) {
        let key = ElGamalPublicKey(group: group, element: group.generatorPower(secret: group.scalars.randomNonzero()))
        let space = try ElGamalRowSpace(group: group, publicKey: key.element, width: width)
        let rows = (0..<count).map { index in
            ElGamalRow((0..<width).map { j in
                key.encrypt(UInt64(index * width + j), nonce: group.scalars.randomNonzero())
            })
        }
        return (space, rows)
    }

    /// Shuffles, proves and verifies; returns the pieces for further checks.
    static func proven<Space: ShuffleCiphertextSpace>(
        _ space: Space, _ input: [Space.Row]
    ) throws -> (VerifiableShuffle<Space>, [Space.Row], ShuffleArgument<Space.Group>) {
        let mixer = try VerifiableShuffle(space: space, context: context, count: input.count)
        let (output, witness) = try mixer.shuffle(input)
        let proof = try mixer.prove(input: input, output: output, witness: witness)
        try mixer.verify(input: input, output: output, proof: proof)
        return (mixer, output, proof)
    }

    /// Rows of ℓ ciphertexts: a proof for every N verifies and the output is a permutation of re-encryptions.
    func roundTrip<Group: PrimeOrderGroup>(_ group: Group, width: Int, counts: [Int]) throws {
        for count in counts {
            let (space, input) = try Self.rows(group, count: count, width: width)
            let (_, output, _) = try Self.proven(space, input)
            #expect(output.count == count)
            #expect(Set(output).isDisjoint(with: Set(input)), "\(group.name) N=\(count): a row was not re-encrypted")
        }
    }

    @Test("P-256 rows, ℓ = 1 and 3, N = 1, 2, 7, 100: proofs verify")
    func p256() throws {
        try roundTrip(P256(), width: 1, counts: [1, 2, 7, 100])
        try roundTrip(P256(), width: 3, counts: [1, 2, 7, 100])
    }

    @Test("ristretto255 rows, ℓ = 1 and 3, N = 1, 2, 7, 100: proofs verify")
    func ristretto() throws {
        try roundTrip(Ristretto255(), width: 1, counts: [1, 2, 7, 100])
        try roundTrip(Ristretto255(), width: 3, counts: [1, 2, 7, 100])
    }

    @Test("integer-4096 rows, ℓ = 1 and 3, N = 1, 2, 7, 100: proofs verify")
    func integer4096() throws {
        try roundTrip(IntegerGroup.electionGuard, width: 1, counts: [1, 2, 7, 100])
        try roundTrip(IntegerGroup.electionGuard, width: 3, counts: [1, 2, 7])
    }

    /// Every single-field change of the proof, and of the two lists, is rejected.
    func mutations<Group: PrimeOrderGroup>(_ group: Group, width: Int, count: Int) throws {
        let (space, input) = try Self.rows(group, count: count, width: width)
        let (mixer, output, proof) = try Self.proven(space, input)
        for (field, apply) in Mutations<Group, ShuffleArgument<Group>>.of(proof, in: group).all {
            var changed = proof
            apply(&changed)
            #expect(throws: ShuffleError.self, "\(group.name) ℓ=\(width): changed \(field) is accepted") {
                try mixer.verify(input: input, output: output, proof: changed)
            }
        }
        let changedRow = space.row(components: space.components(of: output[0]).map {
            group.multiply($0, group.generator)
        })
        let lists: [(String, [ElGamalRow<Group>], [ElGamalRow<Group>])] = [
            ("input[0] changed", [changedRow] + input.dropFirst(), output),
            ("output[0] changed", input, [changedRow] + output.dropFirst()),
            ("output rows 0 and 1 swapped", input, [output[1], output[0]] + output.dropFirst(2)),
            ("input and output exchanged", output, input),
        ]
        for (name, changedInput, changedOutput) in lists {
            #expect(throws: ShuffleError.self, "\(group.name) ℓ=\(width): \(name) is accepted") {
                try mixer.verify(input: changedInput, output: changedOutput, proof: proof)
            }
        }
    }

    @Test("every changed field of a proof or list is rejected, in all three groups, ℓ = 1 and 3")
    func rejectsMutations() throws {
        for width in [1, 3] {
            try mutations(P256(), width: width, count: 7)
            try mutations(Ristretto255(), width: width, count: 7)
            try mutations(IntegerGroup.electionGuard, width: width, count: 7)
        }
    }

    @Test("Swiss Post multi-recipient ciphertexts: own proofs verify and a changed field is rejected")
    func multiRecipient() throws {
        let group = P256()
        let keys = (0..<3).map { _ in group.generatorPower(secret: group.scalars.randomNonzero()) }
        let space = try MultiRecipientSpace(group: group, publicKeys: keys, width: 2)
        let input = try (0..<12).map { index in
            try MultiRecipientCiphertext.encrypt(
                [group.generatorPower(public: group.scalars.scalar(UInt64(index + 1))), group.generator],
                randomness: group.scalars.randomNonzero(), publicKeys: keys, in: group)
        }
        let (mixer, output, proof) = try Self.proven(space, input)
        var changed = proof
        changed.multiExponentiation.tau[0] = group.scalars.add(changed.multiExponentiation.tau[0], group.scalars.one)
        #expect(throws: ShuffleError.self) { try mixer.verify(input: input, output: output, proof: changed) }
    }
}
