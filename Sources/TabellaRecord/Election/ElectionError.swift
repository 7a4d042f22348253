import TabellaGroups

/// An error in an election's definition (manifest, roll, rules) or in data checked against it, naming the field.
public typealias ElectionError = CodedError<ElectionErrorDomain>

/// The domain of ``ElectionError``.
public enum ElectionErrorDomain: ErrorDomain {}

extension CodedError.Code where Domain == ElectionErrorDomain {
    /// A required value is empty or missing.
    public static var missing: Self { Self("missing") }

    /// Two entries that must differ share an identifier or a key.
    public static var duplicate: Self { Self("duplicate") }

    /// A number outside its allowed range (selection limits, fractions, weights).
    public static var outOfRange: Self { Self("outOfRange") }

    /// Options or limits that do not fit the contest's kind.
    public static var kindMismatch: Self { Self("kindMismatch") }

    /// A value that is not in its expected form (a key of the wrong length, bad hexadecimal).
    public static var malformed: Self { Self("malformed") }

    /// A sum of weights or votes that does not fit in 64 bits.
    public static var overflow: Self { Self("overflow") }
}
