import TabellaGroups

/// Verifies many range proofs that carry their commitments with one multi-exponentiation.
///
/// Each proof states `2(R+1)` equations `g^{v_j} α^{c_j} = a_j` and `K^{w_j} β^{c_j} = b_j`. The batch raises every
/// equation to an independent random exponent ρ of ``exponentBits`` bits and checks the product of all of them,
/// with the negated sums on the bases that have full-length exponents anyway, so that the commitments keep their
/// short exponents and nothing needs inverting:
///
///     ∏ a_j^{ρ_j} · b_j^{ρ'_j} · g^{-Σρv} · K^{-Σρ'w} · ∏ α^{-Σ_j ρ_j c_j} · β^{-Σ_j ρ'_j c_j} = 1
///
/// If any equation is false the product is 1 with probability at most 2^-``exponentBits`` (all elements lie in
/// the group of prime order q > 2^``exponentBits``: decoding validated them). When the product is not 1, the batch
/// is split in halves that are checked the same way, down to a few proofs checked on their own, so that the results
/// are exactly those of ``RangeProof/verify``.
public struct RangeProofBatch<Group: PrimeOrderGroup>: Sendable {
    /// One statement: a ciphertext, its bound, and the proof.
    public struct Item: Sendable {
        /// The ciphertext the proof is about.
        public let ciphertext: ElGamalCiphertext<Group>
        /// R.
        public let limit: Int
        /// The proof; without commitments it is checked on its own.
        public let proof: RangeProof<Group>

        /// A statement to check.
        public init(ciphertext: ElGamalCiphertext<Group>, limit: Int, proof: RangeProof<Group>) {
            self.ciphertext = ciphertext
            self.limit = limit
            self.proof = proof
        }
    }

    /// The length of the random exponents; the soundness error of one batch is 2^-exponentBits.
    public let exponentBits: Int
    /// The election key all proofs are under.
    public let key: ElGamalPublicKey<Group>

    /// A batch verifier under `key` with random exponents of `exponentBits` bits (at most the field's size).
    public init(key: ElGamalPublicKey<Group>, exponentBits: Int = 128) {
        precondition(exponentBits > 0 && exponentBits < key.group.scalars.bitCount, "short exponents only")
        self.key = key
        self.exponentBits = exponentBits
    }

    /// The result of ``RangeProof/verify`` for every item, in order.
    ///
    /// `challenge(index, commitments)` is the Fiat-Shamir hash of item `index`.
    public func verify(
        _ items: [Item], challenge: (_ index: Int, _ commitments: [Group.Element]) -> Scalar
    ) -> [Bool] {
        let group = key.group
        let field = group.scalars
        var results = [Bool](repeating: false, count: items.count)
        var batched = [Int]()
        for (index, item) in items.enumerated() {
            guard item.proof.hasShape(limit: item.limit) else { continue }
            guard let commitments = item.proof.commitments else {
                results[index] = item.proof.verify(ciphertext: item.ciphertext, limit: item.limit, key: key) {
                    challenge(index, $0)
                }
                continue
            }
            // The hash needs no exponentiation: a wrong one fails the item at once.
            if challenge(index, commitments) == item.proof.challengeSum(in: field) { batched.append(index) }
        }
        resolve(batched, items, into: &results, challenge: challenge)
        return results
    }

    /// Sets the results of `indices`: all true when their combined check holds; otherwise each half is resolved
    /// on its own, down to a few items that are checked one by one, so that a few bad proofs among many cost a
    /// few more combined checks rather than checking every proof alone.
    private func resolve(
        _ indices: [Int], _ items: [Item], into results: inout [Bool],
        challenge: (_ index: Int, _ commitments: [Group.Element]) -> Scalar
    ) {
        guard !indices.isEmpty else { return }
        if combinedCheck(indices.map { items[$0] }) {
            for index in indices { results[index] = true }
        } else if indices.count <= 4 {
            for index in indices {
                let item = items[index]
                results[index] = item.proof.verify(ciphertext: item.ciphertext, limit: item.limit, key: key) {
                    challenge(index, $0)
                }
            }
        } else {
            resolve(Array(indices[..<(indices.count / 2)]), items, into: &results, challenge: challenge)
            resolve(Array(indices[(indices.count / 2)...]), items, into: &results, challenge: challenge)
        }
    }

    /// Whether the random linear combination of all equations of `items` holds.
    private func combinedCheck(_ items: [Item]) -> Bool {
        let group = key.group
        let field = group.scalars
        // Two random exponents per branch, all from one draw of random bytes.
        let randomBytes = (exponentBits + 7) / 8
        let branches = items.reduce(0) { $0 + ($1.proof.commitments == nil ? 0 : $1.proof.challenges.count) }
        let random = SecureRandom.bytes(count: 2 * branches * randomBytes)
        var nextRandom = 0
        func shortRandom() -> Scalar {
            var bytes = Array(random[nextRandom..<nextRandom + randomBytes])
            nextRandom += randomBytes
            bytes[0] &= UInt8(0xff >> (randomBytes * 8 - exponentBits))
            return field.reduce(bigEndian: bytes)
        }
        var generatorExponent = field.zero
        var keyExponent = field.zero
        var bases = [Group.Element]()
        var exponents = [Scalar]()
        for item in items {
            guard let commitments = item.proof.commitments else { continue }
            var alphaExponent = field.zero
            var betaExponent = field.zero
            for (j, (c, v)) in zip(item.proof.challenges, item.proof.responses).enumerated() {
                let rho = shortRandom()
                let sigma = shortRandom()
                let w = field.subtract(v, field.multiply(field.scalar(UInt64(j)), c))
                generatorExponent = field.add(generatorExponent, field.multiply(rho, v))
                keyExponent = field.add(keyExponent, field.multiply(sigma, w))
                alphaExponent = field.add(alphaExponent, field.multiply(rho, c))
                betaExponent = field.add(betaExponent, field.multiply(sigma, c))
                bases.append(commitments[2 * j])
                exponents.append(rho)
                bases.append(commitments[2 * j + 1])
                exponents.append(sigma)
            }
            bases.append(item.ciphertext.alpha)
            exponents.append(field.negate(alphaExponent))
            bases.append(item.ciphertext.beta)
            exponents.append(field.negate(betaExponent))
        }
        bases.append(group.generator)
        exponents.append(field.negate(generatorExponent))
        bases.append(key.element)
        exponents.append(field.negate(keyExponent))
        return group.multiPower(bases, exponents) == group.identity
    }
}
