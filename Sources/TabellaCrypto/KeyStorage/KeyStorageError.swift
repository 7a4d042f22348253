import TabellaGroups

/// An error from reading or writing a trustee's encrypted key file.
public typealias KeyStorageError = CodedError<KeyStorageErrorDomain>

/// The domain of ``KeyStorageError``.
public enum KeyStorageErrorDomain: ErrorDomain {}

extension CodedError.Code where Domain == KeyStorageErrorDomain {
    /// The passphrase does not open this file.
    public static var wrongPassphrase: Self { Self("wrongPassphrase") }

    /// The file was modified or damaged after it was written.
    public static var tampered: Self { Self("tampered") }

    /// The file is not a Tabella key file, or of an unknown version, or has unacceptable parameters.
    public static var malformed: Self { Self("malformed") }

    /// The file can be read or written by other users.
    public static var insecurePermissions: Self { Self("insecurePermissions") }

    /// The file could not be read or written.
    public static var io: Self { Self("io") }
}
