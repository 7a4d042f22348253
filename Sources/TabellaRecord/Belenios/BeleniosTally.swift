/// The public credentials of a Belenios election (specification 2.0, section 4.8): each a key, with its weight.
public struct BeleniosCredential: Sendable, Hashable {
    /// The public credential `g^s`, in decimal.
    public let key: String
    /// The voter's weight (1 unless given).
    public let weight: Int

    /// The largest weight read (10¹²), so that the weights of any number of ballots sum without overflow.
    public static let maximumWeight = 1_000_000_000_000

    /// Parses the public credentials member: strings `key` or `key,weight`.
    public static func parse(bytes: [UInt8], file: String) throws(RecordError) -> [BeleniosCredential] {
        let json = BeleniosJSON(file: file)
        return try json.map(json.root(bytes), "$") { (value, path) throws(RecordError) in
            let parts = try json.string(value, path).split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count <= 2, DecimalInteger.bytes(String(parts[0])) != nil else {
                throw RecordError(.malformedValue, file: file, path: path, "expected a decimal key, or key,weight")
            }
            guard parts.count == 2 else { return BeleniosCredential(key: String(parts[0]), weight: 1) }
            guard let weight = Int(parts[1]), (1...maximumWeight).contains(weight), String(weight) == parts[1] else {
                throw RecordError(.malformedValue, file: file, path: path, "the weight `\(parts[1])` is not an integer "
                                  + "in 1...\(maximumWeight)")
            }
            return BeleniosCredential(key: String(parts[0]), weight: weight)
        }
    }
}

/// The payload of the EncryptedTally event (section 4.16).
public struct BeleniosSizedTally: Sendable, Hashable {
    /// How many ballots were tallied.
    public let numTallied: Int
    /// Their total weight.
    public let totalWeight: Int
    /// The encrypted tally member's hash.
    public let encryptedTally: String

    /// Parses a sized_encrypted_tally member.
    public init(bytes: [UInt8], file: String) throws(RecordError) {
        let json = BeleniosJSON(file: file)
        let reader = try json.rootObject(bytes)
        numTallied = try reader.int("num_tallied")
        totalWeight = try reader.int("total_weight")
        encryptedTally = try json.hash(reader, "encrypted_tally")
        try reader.finish()
    }

    /// Parses an encrypted_tally member: one array of ciphertexts per question.
    public static func ciphertexts(bytes: [UInt8], file: String) throws(RecordError) -> [[BeleniosCiphertext]] {
        let json = BeleniosJSON(file: file)
        return try json.map(json.root(bytes), "$") { (question, path) throws(RecordError) in
            try json.map(question, path) { (value, path) throws(RecordError) in try json.ciphertext(value, path) }
        }
    }
}

/// A trustee's partial decryption of the encrypted tally (section 4.18).
public struct BeleniosPartialDecryption: Sendable, Hashable {
    /// `alpha^x` for each ciphertext of the tally, per question, in decimal.
    public let factors: [[String]]
    /// The proof of each factor.
    public let proofs: [[BeleniosProof]]

    /// Parses a partial_decryption member.
    public init(bytes: [UInt8], file: String) throws(RecordError) {
        let json = BeleniosJSON(file: file)
        let reader = try json.rootObject(bytes)
        factors = try json.map(reader.value("decryption_factors"), "$.decryption_factors") {
            (question, path) throws(RecordError) in
            try json.map(question, path) { (value, path) throws(RecordError) in try json.decimal(value, path) }
        }
        proofs = try json.map(reader.value("decryption_proofs"), "$.decryption_proofs") {
            (question, path) throws(RecordError) in try json.proofs(question, path)
        }
        try reader.finish()
    }
}

/// The election result (section 4.19): for each homomorphic question, the count of each answer.
public struct BeleniosResult: Sendable, Hashable {
    /// The counts, per question and answer (the blank flag's first when blank votes are allowed).
    public let counts: [[Int]]

    /// Parses a result member.
    public init(bytes: [UInt8], file: String) throws(RecordError) {
        let json = BeleniosJSON(file: file)
        let reader = try json.rootObject(bytes)
        counts = try json.map(reader.value("result"), "$.result") { (question, path) throws(RecordError) in
            try json.map(question, path) { (value, path) throws(RecordError) in try json.int(value, path) }
        }
        try reader.finish()
    }
}
