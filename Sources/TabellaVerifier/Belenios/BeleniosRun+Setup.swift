import TabellaGroups
import TabellaRecord

extension BeleniosRun {
    /// The Base58 alphabet of Belenios identifiers.
    private static let base58 = Set("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")

    /// The member named `hash` before the setup event, parsed by `parse`; a failure of `step` otherwise.
    private mutating func setupMember<T>(_ step: Int, _ hash: String, _ what: String,
                                         _ parse: ([UInt8], String) throws(RecordError) -> T) -> T? {
        guard let setupEvent = events(.setup).first,
              let member = archive.data(hash, before: setupEvent.member.position) else {
            fail(step, "", archive.path, what, "no data member \(hash) precedes the Setup event")
            return nil
        }
        do { return try parse(member.bytes, member.name) } catch {
            if error.code == .unsupported { unsupported = error }
            fail(step, "", member.name, error.path, error.message)
            return nil
        }
    }

    /// Step 2: the Setup event's payload, the election it names (version 1, a group Belenios defines, a public key
    /// in the group, a Base58 identifier, homomorphic questions with 0 ≤ min ≤ max ≤ the number of answers).
    mutating func checkElection() {
        for step in 2...10 { notApplicable[step] = "the archive holds no readable Setup event" }
        guard let setupEvent = events(.setup).first, let member = payload(of: setupEvent) else { return }
        do { setup = try BeleniosSetup(bytes: member.bytes, file: member.name) } catch {
            fail(2, "", member.name, error.path, error.message)
            return
        }
        guard let setup, let election = setupMember(2, setup.election, "election", BeleniosElection.init) else {
            return
        }
        self.election = election
        tally.count(2)
        let file = setup.election
        if election.version != 1 { fail(2, "", file, "$.version", "version \(election.version) is not 1") }
        if election.uuid.count < 14 || !election.uuid.allSatisfy(Self.base58.contains) {
            fail(2, "", file, "$.uuid", "`\(election.uuid)` is not a Base58 identifier of at least 14 characters")
        }
        for (index, question) in election.questions.enumerated()
        where question.answers.isEmpty || question.min < 0 || question.min > question.max
            || question.max > question.answers.count {
            fail(2, "", file, "$.questions[\(index)]", "min \(question.min) and max \(question.max) do not fit "
                 + "\(question.answers.count) answers")
        }
        guard let group = BeleniosGroups.group(named: election.group) else {
            fail(2, "group", file, "$.group", "`\(election.group)` is not a group Belenios defines")
            return
        }
        do {
            let key = try BeleniosProofs.element(election.publicKey, "the election public key", in: group)
            proofs = BeleniosProofs(group: group, publicKey: key, fingerprint: election.fingerprint)
            for step in 3...10 { notApplicable[step] = nil }
        } catch {
            fail(2, "group", file, "$.public_key", error.reason)
        }
    }

    /// Steps 3 and 4: each trustee key's proof of knowledge; for a Pedersen set, its certificates' and polynomial
    /// commitments' signatures and each verification key against the commitments; then the election key as the
    /// product of the single keys and the sets' constant commitments.
    mutating func checkTrustees(_ proofs: BeleniosProofs) {
        guard let setup, let items = setupMember(3, setup.trustees, "trustees", BeleniosTrustee.parse) else { return }
        let group = proofs.group
        var subKeys = [Element]()
        var owner = 1
        for (index, item) in items.enumerated() {
            let path = "$[\(index)]"
            let owners = Array(owner..<owner + item.trusteeCount)
            owner += item.trusteeCount
            do throws(BeleniosFailure) {
                switch item {
                case .single(let key):
                    tally.count(3)
                    let element = try checkKey(key, proofs, "trustee \(owners[0])'s key")
                    trusteeKeys[owners[0]] = element
                    subKeys.append(element)
                    trusteeItems.append(TrusteeItem(owners: owners, threshold: 1))
                case .pedersen(let set):
                    tally.count(3, set.verificationKeys.count)
                    let constants = try checkPedersen(set, owners: owners, proofs, file: setup.trustees, path: path)
                    subKeys.append(group.product(constants))
                    trusteeItems.append(TrusteeItem(owners: owners, threshold: set.threshold))
                }
            } catch {
                fail(3, "", setup.trustees, path, error.reason)
            }
        }
        guard trusteeItems.count == items.count else {
            trusteeItems = []  // the result cannot be combined from a structure with a failed item
            return
        }
        tally.count(4)
        if group.product(subKeys) != proofs.publicKey {
            fail(4, "", setup.election, "$.public_key", "the election key is not the product of the trustees' keys")
        }
    }

    /// A trustee public key in the group with a valid proof of knowledge, `pok|G|X|A`.
    private func checkKey(_ key: BeleniosTrustee.PublicKey, _ proofs: BeleniosProofs, _ what: String)
        throws(BeleniosFailure) -> Element
    {
        let element = try proofs.element(key.publicKey, what)
        let group = proofs.group.name
        try proofs.checkSchnorr(key.pok, key: element, "\(what)'s proof of knowledge") { commitment in
            "pok|\(group)|\(key.publicKey)|\(commitment)"
        }
        return element
    }

    /// The checks of one Pedersen set; returns each trustee's constant commitment `A_z0`.
    private mutating func checkPedersen(_ set: BeleniosTrustee.Threshold, owners: [Int], _ proofs: BeleniosProofs,
                                        file: String, path: String) throws(BeleniosFailure) -> [Element] {
        let count = set.verificationKeys.count
        guard set.certs.count == count, set.coefexps.count == count, (1...count).contains(set.threshold) else {
            throw BeleniosFailure("a Pedersen set of \(count) verification keys has \(set.certs.count) certificates, "
                                  + "\(set.coefexps.count) commitments and threshold \(set.threshold)")
        }
        var commitments = [[Element]]()
        for (index, (cert, coefexps)) in zip(set.certs, set.coefexps).enumerated() {
            let what = "trustee \(owners[index])"
            let keys: (verification: String, encryption: String)
            let texts: [String]
            do {
                keys = try BeleniosTrustee.certificateKeys(cert.message, file: file, path: "\(path).certs[\(index)]")
                texts = try BeleniosTrustee.coefficientCommitments(coefexps.message, file: file,
                                                                   path: "\(path).coefexps[\(index)]")
            } catch {
                throw BeleniosFailure("\(error.path): \(error.message)")
            }
            let verification = try proofs.element(keys.verification, "\(what)'s verification key")
            _ = try proofs.element(keys.encryption, "\(what)'s encryption key")
            for message in [cert, coefexps] {
                try proofs.checkSchnorr(message.signature, key: verification, "\(what)'s signature") { commitment in
                    "sigmsg|\(message.message)|\(commitment)"
                }
            }
            guard texts.count == set.threshold else {
                throw BeleniosFailure("\(what) commits to \(texts.count) coefficients, not the threshold's "
                                      + "\(set.threshold)")
            }
            var row = [Element]()
            for (degree, text) in texts.enumerated() {
                row.append(try proofs.element(text, "\(what)'s commitment \(degree)"))
            }
            commitments.append(row)
        }
        let scalars = proofs.group.scalars
        for (index, key) in set.verificationKeys.enumerated() {
            let what = "trustee \(owners[index])'s verification key"
            let element = try checkKey(key, proofs, what)
            let point = scalars.scalar(UInt64(index + 1))
            var power = scalars.one
            var exponents = [Scalar]()
            for _ in 0..<set.threshold {
                exponents.append(power)
                power = scalars.multiply(power, point)
            }
            let expected = proofs.group.product(commitments.map { proofs.group.multiPower($0, exponents) })
            if expected != element {
                throw BeleniosFailure("\(what) is not ∏ A_ik^(\(index + 1)^k) of the polynomial commitments")
            }
            trusteeKeys[owners[index]] = element
        }
        return commitments.map { $0[0] }
    }

    /// Step 5: the public credentials: each a group element, none twice, with positive weights.
    mutating func checkCredentials(_ proofs: BeleniosProofs) {
        guard let setup, let credentials = setupMember(5, setup.credentials, "credentials", BeleniosCredential.parse)
        else { return }
        for (index, credential) in credentials.enumerated() {
            tally.count(5)
            do throws(BeleniosFailure) {
                _ = try proofs.element(credential.key, "the public credential")
                if weights[credential.key] != nil { throw BeleniosFailure("the credential is listed twice") }
                weights[credential.key] = credential.weight
            } catch {
                fail(5, "", setup.credentials, "$[\(index)]", error.reason)
            }
        }
    }
}
