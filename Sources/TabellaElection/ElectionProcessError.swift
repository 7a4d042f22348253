import TabellaGroups

/// An error in running an election's steps (not in an entry's checks, which are ``ElectionRejection``s): a step
/// taken too early, a board that disagrees with its own checkpoint, a choice that breaks a contest's limits.
public typealias ElectionProcessError = CodedError<ElectionProcessErrorDomain>

/// The domain of ``ElectionProcessError``.
public enum ElectionProcessErrorDomain: ErrorDomain {}

extension CodedError.Code where Domain == ElectionProcessErrorDomain {
    /// The election is not in the phase this step needs (voting not open, tally not posted, …).
    public static var notReady: Self { Self("notReady") }
    /// The board's entries do not hash to its signed checkpoint, or a later checkpoint is not consistent with an
    /// earlier one.
    public static var inconsistentBoard: Self { Self("inconsistentBoard") }
    /// A voter's choice breaks a contest's limits or names an unknown option.
    public static var invalidChoice: Self { Self("invalidChoice") }
    /// A board entry that the board itself should have refused fails the ledger's checks.
    public static var rejectedEntry: Self { Self("rejectedEntry") }
    /// A tally count is larger than the table of discrete logarithms covers.
    public static var countOutOfRange: Self { Self("countOutOfRange") }
}
