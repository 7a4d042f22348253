/// A Belenios ballot (specification 2.0, section 4.15) with homomorphic answers (section 4.11.1).
public struct BeleniosBallot: Sendable {
    /// The encrypted answer to one homomorphic question.
    public struct Answer: Sendable, Hashable {
        /// One ciphertext per answer, after the blank flag's when blank votes are allowed.
        public let choices: [BeleniosCiphertext]
        /// For each choice, the proof that it encrypts 0 or 1 (two proofs).
        public let individualProofs: [[BeleniosProof]]
        /// The proof that the count lies in `min...max` (or, with blank, that the vote is blank or does).
        public let overallProof: [BeleniosProof]
        /// With blank votes allowed, the proof that the vote is blank or selects something (two proofs).
        public let blankProof: [BeleniosProof]?
    }

    /// The election's identifier.
    public let electionUUID: String
    /// The election's fingerprint φ.
    public let electionHash: String
    /// The voter's public credential `g^s`, in decimal.
    public let credential: String
    /// One answer per question.
    public let answers: [Answer]
    /// The hash the signature signs (the ballot without its signature, by ``unsignedSerialization``).
    public let signatureHash: String
    /// The Schnorr signature with the credential's secret.
    public let signature: BeleniosProof

    /// Parses a ballot member.
    public init(bytes: [UInt8], file: String) throws(RecordError) {
        let json = BeleniosJSON(file: file)
        let reader = try json.rootObject(bytes)
        electionUUID = try reader.string("election_uuid")
        electionHash = try reader.string("election_hash")
        credential = try json.decimal(reader, "credential")
        answers = try reader.objects("answers").map { (answer) throws(RecordError) in
            let path = answer.path
            let parsed = Answer(
                choices: try json.map(answer.value("choices"), "\(path).choices") {
                    (value, path) throws(RecordError) in try json.ciphertext(value, path)
                },
                individualProofs: try json.map(answer.value("individual_proofs"), "\(path).individual_proofs") {
                    (value, path) throws(RecordError) in try json.proofs(value, path)
                },
                overallProof: try json.proofs(answer.value("overall_proof"), "\(path).overall_proof"),
                blankProof: answer.isNull("blank_proof")
                    ? nil : try json.proofs(answer.value("blank_proof"), "\(path).blank_proof"))
            try answer.finish()
            return parsed
        }
        let signature = try reader.object("signature")
        signatureHash = try signature.string("hash")
        self.signature = try json.proof(signature.value("proof"), "\(signature.path).proof")
        try signature.finish()
        try reader.finish()
    }

    /// The ballot without its signature as compact JSON, fields in the specification's order: what
    /// ``signatureHash`` must be the `H_JSON` of.
    public var unsignedSerialization: [UInt8] {
        func string(_ text: String) -> String { "\"\(Self.escaped(text))\"" }
        func proof(_ proof: BeleniosProof) -> String {
            "{\"challenge\":\(string(proof.challenge)),\"response\":\(string(proof.response))}"
        }
        func proofs(_ proofs: [BeleniosProof]) -> String { "[" + proofs.map(proof).joined(separator: ",") + "]" }
        let answers = answers.map { answer in
            let choices = answer.choices.map { "{\"alpha\":\(string($0.alpha)),\"beta\":\(string($0.beta))}" }
            var text = "{\"choices\":[" + choices.joined(separator: ",") + "],\"individual_proofs\":["
                + answer.individualProofs.map(proofs).joined(separator: ",") + "],\"overall_proof\":"
                + proofs(answer.overallProof)
            if let blank = answer.blankProof { text += ",\"blank_proof\":" + proofs(blank) }
            return text + "}"
        }
        let text = "{\"election_uuid\":\(string(electionUUID)),\"election_hash\":\(string(electionHash)),"
            + "\"credential\":\(string(credential)),\"answers\":[" + answers.joined(separator: ",") + "]}"
        return Array(text.utf8)
    }

    /// `text` with JSON's escapes for quotes, backslashes and control characters.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
