/// An error raised when multi-recipient ciphertexts, their messages or their keys do not fit together.
///
/// The ``code`` says which condition failed; the ``message`` gives the sizes involved, for a person to read.
public struct CiphertextError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The condition that failed. Matching on it is stable; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// A ciphertext with no messages was asked for.
        public static let noMessages = Code("noMessages")
        /// There are more messages than public keys to encrypt them.
        public static let tooFewPublicKeys = Code("tooFewPublicKeys")
        /// Two ciphertexts combined component-wise hold different numbers of messages.
        public static let widthMismatch = Code("widthMismatch")

        /// The code's name, as printed in messages and JSON output.
        public var description: String { name }
    }

    /// Which condition failed.
    public let code: Code
    /// A human-readable explanation with the sizes involved.
    public let message: String

    /// Creates an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
