/// An error with a stable code that callers match on and a message for a person to read.
///
/// Each kind of error is this one type specialised by a domain, a caseless enum (`GroupError` is
/// `CodedError<GroupErrorDomain>`), and lists its codes in an extension of ``Code`` constrained to that domain.
public struct CodedError<Domain: ErrorDomain>: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reason for an error of this domain. Matching on it is stable; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name, as printed in messages and JSON output.
        public let name: String

        /// A code with this name.
        public init(_ name: String) { self.name = name }

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

/// A family of errors: a caseless enum that gives ``CodedError`` its own type and its own list of codes.
public protocol ErrorDomain: Sendable {}
