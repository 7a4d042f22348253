import TabellaGroups

/// What a contest of a ballot must satisfy: its index and limits, from the manifest.
public struct ContestRule: Sendable, Hashable {
    /// The contest index (1-based).
    public let index: Int
    /// L.
    public let contestLimit: Int
    /// The least the selections must add up to (0 in ElectionGuard).
    public let minimumTotal: Int
    /// R.
    public let optionLimit: Int
    /// The number of options.
    public let optionCount: Int
    /// The number of a written answer's encrypted elements (``EncryptedWriteIn``; 0 but in a write-in contest).
    public let writeInCount: Int

    /// A contest's rule.
    public init(index: Int, contestLimit: Int, minimumTotal: Int = 0, optionLimit: Int, optionCount: Int,
                writeInCount: Int = 0) {
        self.index = index
        self.contestLimit = contestLimit
        self.minimumTotal = minimumTotal
        self.optionLimit = optionLimit
        self.optionCount = optionCount
        self.writeInCount = writeInCount
    }
}

/// A reason an encrypted ballot is invalid, naming the contest and option.
public struct BallotProblem: Sendable, Hashable, CustomStringConvertible {
    /// The contest index, if the problem is inside a contest.
    public let contestIndex: Int?
    /// The option index, if the problem is in one selection.
    public let optionIndex: Int?
    /// What is wrong.
    public let reason: String

    /// A problem.
    public init(contestIndex: Int?, optionIndex: Int?, reason: String) {
        self.contestIndex = contestIndex
        self.optionIndex = optionIndex
        self.reason = reason
    }

    /// `contest i, option j: reason`.
    public var description: String {
        let place = [contestIndex.map { "contest \($0)" }, optionIndex.map { "option \($0)" }].compactMap { $0 }
        return (place + [reason]).joined(separator: ", ")
    }
}

/// The one check of an ElectionGuard 2.1 ballot: the voter's client runs it before casting, the board before
/// appending, the verifier on the whole record.
///
/// It checks the ballot's shape against the contest rules, every range proof and contest-limit proof (all of the
/// ballot's proofs in one ``RangeProofBatch``, with results identical to checking them one by one), the contest
/// hashes and the confirmation code.
public struct BallotValidator<Group: PrimeOrderGroup>: Sendable {
    /// The election's rules and key.
    public let rules: ElectionGuard21<Group>
    /// The contests of the ballot style, in order.
    public let contests: [ContestRule]

    /// A validator for ballots of one style.
    public init(rules: ElectionGuard21<Group>, contests: [ContestRule]) {
        self.rules = rules
        self.contests = contests
    }

    /// Every problem of `ballot`; empty when it is valid.
    public func problems(of ballot: EncryptedBallot<Group>) -> [BallotProblem] {
        problems(of: [ballot])[0]
    }

    /// Every problem of each ballot, in order; an empty list for a valid ballot.
    ///
    /// The range proofs of all the ballots are checked in one ``RangeProofBatch``, whose multi-exponentiation costs
    /// less per term the more terms it has; the results are those of checking each ballot alone.
    public func problems(of ballots: [EncryptedBallot<Group>]) -> [[BallotProblem]] {
        var problems = [[BallotProblem]](repeating: [], count: ballots.count)
        var items = [RangeProofBatch<Group>.Item]()
        var places = [Place]()
        for (position, ballot) in ballots.enumerated() {
            problems[position] = collect(ballot, position: position, into: &items, places: &places)
        }
        let results = RangeProofBatch(key: rules.key).verify(items) { index, commitments in
            let place = places[index]
            let ciphertext = items[index].ciphertext
            if let option = place.option {
                return rules.selectionChallenge(identifierHash: place.identifierHash, contestIndex: place.contest,
                                                optionIndex: option, ciphertext: ciphertext, commitments: commitments)
            }
            return rules.contestLimitChallenge(identifierHash: place.identifierHash, contestIndex: place.contest,
                                               ciphertext: ciphertext, commitments: commitments)
        }
        for (index, valid) in results.enumerated() where !valid {
            let place = places[index]
            problems[place.ballot].append(BallotProblem(
                contestIndex: place.contest, optionIndex: place.option,
                reason: place.option == nil ? "the contest-limit proof is invalid" : "the range proof is invalid"))
        }
        return problems
    }

    /// Where a proof belongs: its ballot, contest and option (none for the contest-limit proof).
    private struct Place {
        let ballot: Int
        let contest: Int
        let option: Int?
        let identifierHash: [UInt8]
    }

    /// The checks of one ballot that need no exponentiation, and its proofs added to `items`.
    private func collect(
        _ ballot: EncryptedBallot<Group>, position: Int, into items: inout [RangeProofBatch<Group>.Item],
        places: inout [Place]
    ) -> [BallotProblem] {
        let group = rules.group
        guard ballot.identifier.count == 32, ballot.chainingField.count == 36 else {
            return [BallotProblem(contestIndex: nil, optionIndex: nil,
                                  reason: "the identifier must have 32 bytes and the chaining field 36")]
        }
        guard ballot.contests.map({ $0.index }) == contests.map({ $0.index }) else {
            return [BallotProblem(contestIndex: nil, optionIndex: nil,
                                  reason: "the contests are not those of the ballot style, in order")]
        }
        var problems = [BallotProblem]()
        let identifierHash = rules.identifierHash(ballotIdentifier: ballot.identifier)
        for (contest, rule) in zip(ballot.contests, contests) {
            guard contest.selections.map({ $0.optionIndex }) == (0..<rule.optionCount).map({ $0 + 1 }) else {
                problems.append(BallotProblem(contestIndex: rule.index, optionIndex: nil,
                                              reason: "the options are not 1...\(rule.optionCount) in order"))
                continue
            }
            for selection in contest.selections {
                items.append(.init(ciphertext: selection.ciphertext, limit: rule.optionLimit, proof: selection.proof))
                places.append(Place(ballot: position, contest: rule.index, option: selection.optionIndex,
                                    identifierHash: identifierHash))
            }
            let statement = rules.key.limitStatement(total: contest.total(in: group), minimum: rule.minimumTotal)
            items.append(.init(ciphertext: statement, limit: rule.contestLimit - rule.minimumTotal,
                               proof: contest.limitProof))
            places.append(Place(ballot: position, contest: rule.index, option: nil, identifierHash: identifierHash))
            problems += writeInProblems(contest, rule: rule, identifierHash: identifierHash)
            let expectedHash = rules.contestHash(identifierHash: identifierHash, contestIndex: rule.index,
                                                 ciphertexts: contest.selections.map { $0.ciphertext })
            if expectedHash != contest.contestHash {
                problems.append(BallotProblem(contestIndex: rule.index, optionIndex: nil,
                                              reason: "the contest hash is wrong"))
            }
        }
        let code = rules.confirmationCode(identifierHash: identifierHash,
                                          contestHashes: ballot.contests.map { $0.contestHash },
                                          chainingField: ballot.chainingField)
        if code != ballot.confirmationCode {
            problems.append(BallotProblem(contestIndex: nil, optionIndex: nil,
                                          reason: "the confirmation code is wrong"))
        }
        return problems
    }

    /// The problems of a contest's write-in elements: as many as the rule says, none with α the identity, each
    /// proof valid for this ballot and place.
    private func writeInProblems(_ contest: EncryptedContest<Group>, rule: ContestRule, identifierHash: [UInt8])
        -> [BallotProblem]
    {
        guard contest.writeIns.count == rule.writeInCount else {
            return [BallotProblem(contestIndex: rule.index, optionIndex: nil, reason: "the contest has "
                + "\(contest.writeIns.count) write-in elements, not \(rule.writeInCount)")]
        }
        return contest.writeIns.enumerated().compactMap { offset, writeIn in
            guard writeIn.ciphertext.alpha != rules.group.identity,
                  writeIn.verify(rules: rules, identifierHash: identifierHash, contestIndex: rule.index,
                                 position: offset + 1) else {
                return BallotProblem(contestIndex: rule.index, optionIndex: nil,
                                     reason: "the proof of write-in element \(offset + 1) is invalid")
            }
            return nil
        }
    }
}
