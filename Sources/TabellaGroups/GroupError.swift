/// An error raised when bytes or numbers from outside do not describe a valid group element or scalar.
///
/// The ``code`` says which check failed; the ``message`` says where and by how much, for a person to read.
public struct GroupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reason a value was rejected. Matching on it is stable; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// The encoding has the wrong number of bytes.
        public static let wrongLength = Code("wrongLength")
        /// An integer is not below the modulus it must be reduced by.
        public static let outOfRange = Code("outOfRange")
        /// The value zero was given where it is not an element of the group.
        public static let zero = Code("zero")
        /// The integer lies in the multiplicative group but outside its subgroup of prime order q.
        public static let notInSubgroup = Code("notInSubgroup")
        /// The bytes are not the one canonical encoding of any element.
        public static let nonCanonical = Code("nonCanonical")
        /// The coordinates do not satisfy the curve equation.
        public static let notOnCurve = Code("notOnCurve")
        /// The identity element was given where a non-identity element is required.
        public static let identity = Code("identity")
        /// Group parameters that are inconsistent (a modulus that is not prime, a generator of the wrong order).
        public static let invalidParameters = Code("invalidParameters")

        /// The code's name, as printed in messages and JSON output.
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
