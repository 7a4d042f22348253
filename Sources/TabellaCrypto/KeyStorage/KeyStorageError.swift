/// An error from reading or writing a trustee's encrypted key file.
public struct KeyStorageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the file could not be used. Matching on it is stable; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// The passphrase does not open this file.
        public static let wrongPassphrase = Code("wrongPassphrase")
        /// The file was modified or damaged after it was written.
        public static let tampered = Code("tampered")
        /// The file is not a Tabella key file, or of an unknown version, or has unacceptable parameters.
        public static let malformed = Code("malformed")
        /// The file can be read or written by other users.
        public static let insecurePermissions = Code("insecurePermissions")
        /// The file could not be read or written.
        public static let io = Code("io")

        /// The code's name, as printed in messages and JSON output.
        public var description: String { name }
    }

    /// Which check failed.
    public let code: Code
    /// A human-readable explanation naming the file and the check.
    public let message: String

    /// Creates an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
