import TabellaGroups

/// An error raised when a shuffle, its statement or its argument is malformed or does not verify.
///
/// The code names the failed check; the message names the row, column or field, for a person to read.
public typealias ShuffleError = CodedError<ShuffleErrorDomain>

/// The domain of ``ShuffleError``.
public enum ShuffleErrorDomain: ErrorDomain {}

extension CodedError.Code where Domain == ShuffleErrorDomain {
    /// A list of ciphertexts is empty, or the output list does not have as many rows as the input list.
    public static var countMismatch: Self { Self("countMismatch") }

    /// A row does not have the width (number of ciphertexts or messages) the shuffle expects.
    public static var widthMismatch: Self { Self("widthMismatch") }

    /// A component of a ciphertext is the group's identity, which no honest encryption produces.
    public static var identityComponent: Self { Self("identityComponent") }

    /// Two rows of one list are equal.
    public static var duplicateRow: Self { Self("duplicateRow") }

    /// An element or scalar failed to decode (its `GroupError` is in the message).
    public static var invalidElement: Self { Self("invalidElement") }

    /// Bytes that are not a well-formed encoding (wrong length, unknown version, trailing bytes).
    public static var malformedEncoding: Self { Self("malformedEncoding") }

    /// An argument whose sizes do not match the shape m × n and the width ℓ of the statement.
    public static var sizeMismatch: Self { Self("sizeMismatch") }

    /// The commitment key is too short, or cannot be derived in this group.
    public static var invalidCommitmentKey: Self { Self("invalidCommitmentKey") }

    /// The public key does not fit the ciphertexts (too few keys, an identity key).
    public static var invalidPublicKey: Self { Self("invalidPublicKey") }

    /// The witness given to the prover does not match the statement (a bug of the caller, not of the data).
    public static var invalidWitness: Self { Self("invalidWitness") }

    /// A verification equation of the shuffle argument does not hold; the message names the sub-argument and the
    /// equation.
    public static var verificationFailed: Self { Self("verificationFailed") }
}
