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
        let identifierKey = HMAC.PreparedKey(key: rules.identifierHash(ballotIdentifier: identifier))
        // First every exponentiation (ciphertexts and proof commitments), collecting the elements the hashes need,
        // then one encoding of all of them (one field inversion in P-256), then the challenges and hashes.
        var elements = [Group.Element]()
        // The proofs' random values u_j and c_j, drawn at once: 2(R + 1) per selection and 2(L − m + 1) per contest.
        let randomCount = contests.reduce(0) {
            $0 + 2 * $1.votes.count * ($1.optionLimit + 1) + 2 * ($1.contestLimit - $1.minimumTotal + 1)
        }
        var random = field.random(count: randomCount)[...]
        func randomness(limit: Int) -> [RangeProof<Group>.Randomness] {
            defer { random = random.dropFirst(2 * (limit + 1)) }
            return (0...limit).map { j in
                RangeProof.Randomness(nonce: random[random.startIndex + 2 * j],
                                      challenge: random[random.startIndex + 2 * j + 1])
            }
        }
        let drafts = contests.map { contest -> ContestDraft in
            let sum = contest.votes.reduce(0, +)
            precondition((contest.minimumTotal...contest.contestLimit).contains(sum), "the votes break the limits")
            var nonceSum = field.zero
            let selections = contest.votes.enumerated().map { position, vote -> SelectionDraft in
                let nonce = rules.selectionNonce(identifierKey: identifierKey, ballotNonce: ballotNonce,
                                                 contestIndex: contest.index, optionIndex: position + 1)
                nonceSum = field.add(nonceSum, nonce)
                let ciphertext = rules.key.encrypt(UInt64(vote), nonce: nonce)
                let proof = RangeProof.commit(value: vote, nonce: nonce, limit: contest.optionLimit, key: rules.key,
                                              randomness: randomness(limit: contest.optionLimit))
                let offset = elements.count
                elements += [ciphertext.alpha, ciphertext.beta] + proof.commitments
                return SelectionDraft(ciphertext: ciphertext, proof: proof, offset: offset)
            }
            // The statement is the product of the selections' ciphertexts shifted down by m, which is
            // Enc(Σσ − m, Σξ); where a group operation costs about as much as an exponentiation, the two
            // fixed-base exponentiations of an encryption are the cheaper way to it.
            let statement = group.hasCostlyOperations
                ? rules.key.encrypt(UInt64(sum - contest.minimumTotal), nonce: nonceSum)
                : rules.key.limitStatement(total: ElGamalCiphertext.sum(selections.map { $0.ciphertext }, in: group),
                                           minimum: contest.minimumTotal)
            let limit = contest.contestLimit - contest.minimumTotal
            let proof = RangeProof.commit(value: sum - contest.minimumTotal, nonce: nonceSum, limit: limit,
                                          key: rules.key, randomness: randomness(limit: limit))
            let offset = elements.count
            elements += [statement.alpha, statement.beta] + proof.commitments
            return ContestDraft(index: contest.index, selections: selections, limitProof: proof, offset: offset)
        }
        let encoded = group.encodeAll(elements)
        let size = group.elementByteCount
        func bytes(at offset: Int, count: Int) -> ArraySlice<UInt8> {
            encoded[offset * size..<(offset + count) * size]
        }
        let encrypted = drafts.map { draft -> EncryptedContest<Group> in
            let selections = draft.selections.enumerated().map { position, selection in
                let c = rules.selectionChallenge(
                    identifierKey: identifierKey, contestIndex: draft.index, optionIndex: position + 1,
                    encoded: bytes(at: selection.offset, count: 2 + selection.proof.commitments.count))
                return EncryptedSelection(optionIndex: position + 1, ciphertext: selection.ciphertext,
                                          proof: selection.proof.finish(challenge: c, in: field))
            }
            let c = rules.contestLimitChallenge(
                identifierKey: identifierKey, contestIndex: draft.index,
                encoded: bytes(at: draft.offset, count: 2 + draft.limitProof.commitments.count))
            let contestHash = rules.contestHash(
                identifierKey: identifierKey, contestIndex: draft.index,
                encoded: draft.selections.flatMap { bytes(at: $0.offset, count: 2) })
            return EncryptedContest(index: draft.index, selections: selections,
                                    limitProof: draft.limitProof.finish(challenge: c, in: field),
                                    contestHash: contestHash)
        }
        let code = rules.confirmationCode(identifierKey: identifierKey,
                                          contestHashes: encrypted.map { $0.contestHash },
                                          chainingField: chainingField)
        return EncryptedBallot(identifier: identifier, contests: encrypted, chainingField: chainingField,
                               confirmationCode: code)
    }

    /// A selection whose exponentiations are done: its ciphertext, its range proof awaiting the challenge, and the
    /// position of `α, β, a_0, b_0, …` among the ballot's elements to encode.
    private struct SelectionDraft {
        let ciphertext: ElGamalCiphertext<Group>
        let proof: RangeProof<Group>.Pending
        let offset: Int
    }

    /// A contest whose exponentiations are done: its selections, its contest-limit proof awaiting the challenge,
    /// and the position of the statement and the proof's commitments among the ballot's elements to encode.
    private struct ContestDraft {
        let index: Int
        let selections: [SelectionDraft]
        let limitProof: RangeProof<Group>.Pending
        let offset: Int
    }
}
