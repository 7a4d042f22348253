import TabellaGroups
import TabellaRecord

extension BeleniosRun {
    /// Step 6, `jobs` ballots at a time: every Ballot event's ballot (see ``check(_:_:)``). Returns the ballots that
    /// passed, in the order of the events.
    mutating func checkBallots(_ proofs: BeleniosProofs, jobs: Int,
                               progress: (@Sendable (Int, Int) -> Void)?) async -> [CheckedBallot] {
        let entries = events(.ballot)
        if entries.isEmpty { notApplicable[6] = "the archive holds no ballots" }
        let work = entries.map { entry in (entry.event.height, payload(of: entry)) }
        let context = BallotContext(proofs: proofs, election: election!, credentials: Set(weights.keys))
        let units = work.map { height, member in
            { @Sendable in context.check(height: height, member: member) }
        }
        let results = await ParallelUnits.run(units, jobs: jobs, progress: progress)
        var checked = [CheckedBallot]()
        for result in results {
            tally.count(6)
            switch result {
            case .success(let ballot): checked.append(ballot)
            case .failure(let rejection): fail(6, rejection.condition, rejection.file, rejection.object,
                                               rejection.reason)
            }
        }
        return checked
    }

    /// Step 7: no ballot is replayed (two events with the same ballot), the last ballot of each credential is
    /// counted (specification 2.0, section 4.15), and the EncryptedTally event's counts are those ballots' number
    /// and total weight.
    mutating func checkCounting(_ ballots: [CheckedBallot]) {
        var seen = [String: Int]()
        for entry in events(.ballot) {
            guard let payload = entry.event.payload else { continue }
            if let first = seen[payload] {
                fail(7, "replay", entry.member.name, Self.name(entry.event), "replays the ballot of event \(first)")
            }
            seen[payload] = seen[payload] ?? entry.event.height
        }
        let counted = Self.lastPerCredential(ballots)
        guard let sized = sizedTally(7) else {
            notApplicable[7] = "the archive holds no encrypted tally yet"
            return
        }
        tally.count(7, counted.count)
        let weight = counted.reduce(0) { $0 + weights[$1.credential, default: 0] }
        if sized.value.numTallied != counted.count || sized.value.totalWeight != weight {
            fail(7, "count", sized.file, "$", "the tally counts \(sized.value.numTallied) ballots of weight "
                 + "\(sized.value.totalWeight); the last ballots per credential are \(counted.count), of weight "
                 + "\(weight)")
        }
    }

    /// The ballots counted: for each credential, its last ballot, in the order of those last ballots' events.
    static func lastPerCredential(_ ballots: [CheckedBallot]) -> [CheckedBallot] {
        var last = [String: Int]()
        for (index, ballot) in ballots.enumerated() { last[ballot.credential] = index }
        return ballots.indices.filter { last[ballots[$0].credential] == $0 }.map { ballots[$0] }
    }

    /// The EncryptedTally event's sized tally and its member's name; a failure of `step` when it cannot be read.
    mutating func sizedTally(_ step: Int) -> (value: BeleniosSizedTally, file: String, position: Int)? {
        guard let entry = events(.encryptedTally).first, let member = payload(of: entry) else { return nil }
        do {
            return (try BeleniosSizedTally(bytes: member.bytes, file: member.name), member.name, member.position)
        } catch {
            fail(step, "", member.name, error.path, error.message)
            return nil
        }
    }
}

/// Why step 6 rejected a ballot.
struct BallotRejection: Error {
    let condition: String
    let file: String
    let object: String
    let reason: String
}

/// What checking one ballot needs; shared by the tasks of step 6.
struct BallotContext: Sendable {
    typealias Element = IntegerGroup.Element

    let proofs: BeleniosProofs
    let election: BeleniosElection
    let credentials: Set<String>

    /// One ballot: it reads; it names this election and its fingerprint and a listed credential; it has one answer
    /// of the right shape per question, with every ciphertext in the group; every individual, overall and blank
    /// proof verifies; its signature signs the `H_JSON` of the ballot without the signature (sections 4.11 to 4.15).
    /// The proofs come first so that a changed proof or ciphertext is reported as such, not as a broken signature.
    func check(height: Int, member: BeleniosArchive.Member?) -> Result<BeleniosRun.CheckedBallot, BallotRejection> {
        let object = "event \(height) (Ballot)"
        guard let member else {
            return .failure(BallotRejection(condition: "", file: "", object: object, reason: "no payload"))
        }
        func reject(_ condition: String, _ reason: String) -> Result<BeleniosRun.CheckedBallot, BallotRejection> {
            .failure(BallotRejection(condition: condition, file: member.name, object: object, reason: reason))
        }
        let ballot: BeleniosBallot
        do { ballot = try BeleniosBallot(bytes: member.bytes, file: member.name) } catch {
            return reject("", "\(error.path): \(error.message)")
        }
        if ballot.electionUUID != election.uuid { return reject("election", "the ballot names another election") }
        if ballot.electionHash != election.fingerprint {
            return reject("election", "the ballot's election hash is not the election's fingerprint")
        }
        if !credentials.contains(ballot.credential) {
            return reject("credential", "the credential is not among the public credentials")
        }
        guard ballot.answers.count == election.questions.count else {
            return reject("shape", "\(ballot.answers.count) answers for \(election.questions.count) questions")
        }
        let credential: Element
        do { credential = try proofs.element(ballot.credential, "the credential") } catch {
            return reject("credential", error.reason)
        }
        var choices = [[(alpha: Element, beta: Element)]]()
        let prefix = "\(election.fingerprint)|\(ballot.credential)"
        for (index, (answer, question)) in zip(ballot.answers, election.questions).enumerated() {
            do {
                choices.append(try check(answer, question, prefix: prefix, "answer \(index)"))
            } catch {
                return reject("proof", error.reason)
            }
        }
        if BeleniosElection.fingerprint(ballot.unsignedSerialization) != ballot.signatureHash {
            return reject("signature", "the signature's hash is not the hash of the ballot without its signature")
        }
        do {
            try proofs.checkSchnorr(ballot.signature, key: credential, "the signature") {
                "sig|\(ballot.signatureHash)|\($0)"
            }
        } catch {
            return reject("signature", error.reason)
        }
        return .success(BeleniosRun.CheckedBallot(credential: ballot.credential, choices: choices))
    }

    /// One answer's shape and proofs, `S0 = φ|credential` being `prefix`.
    private func check(_ answer: BeleniosBallot.Answer, _ question: BeleniosElection.Question, prefix: String,
                       _ what: String) throws(BeleniosFailure) -> [(alpha: Element, beta: Element)] {
        let count = question.answers.count + (question.blank ? 1 : 0)
        guard answer.choices.count == count, answer.individualProofs.count == count,
              (answer.blankProof != nil) == question.blank else {
            let blank = answer.blankProof != nil ? "a blank proof" : "no blank proof"
            throw BeleniosFailure("\(what) has \(answer.choices.count) choices, \(answer.individualProofs.count) "
                                  + "individual proofs and \(blank) for \(count) choices")
        }
        var ciphertexts = [(alpha: Element, beta: Element)]()
        for (index, choice) in answer.choices.enumerated() {
            ciphertexts.append((try proofs.element(choice.alpha, "\(what) choice \(index)'s alpha"),
                                try proofs.element(choice.beta, "\(what) choice \(index)'s beta")))
        }
        for (index, (choice, ciphertext)) in zip(answer.choices, ciphertexts).enumerated() {
            try proofs.checkDisjunction(answer.individualProofs[index], cases: [(ciphertext.0, ciphertext.1, 0),
                                                                               (ciphertext.0, ciphertext.1, 1)],
                                        "\(what) choice \(index)'s individual proof") {
                "prove|\(prefix)|\(choice.alpha),\(choice.beta)|\($0)"
            }
        }
        let statement = prefix + "|" + answer.choices.map { "\($0.alpha),\($0.beta)" }.joined(separator: ",")
        let group = proofs.group
        let counted = question.blank ? Array(ciphertexts.dropFirst()) : ciphertexts
        let sum = (group.product(counted.map(\.alpha)), group.product(counted.map(\.beta)))
        let range = (question.min...question.max).map { (sum.0, sum.1, $0) }
        if let blankProof = answer.blankProof {
            let flag = ciphertexts[0]
            try proofs.checkDisjunction(blankProof, cases: [(flag.0, flag.1, 0), (sum.0, sum.1, 0)],
                                        "\(what)'s blank proof") { "bproof0|\(statement)|\($0)" }
            try proofs.checkDisjunction(answer.overallProof, cases: [(flag.0, flag.1, 1)] + range,
                                        "\(what)'s overall proof") { "bproof1|\(statement)|\($0)" }
        } else {
            let sumText = "\(proofs.text(sum.0)),\(proofs.text(sum.1))"
            try proofs.checkDisjunction(answer.overallProof, cases: range, "\(what)'s overall proof") {
                "prove|\(statement)|\(sumText)|\($0)"
            }
        }
        return ciphertexts
    }
}
