import Foundation
import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// An ElectionGuard 2.0 record that Tabella writes from scratch over the shared record's manifest, in the Kotlin
/// implementation's JSON format: a key ceremony of 5 guardians with quorum 3, one device chaining the confirmation
/// codes of its ballots and closing its chain, each ballot with encrypted contest data (§3.3.6), and every even
/// ballot challenged and decrypted (selections and contest data) by guardians 1, 3 and 5 (§3.6.2 to §3.6.5).
///
/// The ballots hold the manifest's first two contests; the record has no tally, so steps 8 to 11 do not apply.
/// `chainStartAlone` writes B_aux,1 = H_0 and the chain file's `baux0` as H_0, as the Kotlin implementation does;
/// `contestDataForm` is the form of C1 and C2 in the contest-data decryption challenges.
struct ChainedRecord {
    static let device = "chainedDevice"
    static let ballots = "encrypted_ballots/\(device)"
    static let chainFile = "\(ballots)/ballot_chain.json"
    static let guardians = 5
    static let quorum = 3
    /// The guardians who decrypt the challenged ballots.
    static let decrypting = [1, 3, 5]

    let copy: RecordCopy
    let group = IntegerGroup.electionGuard
    let rules: ElectionGuard20<IntegerGroup>
    /// P(i) of each decrypting guardian, and its Lagrange weight w_i.
    private let shares: [(share: Scalar, weight: Scalar)]
    private let form: ElectionGuard20<IntegerGroup>.ContestDataForm

    /// Writes the record into a new copy of the shared record (its ballots and tallies removed).
    init(ballotCount: Int = 4, chainStartAlone: Bool = false,
         contestDataForm: ElectionGuard20<IntegerGroup>.ContestDataForm = .bytes) throws {
        let group = IntegerGroup.electionGuard
        copy = try RecordCopy()
        form = contestDataForm
        let shared = try ElectionGuardRecord(directory: copy.directory)
        let template = try RecordElection.object(copy, "\(RecordCopy.ballots)/eballot-id-1.json")
        for file in ["encrypted_tally.json", "tally.json", "encrypted_ballots"] {
            try FileManager.default.removeItem(at: copy.directory.appendingPathComponent(file))
        }
        let field = group.scalars
        // The key ceremony: guardian i's polynomial a_i0 + a_i1 x + a_i2 x², its commitments and their proofs.
        let coefficients = (1...Self.guardians).map { _ in (0..<Self.quorum).map { _ in field.randomNonzero() } }
        let parameterBaseHash = shared.config.parameterBaseHash
        var guardianObjects = [[String: Any]]()
        var key = group.identity
        for (index, polynomial) in coefficients.enumerated() {
            let proofs = polynomial.enumerated().map { j, secret -> [String: Any] in
                let commitment = group.generatorPower(secret: secret)
                let proof = SchnorrProof<IntegerGroup>.prove(secret: secret, in: group) {
                    ElectionGuard20.coefficientChallenge(parameterBaseHash: parameterBaseHash, guardian: index + 1,
                                                         coefficient: j, commitment: commitment,
                                                         proofCommitment: $0, in: group)
                }
                return ["public_key": Self.hex(group.encode(commitment)),
                        "challenge": Self.hex(field.encode(proof.challenge)),
                        "response": Self.hex(field.encode(proof.response))]
            }
            key = group.multiply(key, group.generatorPower(secret: polynomial[0]))
            guardianObjects.append(["guardian_id": "guardian\(index + 1)", "x_coordinate": index + 1,
                                    "coefficient_proofs": proofs])
        }
        let baseHash = ElectionGuard20<IntegerGroup>.baseHash(
            parameterBaseHash: parameterBaseHash, manifestHash: shared.config.manifestHash,
            guardians: Self.guardians, quorum: Self.quorum)
        let extendedBaseHash = ElectionGuard20.extendedBaseHash(baseHash: baseHash, key: key, in: group)
        rules = ElectionGuard20(key: ElGamalPublicKey(group: group, element: key), extendedBaseHash: extendedBaseHash)
        var config = try RecordElection.object(copy, "election_config.json")
        config["number_of_guardians"] = Self.guardians
        config["quorum"] = Self.quorum
        config["election_base_hash"] = Self.hex(baseHash)
        config["chain_confirmation_codes"] = true
        try RecordElection.write(config, to: "election_config.json", in: copy)
        try RecordElection.write(["joint_public_key": Self.hex(group.encode(key)),
                                  "extended_base_hash": Self.hex(extendedBaseHash), "guardians": guardianObjects],
                                 to: "election_initialized.json", in: copy)
        // P(i) = Σ_guardians a_g0 + a_g1 i + a_g2 i², the share of the joint secret that guardian i holds.
        let weights = LagrangeCoefficients.atZero(Self.decrypting, scalars: field)
        shares = zip(Self.decrypting, weights).map { i, weight in
            let x = field.scalar(UInt64(i))
            let share = coefficients.reduce(field.zero) { sum, polynomial in
                field.add(sum, polynomial.reversed().reduce(field.zero) { field.add(field.multiply($0, x), $1) })
            }
            return (share, weight)
        }
        try writeBallots(count: ballotCount, template: template, deviceAux: shared.config.baux0,
                         chainStartAlone: chainStartAlone)
    }

    /// Uppercase hexadecimal, as the Kotlin record writes it.
    static func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes).uppercased() }

    /// The ballots, chained in order, their decryptions when challenged, and the closed chain.
    private func writeBallots(count: Int, template: [String: Any], deviceAux: [UInt8], chainStartAlone: Bool)
        throws
    {
        let start = rules.chainStart(deviceAux: deviceAux)
        var aux = chainStartAlone ? start : rules.chainedAux(previous: start, deviceAux: deviceAux)
        var last = start
        var ids = [String]()
        let contests = try (template["contests"] as? [[String: Any]]).unwrap("the template's contests")
        for number in 1...count {
            let id = "chained-\(number)"
            let challenged = number.isMultiple(of: 2)
            var encrypted = [[String: Any]]()
            var decrypted = [[String: Any]]()
            for contest in contests.prefix(2) {
                let (ballotContest, decryption) = try encryptContest(contest, vote: number, decrypt: challenged)
                encrypted.append(ballotContest)
                if let decryption { decrypted.append(decryption) }
            }
            let hashes = try encrypted.map { try Hex.decode(($0["contest_hash"] as? String) ?? "").unwrap("a hash") }
            let code = rules.confirmationCode(contestHashes: hashes, aux: aux)
            let ballot: [String: Any] = [
                "ballot_id": id, "ballot_style_id": template["ballot_style_id"]!, "encrypting_device": Self.device,
                "timestamp": 1_700_000_000 + number, "code_baux": Self.hex(aux), "confirmation_code": Self.hex(code),
                "election_id": Self.hex(rules.extendedBaseHash), "contests": encrypted,
                "state": challenged ? "SPOILED" : "CAST", "is_preencrypt": false,
            ]
            try RecordElection.write(ballot, to: "\(Self.ballots)/eballot-\(id).json", in: copy)
            if challenged {
                try RecordElection.write(["id": id, "contests": decrypted,
                                          "election_id": Self.hex(rules.extendedBaseHash)],
                                         to: "challenged_ballots/dballot-\(id).json", in: copy)
            }
            ids.append(id)
            last = code
            aux = rules.chainedAux(previous: code, deviceAux: deviceAux)
        }
        try RecordElection.write([
            "encrypting_device": Self.device, "baux0": Self.hex(chainStartAlone ? start : deviceAux),
            "ballot_ids": ids, "last_confirmation_code": Self.hex(last), "chaining": true,
            "closing_hash": Self.hex(rules.chainClose(last: last, deviceAux: deviceAux)), "metadata": [:],
        ], to: Self.chainFile, in: copy)
    }

    /// One contest of a ballot with a vote for option `vote` mod m (its range proofs, contest hash and encrypted
    /// contest data), and its decryption when `decrypt`.
    private func encryptContest(_ template: [String: Any], vote: Int, decrypt: Bool) throws
        -> (contest: [String: Any], decryption: [String: Any]?)
    {
        let field = group.scalars
        var contest = template
        let options = try (template["selections"] as? [[String: Any]]).unwrap("the contest's selections")
        let limit = try (template["votes_allowed"] as? Int).unwrap("votes_allowed")
        var selections = [[String: Any]]()
        var decryptedSelections = [[String: Any]]()
        var ciphertexts = [ElGamalCiphertext<IntegerGroup>]()
        var nonceSum = field.zero
        for (index, var selection) in options.enumerated() {
            let value = index == vote % options.count ? 1 : 0
            let nonce = field.randomNonzero()
            nonceSum = field.add(nonceSum, nonce)
            let ciphertext = rules.key.encrypt(UInt64(value), nonce: nonce)
            let proof = RangeProof.prove(ciphertext: ciphertext, value: value, nonce: nonce, limit: 1, key: rules.key) {
                rules.rangeChallenge(ciphertext: ciphertext, commitments: $0)
            }
            selection["encrypted_vote"] = json(ciphertext)
            selection["proof"] = json(proof)
            selections.append(selection)
            ciphertexts.append(ciphertext)
            let (partial, decryption) = decryptJointly(ciphertext.alpha) { a, b, partial in
                rules.decryptionChallenge(ciphertext: ciphertext, a: a, b: b, partial: partial)
            }
            decryptedSelections.append([
                "selection_id": selection["selection_id"]!, "tally": value,
                "b_over_m": Self.hex(group.encode(group.divide(ciphertext.beta, partial))),
                "encrypted_vote": json(ciphertext), "proof": json(decryption),
            ])
        }
        let total = ElGamalCiphertext.sum(ciphertexts, in: group)
        let totalProof = RangeProof.prove(ciphertext: total, value: 1, nonce: nonceSum, limit: limit, key: rules.key) {
            rules.rangeChallenge(ciphertext: total, commitments: $0)
        }
        let index = try (template["sequence_order"] as? Int).unwrap("sequence_order")
        contest["selections"] = selections
        contest["proof"] = json(totalProof)
        contest["contest_hash"] = Self.hex(rules.contestHash(contestIndex: index, ciphertexts: ciphertexts))
        let status: [String: Any] = ["over_votes": [Int](), "write_ins": [String](), "status": "normal"]
        let plaintext = try JSONSerialization.data(withJSONObject: status, options: .sortedKeys)
        let data = encryptContestData([UInt8](plaintext), contestIndex: index)
        contest["encrypted_contest_data"] = data
        guard decrypt else { return (contest, nil) }
        let c0 = try group.decode(try Hex.decode(data["c0"] as? String ?? "").unwrap("C0"))
        let c1 = try Hex.decode(data["c1"] as? String ?? "").unwrap("C1")
        let c2 = try Hex.decode(data["c2"] as? String ?? "").unwrap("C2")
        let (beta, proof) = decryptJointly(c0) { a, b, beta in
            rules.contestDataChallenge(c0: c0, c1: c1, c2: c2, a: a, b: b, beta: beta, form: form)!
        }
        let decryption: [String: Any] = [
            "contest_id": contest["contest_id"]!, "selections": decryptedSelections,
            "decrypted_contest_data": [
                "contest_data": status, "encrypted_contest_data": data, "proof": json(proof),
                "beta": Self.hex(group.encode(beta)),
            ] as [String: Any],
        ]
        return (contest, decryption)
    }

    /// The contest data D, padded with zeros to whole 32-byte blocks, encrypted as (C0, C1, C2) (§3.3.6, eq. 49 to
    /// 55) with a fresh nonce.
    private func encryptContestData(_ plaintext: [UInt8], contestIndex: Int) -> [String: Any] {
        let blocks = (plaintext.count + 31) / 32
        let padded = plaintext + [UInt8](repeating: 0, count: blocks * 32 - plaintext.count)
        let nonce = group.scalars.randomNonzero()
        let c0 = group.generatorPower(secret: nonce)
        let shared = group.power(rules.key.element, secret: nonce)
        var input = ElectionGuardHashInput(domain: 0x22)
        input.append(elements: [rules.key.element, c0, shared], of: group)
        let secret = ElectionGuardHash.hash(key: rules.extendedBaseHash, input)
        let context = Array("contest data".utf8) + Self.bigEndian(contestIndex)
        let keys = (0...blocks).map { i in
            HMAC.authenticationCode(.sha256, key: secret, parts: [Self.bigEndian(i), Array("data enc keys".utf8), [0],
                                                         context, Self.bigEndian((blocks + 1) * 256)])
        }
        let c1 = padded.enumerated().map { $1 ^ keys[1 + $0 / 32][$0 % 32] }
        let c2 = HMAC.authenticationCode(key: keys[0], message: group.encode(c0) + c1)
        return ["c0": Self.hex(group.encode(c0)), "c1": Self.hex(c1), "c2": Self.hex(c2), "numBytes": plaintext.count]
    }

    /// The joint decryption by the decrypting guardians of a ciphertext with first component `base` (§3.6.2,
    /// §3.6.3): M = ∏ (base^P(i))^w_i, and the joint proof with a = ∏ g^u_i, b = ∏ base^u_i,
    /// c = `challenge(a, b, M)` and v = Σ (u_i − c·w_i·P(i)).
    private func decryptJointly(
        _ base: IntegerGroup.Element,
        challenge: (IntegerGroup.Element, IntegerGroup.Element, IntegerGroup.Element) -> Scalar
    ) -> (IntegerGroup.Element, ChaumPedersenProof<IntegerGroup>) {
        let field = group.scalars
        var partial = group.identity
        var a = group.identity
        var b = group.identity
        let nonces = shares.map { _ in field.randomNonzero() }
        for ((share, weight), nonce) in zip(shares, nonces) {
            partial = group.multiply(partial, group.power(group.power(base, secret: share), public: weight))
            a = group.multiply(a, group.generatorPower(secret: nonce))
            b = group.multiply(b, group.power(base, secret: nonce))
        }
        let c = challenge(a, b, partial)
        let response = zip(shares, nonces).reduce(field.zero) { sum, pair in
            let ((share, weight), nonce) = pair
            return field.add(sum, field.subtract(nonce, field.multiply(field.multiply(c, weight), share)))
        }
        return (partial, ChaumPedersenProof(challenge: c, response: response))
    }

    /// `b(value, 4)`.
    private static func bigEndian(_ value: Int) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * (3 - $0))) }
    }

    private func json(_ ciphertext: ElGamalCiphertext<IntegerGroup>) -> [String: Any] {
        ["pad": Self.hex(group.encode(ciphertext.alpha)), "data": Self.hex(group.encode(ciphertext.beta))]
    }

    private func json(_ proof: ChaumPedersenProof<IntegerGroup>) -> [String: Any] {
        ["challenge": Self.hex(group.scalars.encode(proof.challenge)),
         "response": Self.hex(group.scalars.encode(proof.response))]
    }

    private func json(_ proof: RangeProof<IntegerGroup>) -> [String: Any] {
        ["proofs": zip(proof.challenges, proof.responses).map { challenge, response in
            ["challenge": Self.hex(group.scalars.encode(challenge)),
             "response": Self.hex(group.scalars.encode(response))]
        }]
    }
}

extension Optional {
    /// The value, or an error naming what is missing.
    func unwrap(_ what: String) throws -> Wrapped {
        guard let self else { throw RecordCopy.CopyError(description: "\(what) is missing") }
        return self
    }
}
