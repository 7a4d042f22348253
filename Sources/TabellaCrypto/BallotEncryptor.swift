import TabellaGroups

/// Encrypts ballots under the ElectionGuard 2.1 rules in any group: nonces derived from one ballot nonce, a range
/// proof per selection, a contest-limit proof per contest, contest hashes and the confirmation code.
///
/// Every exponentiation has base g or K and a secret exponent, so each goes through a fixed-base table on the
/// constant-time path: `2 + 2(R+1)` per selection and `2(L-m+1)` per contest with minimum total m (2 more per
/// contest in a group with costly operations, which computes the limit proof's statement as an encryption rather
/// than a product).
public struct BallotEncryptor<Group: PrimeOrderGroup>: Sendable {
    /// The election's hash rules and key.
    public let rules: ElectionGuard21<Group>

    /// An encryptor for one election.
    public init(rules: ElectionGuard21<Group>) {
        self.rules = rules
    }

    /// Encrypts `contests`; `ballotNonce` (32 bytes, secret) determines every encryption nonce.
    ///
    /// - Precondition: every vote lies in `0...optionLimit` and each contest's votes add up to at most its limit
    ///   (the caller validates the voter's choices against the manifest first).
    @_specialize(where Group == P256)
    @_specialize(where Group == Ristretto255)
    @_specialize(where Group == IntegerGroup)
    public func encrypt(
        identifier: [UInt8], contests: [PlaintextContest], ballotNonce: [UInt8], chainingField: [UInt8]
    ) -> EncryptedBallot<Group> {
        let group = rules.group
        let field = group.scalars
        let identifierHash = rules.identifierHash(ballotIdentifier: identifier)
        let encrypted = contests.map { contest -> EncryptedContest<Group> in
            let sum = contest.votes.reduce(0, +)
            precondition((contest.minimumTotal...contest.contestLimit).contains(sum), "the votes break the limits")
            var nonceSum = field.zero
            let selections = contest.votes.enumerated().map { position, vote -> EncryptedSelection<Group> in
                let optionIndex = position + 1
                let nonce = rules.selectionNonce(identifierHash: identifierHash, ballotNonce: ballotNonce,
                                                 contestIndex: contest.index, optionIndex: optionIndex)
                nonceSum = field.add(nonceSum, nonce)
                let ciphertext = rules.key.encrypt(UInt64(vote), nonce: nonce)
                let proof = RangeProof.prove(
                    ciphertext: ciphertext, value: vote, nonce: nonce, limit: contest.optionLimit, key: rules.key
                ) {
                    rules.selectionChallenge(identifierHash: identifierHash, contestIndex: contest.index,
                                             optionIndex: optionIndex, ciphertext: ciphertext, commitments: $0)
                }
                return EncryptedSelection(optionIndex: optionIndex, ciphertext: ciphertext, proof: proof)
            }
            // The statement is the product of the selections' ciphertexts shifted down by m, which is
            // Enc(Σσ − m, Σξ); where a group operation costs about as much as an exponentiation, the two
            // fixed-base exponentiations of an encryption are the cheaper way to it.
            let statement = group.hasCostlyOperations
                ? rules.key.encrypt(UInt64(sum - contest.minimumTotal), nonce: nonceSum)
                : rules.key.limitStatement(total: ElGamalCiphertext.sum(selections.map { $0.ciphertext }, in: group),
                                           minimum: contest.minimumTotal)
            let limitProof = RangeProof.prove(
                ciphertext: statement, value: sum - contest.minimumTotal, nonce: nonceSum,
                limit: contest.contestLimit - contest.minimumTotal, key: rules.key
            ) {
                rules.contestLimitChallenge(identifierHash: identifierHash, contestIndex: contest.index,
                                            ciphertext: statement, commitments: $0)
            }
            let contestHash = rules.contestHash(identifierHash: identifierHash, contestIndex: contest.index,
                                                ciphertexts: selections.map { $0.ciphertext })
            return EncryptedContest(index: contest.index, selections: selections, limitProof: limitProof,
                                    contestHash: contestHash)
        }
        let code = rules.confirmationCode(identifierHash: identifierHash,
                                          contestHashes: encrypted.map { $0.contestHash },
                                          chainingField: chainingField)
        return EncryptedBallot(identifier: identifier, contests: encrypted, chainingField: chainingField,
                               confirmationCode: code)
    }
}
