import Foundation

/// The weighted homomorphic tally that the authority computed from the counted ballots: for each option, the
/// product of the option's ciphertexts each raised to its voter's weight.
public struct TallyPost: Sendable, Hashable, Codable {
    /// The number of counted ballots (one per credential that cast, its last ballot).
    public let counted: Int
    /// The total weight of the voters whose ballots are counted.
    public let turnoutWeight: UInt64
    /// Per contest, per option: `α ‖ β` in the group's encoding (base64 in JSON).
    public let ciphertexts: [[Data]]

    /// A tally.
    public init(counted: Int, turnoutWeight: UInt64, ciphertexts: [[[UInt8]]]) {
        self.counted = counted
        self.turnoutWeight = turnoutWeight
        self.ciphertexts = ciphertexts.map { $0.map { Data($0) } }
    }
}

/// A trustee's partial decryption of the whole tally: for every option in contest order, `M = α^(x_i)` and a
/// Chaum-Pedersen proof that it used the share behind its verification share.
public struct DecryptionSharePost: Sendable, Hashable, Codable {
    /// The trustee's participant index.
    public let participant: Int
    /// `M` per option, flattened in contest order (base64 in JSON).
    public let values: [Data]
    /// `c ‖ v` per option, in the same order.
    public let proofs: [Data]

    /// A share.
    public init(participant: Int, values: [[UInt8]], proofs: [[UInt8]]) {
        self.participant = participant
        self.values = values.map { Data($0) }
        self.proofs = proofs.map { Data($0) }
    }
}

/// The counts per option and the decision per contest, from the decrypted tally.
public struct ResultPost: Sendable, Hashable, Codable {
    /// The weighted votes per contest, per option.
    public let counts: [[UInt64]]
    /// The decision of each contest, in contest order.
    public let decisions: [ContestDecision]
    /// The participant indices of the trustees whose shares were combined.
    public let trustees: [Int]

    /// A result.
    public init(counts: [[UInt64]], decisions: [ContestDecision], trustees: [Int]) {
        self.counts = counts
        self.decisions = decisions
        self.trustees = trustees
    }
}

/// A signature on the election's decision note (see `DecisionNote` in TabellaVerifier): the signature line of a
/// c2sp.org/signed-note, by a trustee that checked the tally itself, or by the authority.
public struct DecisionSignaturePost: Sendable, Hashable, Codable {
    /// The note's text, which every signer signs unchanged.
    public let note: String
    /// The note's signature line, `— <key name> <base64(key ID ‖ signature)>`.
    public let signature: String

    /// A post.
    public init(note: String, signature: String) {
        self.note = note
        self.signature = signature
    }
}
