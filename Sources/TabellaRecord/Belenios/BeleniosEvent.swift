/// An event of a Belenios archive (specification 2.0, section 4.4): a link of the chain, with an optional payload.
public struct BeleniosEvent: Sendable, Hashable {
    /// The kinds of event, in the order an archive holds them.
    public enum Kind: String, Sendable, CaseIterable {
        /// The setup: its payload names the election, trustees and credentials.
        case setup = "Setup"
        /// A ballot.
        case ballot = "Ballot"
        /// The end of voting.
        case endBallots = "EndBallots"
        /// The encrypted tally.
        case encryptedTally = "EncryptedTally"
        /// A shuffle (non-homomorphic questions only).
        case shuffle = "Shuffle"
        /// The end of the shuffles.
        case endShuffles = "EndShuffles"
        /// A trustee's partial decryption.
        case partialDecryption = "PartialDecryption"
        /// The result.
        case result = "Result"
    }

    /// The previous event's hash; absent for the first.
    public let parent: String?
    /// The event's height, 0 for the first.
    public let height: Int
    /// The kind.
    public let kind: Kind
    /// The payload's hash, if the event has one.
    public let payload: String?

    /// Parses an event member.
    public init(bytes: [UInt8], file: String) throws(RecordError) {
        let json = BeleniosJSON(file: file)
        let reader = try json.rootObject(bytes)
        parent = reader.isNull("parent") ? nil : try json.hash(reader, "parent")
        height = try reader.int("height")
        let type = try reader.string("type")
        guard let kind = Kind(rawValue: type) else { throw reader.error(.malformedValue, "type", "unknown `\(type)`") }
        self.kind = kind
        payload = reader.isNull("payload") ? nil : try json.hash(reader, "payload")
        try reader.finish()
    }
}

/// The payload of the Setup event (section 4.10): the hashes of the election, trustees and credentials.
public struct BeleniosSetup: Sendable, Hashable {
    /// The election member's hash.
    public let election: String
    /// The trustees member's hash.
    public let trustees: String
    /// The public credentials member's hash.
    public let credentials: String

    /// Parses a setup_data member.
    public init(bytes: [UInt8], file: String) throws(RecordError) {
        let json = BeleniosJSON(file: file)
        let reader = try json.rootObject(bytes)
        election = try json.hash(reader, "election")
        trustees = try json.hash(reader, "trustees")
        credentials = try json.hash(reader, "credentials")
        try reader.finish()
    }
}

/// A payload attributed to a trustee (`owned_partial_decryption`, section 4.18).
public struct BeleniosOwned: Sendable, Hashable {
    /// The trustee's identifier, from 1, in the order of the trustees structure's keys.
    public let owner: Int
    /// The owned payload's hash.
    public let payload: String

    /// Parses an owned member.
    public init(bytes: [UInt8], file: String) throws(RecordError) {
        let json = BeleniosJSON(file: file)
        let reader = try json.rootObject(bytes)
        owner = try reader.int("owner")
        payload = try json.hash(reader, "payload")
        try reader.finish()
    }
}

/// The `BELENIOS` header of an archive (section 4.4): the format's version and the election's start.
public struct BeleniosHeader: Sendable, Hashable {
    /// The archive format's version (1).
    public let version: Int
    /// The timestamp of the beginning of the election, in seconds since 1970, as decimal text.
    public let timestamp: String

    /// Parses the header file.
    public init(bytes: [UInt8], file: String) throws(RecordError) {
        let json = BeleniosJSON(file: file)
        let reader = try json.rootObject(bytes)
        version = try reader.int("version")
        timestamp = try json.decimal(reader, "timestamp")
        try reader.finish()
    }
}
