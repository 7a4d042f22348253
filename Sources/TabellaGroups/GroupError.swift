/// An error raised when bytes or numbers from outside do not describe a valid group element or scalar.
///
/// The code says which check failed; the message says where and by how much, for a person to read.
public typealias GroupError = CodedError<GroupErrorDomain>

/// The domain of ``GroupError``.
public enum GroupErrorDomain: ErrorDomain {}

extension CodedError.Code where Domain == GroupErrorDomain {
    /// The encoding has the wrong number of bytes.
    public static var wrongLength: Self { Self("wrongLength") }

    /// An integer is not below the modulus it must be reduced by.
    public static var outOfRange: Self { Self("outOfRange") }

    /// The value zero was given where it is not an element of the group.
    public static var zero: Self { Self("zero") }

    /// The integer lies in the multiplicative group but outside its subgroup of prime order q.
    public static var notInSubgroup: Self { Self("notInSubgroup") }

    /// The bytes are not the one canonical encoding of any element.
    public static var nonCanonical: Self { Self("nonCanonical") }

    /// The coordinates do not satisfy the curve equation.
    public static var notOnCurve: Self { Self("notOnCurve") }

    /// The identity element was given where a non-identity element is required.
    public static var identity: Self { Self("identity") }

    /// Group parameters that are inconsistent (a modulus that is not prime, a generator of the wrong order).
    public static var invalidParameters: Self { Self("invalidParameters") }
}
