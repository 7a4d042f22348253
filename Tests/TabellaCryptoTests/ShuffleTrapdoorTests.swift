@testable import TabellaCrypto
import TabellaGroups
import Testing

/// The flaw found in the Swiss Post system in 2019: a prover who chooses the commitment key and knows the discrete
/// logarithms between its elements can open commitments to anything, and so forge a shuffle argument for an output
/// that is not a shuffle. Because the verifier derives the key itself, the same forgery is rejected.
@Suite("Verifiable shuffle: trapdoored commitment key")
struct ShuffleTrapdoorTests {
    @Test("a forged shuffle (row 0 replaced by rows 0 + 1) verifies under the prover's key, not under the derived one")
    func trapdoor() throws {
        let group = P256()
        let field = group.scalars
        let key = ElGamalPublicKey(group: group, element: group.generatorPower(secret: field.randomNonzero()))
        let space = try ElGamalRowSpace(group: group, publicKey: key.element, width: 1)
        let input = (0..<3).map { ElGamalRow([key.encrypt(UInt64($0 + 1), nonce: field.randomNonzero())]) }
        let shape = try ShuffleShape.tabella(count: 3, rows: 1)
        let n = shape.columns

        // The trapdoor: g_i = h^{t_i} with known t_i.
        let h = group.generatorPower(secret: field.randomNonzero())
        let logs = field.random(count: n)
        let trapdoored = try ShuffleCommitmentKey(h: h, generators: logs.map { group.power(h, secret: $0) },
                                                  in: group)
        let cheat = ArgumentContext(space: space, key: trapdoored)
        func log(_ values: [Scalar], _ r: Scalar) -> Scalar { field.add(r, field.dot(logs, values)) }

        // The forged output: (Re(C₀·C₁), Re(C₁), Re(C₂)) counts row 1 twice and drops row 0's own vote.
        let rho = (0..<3).map { _ in [field.randomNonzero()] }
        let sources: [[ElGamalCiphertext<P256>]] = [
            [input[0].ciphertexts[0], input[1].ciphertexts[0]], [input[1].ciphertexts[0]], [input[2].ciphertexts[0]],
        ]
        let output = zip(sources, rho).map { parts, r in
            ElGamalRow([key.reencrypt(ElGamalCiphertext.sum(parts, in: group), nonce: r[0])])
        }
        let statement = ShuffleStatement<P256>(
            input: input.map(space.components), output: output.map(space.components), m: 1, n: n)

        // Commitments the prover can open at will, then the non-permutation b = (1, x − 1, x²).
        let a = [field.zero, field.one, field.scalar(2)]
        let r = field.random()
        let cA = [trapdoored.commit(secret: a, randomness: r, in: group)]
        let hashed = cheat.hashedLists(statement).lists + [cheat.hashing.list(cA)]
        let x = cheat.hashing.challenge(hashed)
        let b = [field.one, field.subtract(x, field.one), field.multiply(x, x)]
        let s = field.random()
        let cB = [trapdoored.commit(secret: b, randomness: s, in: group)]
        let (y, z) = cheat.challenges(hashed, cB: cB)
        let pStatement = cheat.productStatement(cA: cA, cB: cB, x: x, y: y, z: z, count: 3, n: n)

        // The single value product argument, forged from log_h of the product statement's commitment.
        let minusZ = Array(repeating: field.negate(z), count: n)
        let u = field.add(field.add(field.multiply(y, log(a, r)), log(b, s)), log(minusZ, field.zero))
        let (ud, uLower, uUpper) = (field.random(), field.random(), field.random())
        var single = SingleValueProductArgument<P256>(
            cd: group.power(h, secret: ud), cLowerDelta: group.power(h, secret: uLower),
            cUpperDelta: group.power(h, secret: uUpper), aTilde: [], bTilde: [], rTilde: field.zero,
            sTilde: field.zero)
        let xs = cheat.challenge(single, commitment: pStatement.commitments[0], product: pStatement.product)
        let aTilde = field.random(count: n)
        let bTilde = [aTilde[0]] + field.random(count: n - 2) + [field.multiply(xs, pStatement.product)]
        let e = (0..<(n - 1)).map {
            field.subtract(field.multiply(xs, bTilde[$0 + 1]), field.multiply(bTilde[$0], aTilde[$0 + 1]))
        }
        single.aTilde = aTilde
        single.bTilde = bTilde
        single.rTilde = field.subtract(field.add(field.multiply(xs, u), ud), field.dot(logs, aTilde))
        single.sTilde = field.subtract(field.add(field.multiply(xs, uUpper), uLower), field.dot(logs, e))

        // The multi-exponentiation argument is honest: ∏ C′_j^{b_j} = ∏ C_i^{x^i} · Enc(1; Σ ρ_j b_j) holds.
        let ciphertext = space.multiPower(statement.input, field.powers(of: x, count: 3))
        let multi = cheat.proveMultiExponentiation(
            MultiExponentiationStatement(rows: [statement.output], ciphertext: ciphertext, cA: cB), columns: [b],
            randomness: [s], rho: [field.negate(field.dot(rho.map { $0[0] }, b))])
        let forged = ShuffleArgument(
            cA: cA, cB: cB, product: ProductArgument(cb: nil, hadamard: nil, singleValueProduct: single),
            multiExponentiation: multi)

        // Under the key the prover chose, the forgery verifies: the attack is real.
        try cheat.verifyShuffle(forged, statement)
        // A verifier that derives its key from the public context rejects it.
        let verifier = try VerifiableShuffle(space: space, context: Array("election".utf8), count: 3, rows: 1)
        #expect(throws: ShuffleError.self) { try verifier.verify(input: input, output: output, proof: forged) }
    }
}
