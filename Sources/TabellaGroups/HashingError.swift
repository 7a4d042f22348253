/// An error raised when the input of a recursive hash or a key derivation breaks one of its preconditions.
///
/// The code says which precondition failed; the message names the value, for a person to read.
public typealias HashingError = CodedError<HashingErrorDomain>

/// The domain of ``HashingError``.
public enum HashingErrorDomain: ErrorDomain {}

extension CodedError.Code where Domain == HashingErrorDomain {
    /// No values were given to hash.
    public static var noValues: Self { Self("noValues") }

    /// A list among the values has no elements.
    public static var emptyList: Self { Self("emptyList") }

    /// The requested output is shorter than the security level allows (a bound below 512 bits, a key shorter
    /// than the hash).
    public static var tooShort: Self { Self("tooShort") }

    /// The requested output is longer than the function can produce.
    public static var tooLong: Self { Self("tooLong") }

    /// A context string of a key derivation is longer than 255 bytes in UTF-8.
    public static var infoTooLong: Self { Self("infoTooLong") }
}
