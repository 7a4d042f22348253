/// An error raised when the input of a recursive hash or a key derivation breaks one of its preconditions.
///
/// The ``code`` says which precondition failed; the ``message`` names the value, for a person to read.
public struct HashingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The precondition that failed. Matching on it is stable; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// No values were given to hash.
        public static let noValues = Code("noValues")
        /// A list among the values has no elements.
        public static let emptyList = Code("emptyList")
        /// The requested output is shorter than the security level allows (a bound below 512 bits, a key shorter
        /// than the hash).
        public static let tooShort = Code("tooShort")
        /// The requested output is longer than the function can produce.
        public static let tooLong = Code("tooLong")
        /// A context string of a key derivation is longer than 255 bytes in UTF-8.
        public static let infoTooLong = Code("infoTooLong")

        /// The code's name, as printed in messages and JSON output.
        public var description: String { name }
    }

    /// Which precondition failed.
    public let code: Code
    /// A human-readable explanation naming the value and the precondition.
    public let message: String

    /// Creates an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
