import TabellaGroups

/// An error raised when the monitor is given data it cannot use: an unknown credential, a malformed series, a
/// configuration out of range.
public typealias MonitorError = CodedError<MonitorErrorDomain>

/// The domain of ``MonitorError``.
public enum MonitorErrorDomain: ErrorDomain {}

extension CodedError.Code where Domain == MonitorErrorDomain {
    /// A ballot's credential is not on the roll.
    public static var unknownCredential: Self { Self("unknownCredential") }

    /// Arrivals went back in time.
    public static var outOfOrder: Self { Self("outOfOrder") }

    /// A value read from outside (a file, a field, a parameter) is missing or malformed.
    public static var malformed: Self { Self("malformed") }

    /// A parameter lies outside the range it must lie in.
    public static var outOfRange: Self { Self("outOfRange") }
}
