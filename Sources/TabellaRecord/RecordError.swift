/// An error reading an election record: the file, the JSON path inside it, and what was wrong.
public struct RecordError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem. Matching on it is stable; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// A file is missing or cannot be read.
        public static let unreadableFile = Code("unreadableFile")
        /// A file is not well-formed JSON (for example, truncated).
        public static let malformedJSON = Code("malformedJSON")
        /// A required field is absent.
        public static let missingField = Code("missingField")
        /// A field that the format does not define.
        public static let unknownField = Code("unknownField")
        /// A field of the wrong JSON type.
        public static let wrongType = Code("wrongType")
        /// A field of the right type whose value is not acceptable (bad hexadecimal, too long, out of range).
        public static let malformedValue = Code("malformedValue")
        /// A feature of the format that this importer does not support (pre-encrypted ballots).
        public static let unsupported = Code("unsupported")

        /// The code's name.
        public var description: String { name }
    }

    /// What kind of problem.
    public let code: Code
    /// The file, relative to the record's directory.
    public let file: String
    /// The JSON path inside the file, such as `$.contests[3].selections[0].encrypted_vote.pad`.
    public let path: String
    /// A human-readable explanation.
    public let message: String

    /// An error at `path` in `file`.
    public init(_ code: Code, file: String, path: String, _ message: String) {
        self.code = code
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`.
    public var description: String { "\(file): \(path): \(message)" }
}
