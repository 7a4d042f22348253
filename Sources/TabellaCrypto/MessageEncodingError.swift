import TabellaGroups

/// An error in encoding a write-in answer into group elements, or in decoding elements back into one.
public typealias MessageEncodingError = CodedError<MessageEncodingErrorDomain>

/// The domain of ``MessageEncodingError``.
public enum MessageEncodingErrorDomain: ErrorDomain {}

extension CodedError.Code where Domain == MessageEncodingErrorDomain {
    /// The answer has more bytes than the contest's limit.
    public static var tooLong: Self { Self("tooLong") }

    /// The contest's limit is more than the group carries in one element.
    public static var overCapacity: Self { Self("overCapacity") }

    /// The bytes are not valid UTF-8.
    public static var invalidUTF8: Self { Self("invalidUTF8") }

    /// The elements are not the encoding of any answer (an invalid write-in after the mix).
    public static var notAnEncoding: Self { Self("notAnEncoding") }
}
