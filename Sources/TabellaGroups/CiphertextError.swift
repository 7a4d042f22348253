/// An error raised when multi-recipient ciphertexts, their messages or their keys do not fit together.
///
/// The code says which condition failed; the message gives the sizes involved, for a person to read.
public typealias CiphertextError = CodedError<CiphertextErrorDomain>

/// The domain of ``CiphertextError``.
public enum CiphertextErrorDomain: ErrorDomain {}

extension CodedError.Code where Domain == CiphertextErrorDomain {
    /// A ciphertext with no messages was asked for.
    public static var noMessages: Self { Self("noMessages") }

    /// There are more messages than public keys to encrypt them.
    public static var tooFewPublicKeys: Self { Self("tooFewPublicKeys") }

    /// Two ciphertexts combined component-wise hold different numbers of messages.
    public static var widthMismatch: Self { Self("widthMismatch") }
}
