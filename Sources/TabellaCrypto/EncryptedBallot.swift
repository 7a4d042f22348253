import TabellaGroups

/// A contest's plaintext selections and its limits, to be encrypted.
public struct PlaintextContest: Sendable, Hashable {
    /// The contest index in the manifest (1-based).
    public let index: Int
    /// L, the most the selections may add up to.
    public let contestLimit: Int
    /// The least the selections must add up to (0 in ElectionGuard, which has no minimum).
    public let minimumTotal: Int
    /// R, the most one selection may hold.
    public let optionLimit: Int
    /// The value of each option, in the manifest's order (option indices 1, 2, …).
    public let votes: [Int]

    /// A contest to encrypt.
    public init(index: Int, contestLimit: Int, minimumTotal: Int = 0, optionLimit: Int, votes: [Int]) {
        self.index = index
        self.contestLimit = contestLimit
        self.minimumTotal = minimumTotal
        self.optionLimit = optionLimit
        self.votes = votes
    }
}

/// One encrypted option with its range proof.
public struct EncryptedSelection<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// The option index (1-based).
    public let optionIndex: Int
    /// `Enc(σ, ξ)`.
    public let ciphertext: ElGamalCiphertext<Group>
    /// The proof that σ lies in 0...R.
    public let proof: RangeProof<Group>

    /// A selection from its parts.
    public init(optionIndex: Int, ciphertext: ElGamalCiphertext<Group>, proof: RangeProof<Group>) {
        self.optionIndex = optionIndex
        self.ciphertext = ciphertext
        self.proof = proof
    }
}

/// One encrypted contest: its selections, the contest-limit proof over their sum, and the contest hash.
public struct EncryptedContest<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// The contest index (1-based).
    public let index: Int
    /// The encrypted options, in order.
    public let selections: [EncryptedSelection<Group>]
    /// The proof that the selections add up to at most L (and at least the contest's minimum; see
    /// ``ElGamalPublicKey/limitStatement(total:minimum:)``).
    public let limitProof: RangeProof<Group>
    /// χ_l.
    public let contestHash: [UInt8]
    /// The written answer's elements of a write-in contest, in order (none in other contests). They are outside
    /// χ_l and the confirmation code, which follow the 2.1 specification; the voter's signature covers them.
    public let writeIns: [EncryptedWriteIn<Group>]

    /// A contest from its parts.
    public init(index: Int, selections: [EncryptedSelection<Group>], limitProof: RangeProof<Group>,
                contestHash: [UInt8], writeIns: [EncryptedWriteIn<Group>] = []) {
        self.index = index
        self.selections = selections
        self.limitProof = limitProof
        self.contestHash = contestHash
        self.writeIns = writeIns
    }

    /// The same contest with the elements of a written answer.
    public func adding(writeIns: [EncryptedWriteIn<Group>]) -> Self {
        Self(index: index, selections: selections, limitProof: limitProof, contestHash: contestHash,
             writeIns: writeIns)
    }

    /// The homomorphic sum of the selections, `(ᾱ, β̄)`.
    public func total(in group: Group) -> ElGamalCiphertext<Group> {
        ElGamalCiphertext.sum(selections.map { $0.ciphertext }, in: group)
    }
}

/// A ballot encrypted under the ElectionGuard 2.1 rules, with its confirmation code.
public struct EncryptedBallot<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// id_B, the 32-byte selection-encryption identifier.
    public let identifier: [UInt8]
    /// The contests, in manifest order.
    public let contests: [EncryptedContest<Group>]
    /// B_C, the 36-byte chaining field.
    public let chainingField: [UInt8]
    /// H_C.
    public let confirmationCode: [UInt8]

    /// A ballot from its parts.
    public init(identifier: [UInt8], contests: [EncryptedContest<Group>], chainingField: [UInt8],
                confirmationCode: [UInt8]) {
        self.identifier = identifier
        self.contests = contests
        self.chainingField = chainingField
        self.confirmationCode = confirmationCode
    }
}
