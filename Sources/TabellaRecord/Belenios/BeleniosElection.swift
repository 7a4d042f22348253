import Foundation
import TabellaGroups

/// The election structure of a Belenios archive (specification 2.0, section 4.10), with homomorphic questions only.
public struct BeleniosElection: Sendable {
    /// A homomorphic question (section 4.9.1): between `min` and `max` of the answers, or blank when allowed.
    public struct Question: Sendable, Hashable {
        /// The question's text.
        public let question: String
        /// The answers' texts.
        public let answers: [String]
        /// The fewest answers a non-blank vote selects.
        public let min: Int
        /// The most answers a vote selects.
        public let max: Int
        /// Whether a blank vote is allowed (then each ballot's choices start with the blank flag).
        public let blank: Bool
    }

    /// The format's version (1).
    public let version: Int
    /// The election's name.
    public let name: String
    /// The election's description.
    public let description: String
    /// The group's name, `BELENIOS-2048` or `RFC-3526-2048`.
    public let group: String
    /// The election public key `y`, in decimal.
    public let publicKey: String
    /// The questions.
    public let questions: [Question]
    /// The election's identifier.
    public let uuid: String
    /// The election's fingerprint φ: the unpadded Base64 SHA-256 of its serialization, as ballots cite it.
    public let fingerprint: String

    /// Parses the election member `bytes`; a non-homomorphic question is `RecordError` `.unsupported`.
    public init(bytes: [UInt8], file: String) throws(RecordError) {
        let json = BeleniosJSON(file: file)
        let reader = try json.rootObject(bytes)
        version = try reader.int("version")
        name = try reader.string("name")
        description = try reader.string("description")
        group = try reader.string("group")
        publicKey = try json.decimal(reader, "public_key")
        uuid = try reader.string("uuid")
        _ = reader.isNull("administrator") ? nil : try reader.string("administrator")
        _ = reader.isNull("credential_authority") ? nil : try reader.string("credential_authority")
        var questions = [Question]()
        for question in try reader.objects("questions") {
            if !question.isNull("type") {
                let type = try question.string("type")
                throw question.error(.unsupported, "type",
                                     "non-homomorphic questions (`\(type)`, tallied by shuffles) are not supported")
            }
            let parsed = Question(question: try question.string("question"), answers: try question.strings("answers"),
                                  min: try question.int("min"), max: try question.int("max"),
                                  blank: question.isNull("blank") ? false : try question.bool("blank"))
            try question.finish()
            questions.append(parsed)
        }
        self.questions = questions
        try reader.finish()
        fingerprint = Self.fingerprint(bytes)
    }

    /// `H_JSON`: the unpadded Base64 of the SHA-256 of a serialization (section 4.15).
    public static func fingerprint(_ bytes: [UInt8]) -> String {
        let base64 = Data(Digest.sha256.hash(bytes)).base64EncodedString()
        return String(base64.prefix { $0 != "=" })
    }
}
