/// An error of the bulletin board: a proof that does not verify, a malformed note or entry, a storage failure.
///
/// The ``code`` is stable and machine-readable (it is the `code` of the HTTP API's JSON errors); the ``message``
/// names the field, index or check that failed, for a person to read.
public struct BoardError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reason for the error. Matching on it is stable; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name, as printed in messages and JSON errors.
        public let name: String

        /// A code by name (the client uses it to rebuild a server's error).
        init(_ name: String) { self.name = name }

        /// A size, index or range outside what the tree or request allows.
        public static let outOfRange = Code("out_of_range")
        /// An inclusion or consistency proof that does not verify.
        public static let invalidProof = Code("invalid_proof")
        /// Text that is not a well-formed signed note, checkpoint, cosignature or proof.
        public static let malformedNote = Code("malformed_note")
        /// A note with no signature from any known key.
        public static let unknownKey = Code("unknown_key")
        /// A signature from a known key that does not verify.
        public static let badSignature = Code("bad_signature")
        /// A verifier key or signing key string that cannot be read.
        public static let malformedKey = Code("malformed_key")
        /// An entry whose bytes or fields are not well formed.
        public static let malformedEntry = Code("malformed_entry")
        /// A request body that is not valid JSON of the expected shape.
        public static let malformedRequest = Code("malformed_request")
        /// A request body over the size limit.
        public static let tooLarge = Code("too_large")
        /// An entry of a type the board does not accept.
        public static let unknownEntryType = Code("unknown_entry_type")
        /// An entry for an election other than the board's.
        public static let wrongElection = Code("wrong_election")
        /// An entry that the admission policy refused (signer not allowed, payload failed its check).
        public static let rejected = Code("rejected")
        /// An entry that is already on the board.
        public static let duplicate = Code("duplicate")
        /// Something that was asked for and does not exist.
        public static let notFound = Code("not_found")
        /// A client over its request rate.
        public static let rateLimited = Code("rate_limited")
        /// The storage cannot be written (read-only, full) or read.
        public static let storageUnavailable = Code("storage_unavailable")
        /// Stored data that contradicts itself (a node or entry missing, a hash that does not match).
        public static let corrupted = Code("corrupted")
        /// Two views of a log that cannot both be honest: a fork.
        public static let inconsistent = Code("inconsistent")
        /// A remote board or witness that answered with an error or could not be reached.
        public static let remote = Code("remote")

        /// The code's name.
        public var description: String { name }
    }

    /// Which check failed.
    public let code: Code
    /// A human-readable explanation naming the value and the check.
    public let message: String

    /// Creates an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
