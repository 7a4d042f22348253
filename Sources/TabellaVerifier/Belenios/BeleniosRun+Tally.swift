import TabellaGroups
import TabellaRecord

extension BeleniosRun {
    /// Step 8: the encrypted tally has one ciphertext per question and answer, each in the group, equal to the
    /// product of the counted ballots' ciphertexts raised to their weights (specification 2.0, section 4.16).
    mutating func checkTally(_ proofs: BeleniosProofs, _ ballots: [CheckedBallot]) {
        guard let sized = sizedTally(8), let member = archive.data(sized.value.encryptedTally, before: sized.position)
        else {
            if events(.encryptedTally).isEmpty {
                for step in 8...10 { notApplicable[step] = "the archive holds no encrypted tally yet" }
            } else {
                fail(8, "", archive.path, "EncryptedTally", "the encrypted tally cannot be found")
            }
            return
        }
        let ciphertexts: [[BeleniosCiphertext]]
        do { ciphertexts = try BeleniosSizedTally.ciphertexts(bytes: member.bytes, file: member.name) } catch {
            fail(8, "", member.name, error.path, error.message)
            return
        }
        let group = proofs.group
        let questions = election!.questions
        let shape = questions.map { $0.answers.count + ($0.blank ? 1 : 0) }
        guard ciphertexts.map(\.count) == shape else {
            fail(8, "shape", member.name, "$", "the tally's shape \(ciphertexts.map(\.count)) is not \(shape)")
            return
        }
        var read = [[(alpha: Element, beta: Element)]]()
        for (question, row) in ciphertexts.enumerated() {
            var elements = [(alpha: Element, beta: Element)]()
            for (index, ciphertext) in row.enumerated() {
                do {
                    elements.append((try proofs.element(ciphertext.alpha, "alpha"),
                                     try proofs.element(ciphertext.beta, "beta")))
                } catch {
                    fail(8, "", member.name, "$[\(question)][\(index)]", error.reason)
                    return
                }
            }
            read.append(elements)
        }
        encryptedTally = read
        let counted = Self.lastPerCredential(ballots)
        let exponents = counted.map { group.scalars.scalar(UInt64(weights[$0.credential, default: 1])) }
        for (question, row) in read.enumerated() {
            for (index, ciphertext) in row.enumerated() {
                tally.count(8)
                let alphas = counted.map { $0.choices[question][index].alpha }
                let betas = counted.map { $0.choices[question][index].beta }
                if group.multiPower(alphas, exponents) != ciphertext.alpha
                    || group.multiPower(betas, exponents) != ciphertext.beta {
                    fail(8, "product", member.name, "$[\(question)][\(index)]",
                         "the ciphertext is not the product of the \(counted.count) counted ballots' (with weights)")
                }
            }
        }
    }

    /// Step 9: each PartialDecryption event names a known trustee once, and each of its factors is in the group
    /// with a proof against that trustee's key and the tally's alpha (section 4.18).
    mutating func checkDecryptions(_ proofs: BeleniosProofs) {
        guard let tally = encryptedTally else { return }
        let entries = events(.partialDecryption)
        if entries.isEmpty { notApplicable[9] = "the archive holds no partial decryptions yet" }
        for entry in entries {
            let object = Self.name(entry.event)
            guard let ownedMember = payload(of: entry) else { continue }
            let owned: BeleniosOwned
            let decryption: BeleniosPartialDecryption
            let file: String
            do {
                owned = try BeleniosOwned(bytes: ownedMember.bytes, file: ownedMember.name)
                guard let member = archive.data(owned.payload, before: ownedMember.position) else {
                    fail(9, "", ownedMember.name, object, "no data member \(owned.payload) precedes it")
                    continue
                }
                file = member.name
                decryption = try BeleniosPartialDecryption(bytes: member.bytes, file: member.name)
            } catch {
                fail(9, "", error.file, "\(object) \(error.path)", error.message)
                continue
            }
            guard let key = trusteeKeys[owned.owner] else {
                fail(9, "owner", ownedMember.name, object, "trustee \(owned.owner) has no valid key")
                continue
            }
            if decryptions[owned.owner] != nil {
                fail(9, "owner", ownedMember.name, object, "trustee \(owned.owner) decrypted twice")
                continue
            }
            let shape = tally.map(\.count)
            guard decryption.factors.map(\.count) == shape, decryption.proofs.map(\.count) == shape else {
                fail(9, "shape", file, object, "the factors' or proofs' shape is not the tally's \(shape)")
                continue
            }
            var factors = [[Element]]()
            var valid = true
            for (question, row) in tally.enumerated() {
                var elements = [Element]()
                for (index, ciphertext) in row.enumerated() {
                    self.tally.count(9)
                    do throws(BeleniosFailure) {
                        let what = "trustee \(owned.owner)'s factor [\(question)][\(index)]"
                        let factor = try proofs.element(decryption.factors[question][index], what)
                        try proofs.checkDecryption(decryption.proofs[question][index], key: key,
                                                   alpha: ciphertext.alpha, factor: factor, "\(what)'s proof")
                        elements.append(factor)
                    } catch {
                        fail(9, "proof", file, "\(object) $[\(question)][\(index)]", error.reason)
                        valid = false
                    }
                }
                factors.append(elements)
            }
            if valid { decryptions[owned.owner] = factors }
        }
    }

    /// Step 10: the result has one count per question and answer, each `log_g(beta / F)` where F combines the
    /// partial decryptions: every single trustee's, and for each Pedersen set at least its threshold of them with
    /// Lagrange coefficients at 0 (section 4.19).
    mutating func checkResult(_ proofs: BeleniosProofs) {
        guard let tally = encryptedTally else { return }
        guard let entry = events(.result).first, let member = payload(of: entry) else {
            notApplicable[10] = "the archive holds no result yet"
            return
        }
        let result: BeleniosResult
        do { result = try BeleniosResult(bytes: member.bytes, file: member.name) } catch {
            fail(10, "", member.name, error.path, error.message)
            return
        }
        guard result.counts.map(\.count) == tally.map(\.count) else {
            fail(10, "shape", member.name, "$.result", "the result's shape is not the tally's \(tally.map(\.count))")
            return
        }
        let combined: [[Element]]
        do { combined = try combinedFactors(proofs, shape: tally.map(\.count)) } catch {
            fail(10, "decryptions", member.name, "$.result", error.reason)
            return
        }
        let group = proofs.group
        for (question, row) in tally.enumerated() {
            for (index, ciphertext) in row.enumerated() {
                self.tally.count(10)
                let count = result.counts[question][index]
                let plaintext = group.divide(ciphertext.beta, combined[question][index])
                if count < 0 || plaintext != proofs.encoded(count) {
                    fail(10, "count", member.name, "$.result[\(question)][\(index)]",
                         "\(count) is not the decryption of the tally")
                }
            }
        }
    }

    /// `F` for each ciphertext: the product over the trustees structure's items of their sub-factors.
    private func combinedFactors(_ proofs: BeleniosProofs, shape: [Int]) throws(BeleniosFailure) -> [[Element]] {
        let group = proofs.group
        let scalars = group.scalars
        guard !trusteeItems.isEmpty else { throw BeleniosFailure("the trustees could not be checked") }
        var combined = shape.map { [Element](repeating: group.identity, count: $0) }
        for item in trusteeItems {
            let present = item.owners.enumerated().filter { decryptions[$0.element] != nil }
            guard present.count >= item.threshold else {
                throw BeleniosFailure("trustees \(item.owners) gave \(present.count) valid partial decryptions; "
                                      + "\(item.threshold) are needed")
            }
            let points = present.map { scalars.scalar(UInt64($0.offset + 1)) }
            var lagrange = [Scalar]()
            for (j, point) in points.enumerated() {
                var coefficient = scalars.one
                for (k, other) in points.enumerated() where k != j {
                    guard let inverse = scalars.inverse(scalars.subtract(other, point)) else {
                        throw BeleniosFailure("two decryptions at the same point")
                    }
                    coefficient = scalars.multiply(coefficient, scalars.multiply(other, inverse))
                }
                lagrange.append(coefficient)
            }
            for (question, count) in shape.enumerated() {
                for index in 0..<count {
                    let factors = present.map { decryptions[$0.element]![question][index] }
                    combined[question][index] = group.multiply(combined[question][index],
                                                               group.multiPower(factors, lagrange))
                }
            }
        }
        return combined
    }
}
