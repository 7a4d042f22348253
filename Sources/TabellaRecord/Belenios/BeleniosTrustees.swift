/// The trustees structure of a Belenios archive (specification 2.0, section 4.7): mandatory single keys and
/// threshold (Pedersen) sets, whose sub-keys multiply to the election key.
public enum BeleniosTrustee: Sendable {
    /// A trustee public key with its proof of knowledge (section 4.5).
    public struct PublicKey: Sendable, Hashable {
        /// `X = g^x`, in decimal.
        public let publicKey: String
        /// The Schnorr proof of knowledge of `x`.
        public let pok: BeleniosProof
    }

    /// A message signed with a trustee's signing key (section 4.6.1).
    public struct SignedMessage: Sendable, Hashable {
        /// The signed text (itself serialized JSON).
        public let message: String
        /// The Schnorr signature.
        public let signature: BeleniosProof
    }

    /// The public parameters of a threshold set (section 4.6.7).
    public struct Threshold: Sendable {
        /// How many of the set's trustees must decrypt (t + 1 for polynomials of degree t).
        public let threshold: Int
        /// The trustees' certificates: signed `{"verification", "encryption"}` keys.
        public let certs: [SignedMessage]
        /// The trustees' signed polynomial commitments `{"coefexps": [A_i0, …, A_it]}`.
        public let coefexps: [SignedMessage]
        /// The trustees' verification keys `g^{S_j}` with proofs of knowledge.
        public let verificationKeys: [PublicKey]
    }

    /// A mandatory trustee.
    case single(PublicKey)
    /// A set of which `threshold` trustees must decrypt.
    case pedersen(Threshold)

    /// Parses the trustees member `bytes`.
    public static func parse(bytes: [UInt8], file: String) throws(RecordError) -> [BeleniosTrustee] {
        let json = BeleniosJSON(file: file)
        return try json.map(json.root(bytes), "$") { (item, path) throws(RecordError) in
            let pair = try json.array(item, path)
            guard pair.count == 2 else {
                throw RecordError(.malformedValue, file: file, path: path, "expected [kind, parameters]")
            }
            switch try json.string(pair[0], "\(path)[0]") {
            case "Single": return .single(try publicKey(pair[1], "\(path)[1]", json))
            case "Pedersen":
                let reader = try json.object(pair[1], "\(path)[1]")
                let signed = { (key: String) throws(RecordError) -> [SignedMessage] in
                    try reader.objects(key).map { (object) throws(RecordError) in
                        let message = SignedMessage(message: try object.string("message"),
                                                    signature: try json.proof(object.value("signature"),
                                                                              "\(object.path).signature"))
                        try object.finish()
                        return message
                    }
                }
                let keys = try json.map(reader.value("verification_keys"), "\(reader.path).verification_keys") {
                    (key, path) throws(RecordError) in try publicKey(key, path, json)
                }
                let threshold = Threshold(threshold: try reader.int("threshold"), certs: try signed("certs"),
                                          coefexps: try signed("coefexps"), verificationKeys: keys)
                try reader.finish()
                return .pedersen(threshold)
            case let kind:
                throw RecordError(.unsupported, file: file, path: "\(path)[0]", "unknown trustee kind `\(kind)`")
            }
        }
    }

    private static func publicKey(_ value: JSONValue, _ path: String, _ json: BeleniosJSON) throws(RecordError)
        -> PublicKey
    {
        let reader = try json.object(value, path)
        let key = PublicKey(publicKey: try json.decimal(reader, "public_key"),
                            pok: try json.proof(reader.value("pok"), "\(path).pok"))
        try reader.finish()
        return key
    }

    /// The `{"verification", "encryption"}` keys of a certificate's message.
    public static func certificateKeys(_ message: String, file: String, path: String) throws(RecordError)
        -> (verification: String, encryption: String)
    {
        let json = BeleniosJSON(file: file)
        let reader = try json.object(json.root(Array(message.utf8)), path)
        let keys = (try json.decimal(reader, "verification"), try json.decimal(reader, "encryption"))
        try reader.finish()
        return keys
    }

    /// The `[A_i0, …, A_it]` of a polynomial commitment's message.
    public static func coefficientCommitments(_ message: String, file: String, path: String) throws(RecordError)
        -> [String]
    {
        let json = BeleniosJSON(file: file)
        let reader = try json.object(json.root(Array(message.utf8)), path)
        let commitments = try json.map(reader.value("coefexps"), "\(path).coefexps") {
            (value, path) throws(RecordError) in try json.decimal(value, path)
        }
        try reader.finish()
        return commitments
    }

    /// How many trustee identifiers (`owner` of partial decryptions) this item takes: one per key.
    public var trusteeCount: Int {
        switch self {
        case .single: 1
        case .pedersen(let set): set.verificationKeys.count
        }
    }
}
