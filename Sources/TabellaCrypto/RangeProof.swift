import TabellaGroups

/// A disjunctive Chaum-Pedersen proof that an exponential ElGamal ciphertext `(α, β)` encrypts one of 0, 1, …, R
/// (ElectionGuard 2.0 §3.3.5, 2.1 §3.3.7); over the sum of a contest's selections it is the contest-limit proof.
///
/// For each j the verifier recomputes `a_j = g^{v_j} · α^{c_j}` and `b_j = K^{w_j} · β^{c_j}` with
/// `w_j = v_j - j·c_j`, and accepts when the Fiat-Shamir hash of the commitments `(a_0, b_0, …, a_R, b_R)` equals
/// `c_0 + … + c_R` modulo q. The proof may also carry the commitments themselves: then verification also checks
/// that they are the recomputed ones, and ``RangeProofBatch`` can check many proofs with one multi-exponentiation.
public struct RangeProof<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// c_0, …, c_R.
    public let challenges: [Scalar]
    /// v_0, …, v_R.
    public let responses: [Scalar]
    /// `a_0, b_0, a_1, b_1, …, a_R, b_R` when the proof carries them (Tabella's own proofs), else `nil`.
    public let commitments: [Group.Element]?

    /// A proof from its values; `challenges` and `responses` must have the same count, R + 1.
    public init(challenges: [Scalar], responses: [Scalar], commitments: [Group.Element]? = nil) {
        self.challenges = challenges
        self.responses = responses
        self.commitments = commitments
    }

    /// The range bound R the proof is for.
    public var limit: Int { challenges.count - 1 }

    /// The same proof without its commitments (the ElectionGuard record form).
    public var withoutCommitments: Self { Self(challenges: challenges, responses: responses) }

    /// One step's random values: the commitment nonce u_j and, for the simulated branches, the challenge c_j.
    public struct Randomness: Sendable {
        /// u_j.
        public let nonce: Scalar
        /// c_j (ignored for the true value ℓ).
        public let challenge: Scalar

        /// Random values for one step.
        public init(nonce: Scalar, challenge: Scalar) {
            self.nonce = nonce
            self.challenge = challenge
        }
    }

    /// Proves that `ciphertext = Enc(value, nonce)` under `key` lies in `0...limit`.
    ///
    /// Every branch is computed the same way (`t_j = u_j + (ℓ - j)·c_j`, which is `u_ℓ` for the true branch), with
    /// constant-time exponentiations and field operations; only the final choice of the derived challenge indexes
    /// by ℓ. `randomness` fixes u_j and c_j for known-answer tests; it is drawn fresh otherwise.
    public static func prove(
        ciphertext: ElGamalCiphertext<Group>, value: Int, nonce: Scalar, limit: Int, key: ElGamalPublicKey<Group>,
        randomness: [Randomness]? = nil, challenge: (_ commitments: [Group.Element]) -> Scalar
    ) -> Self {
        let pending = commit(value: value, nonce: nonce, limit: limit, key: key, randomness: randomness)
        return pending.finish(challenge: challenge(pending.commitments), in: key.group.scalars)
    }

    /// A proof in the making: its commitments are computed, its challenge is still to come. Code that proves many
    /// statements at once (``BallotEncryptor``) commits to all of them, encodes every commitment together, and then
    /// finishes each proof with its challenge.
    struct Pending {
        /// ℓ, the true value.
        let value: Int
        /// ξ, the encryption nonce (secret).
        let nonce: Scalar
        /// u_j and c_j (secret).
        let randomness: [Randomness]
        /// `a_0, b_0, …, a_R, b_R`.
        let commitments: [Group.Element]

        /// The proof for the Fiat-Shamir challenge `c` of the commitments: `c_ℓ = c − Σ_{j≠ℓ} c_j` and
        /// `v_j = u_j − c_j·ξ`.
        func finish(challenge c: Scalar, in field: ScalarField) -> RangeProof {
            var challenges = randomness.map { $0.challenge }
            let others = challenges.enumerated().reduce(field.zero) {
                $1.offset == value ? $0 : field.add($0, $1.element)
            }
            challenges[value] = field.subtract(c, others)
            let responses = randomness.indices.map { j in
                field.subtract(randomness[j].nonce, field.multiply(challenges[j], nonce))
            }
            return RangeProof(challenges: challenges, responses: responses, commitments: commitments)
        }
    }

    /// The first half of ``prove(ciphertext:value:nonce:limit:key:randomness:challenge:)``: the commitments
    /// `a_j = g^{u_j}`, `b_j = K^{u_j + (ℓ − j)·c_j}` on the constant-time paths.
    static func commit(value: Int, nonce: Scalar, limit: Int, key: ElGamalPublicKey<Group>,
                       randomness: [Randomness]? = nil) -> Pending {
        precondition((0...limit).contains(value), "the value must lie in 0...limit")
        let group = key.group
        let field = group.scalars
        let random = randomness ?? (0...limit).map { _ in Randomness(nonce: field.random(), challenge: field.random()) }
        precondition(random.count == limit + 1, "one pair of random values per branch")
        let ell = field.scalar(UInt64(value))
        var commitments = [Group.Element]()
        commitments.reserveCapacity(2 * limit + 2)
        for j in 0...limit {
            let offset = field.multiply(field.subtract(ell, field.scalar(UInt64(j))), random[j].challenge)
            commitments.append(group.generatorPower(secret: random[j].nonce))
            commitments.append(group.power(key.table, secret: field.add(random[j].nonce, offset)))
        }
        return Pending(value: value, nonce: nonce, randomness: random, commitments: commitments)
    }

    /// The commitments `a_0, b_0, …, a_R, b_R` implied by the challenges and responses.
    public func impliedCommitments(
        ciphertext: ElGamalCiphertext<Group>, key: ElGamalPublicKey<Group>
    ) -> [Group.Element] {
        let group = key.group
        let field = group.scalars
        var result = [Group.Element]()
        result.reserveCapacity(2 * challenges.count)
        for (j, (c, v)) in zip(challenges, responses).enumerated() {
            let w = field.subtract(v, field.multiply(field.scalar(UInt64(j)), c))
            result.append(group.multiply(group.generatorPower(public: v), group.power(ciphertext.alpha, public: c)))
            result.append(group.multiply(group.power(key.table, public: w), group.power(ciphertext.beta, public: c)))
        }
        return result
    }

    /// Whether the proof shows that `ciphertext` encrypts a value in `0...limit` under `key`.
    ///
    /// Checks the count of challenges and responses against `limit`, recomputes the commitments (and compares them
    /// with the carried ones, if any), and compares their hash with the sum of the challenges modulo q.
    public func verify(
        ciphertext: ElGamalCiphertext<Group>, limit: Int, key: ElGamalPublicKey<Group>,
        challenge: (_ commitments: [Group.Element]) -> Scalar
    ) -> Bool {
        guard hasShape(limit: limit) else { return false }
        let implied = impliedCommitments(ciphertext: ciphertext, key: key)
        if let commitments, commitments != implied { return false }
        return challenge(implied) == challengeSum(in: key.group.scalars)
    }

    /// Whether there are `limit + 1` challenges and responses (and `2·(limit + 1)` commitments if carried).
    func hasShape(limit: Int) -> Bool {
        limit >= 0 && challenges.count == limit + 1 && responses.count == limit + 1
            && (commitments.map { $0.count == 2 * (limit + 1) } ?? true)
    }

    /// `c_0 + … + c_R mod q`.
    func challengeSum(in field: ScalarField) -> Scalar {
        challenges.reduce(field.zero, field.add)
    }
}
