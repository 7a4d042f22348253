import TabellaCrypto

/// The checks an entry must pass before the board appends it, beyond the board's own (well-formed, for this
/// election, validly signed, not a replay).
///
/// The board does not know what a ballot or a decryption share is: the verifier's per-entry checks plug in here,
/// so that one check lives in one place.
public protocol AdmissionPolicy: Sendable {
    /// Accepts the entry or says why not.
    ///
    /// - Throws: ``BoardError`` `unknownEntryType` for a type the policy does not know, `rejected` for an entry
    ///   that fails its type's check (with a message naming the check).
    func admit(_ entry: BoardEntry) async throws(BoardError)
}

/// An admission policy made of one check per entry type; entries of any other type are refused.
public struct EntryTypeRules: AdmissionPolicy {
    /// The check of one entry type.
    public typealias Check = @Sendable (BoardEntry) async throws(BoardError) -> Void

    private var checks: [String: Check] = [:]

    /// A policy that accepts no type yet.
    public init() {}

    /// Adds (or replaces) the check of entries of `type`.
    public mutating func register(_ type: String, check: @escaping Check) {
        checks[type] = check
    }

    /// The types with a check.
    public var types: [String] { checks.keys.sorted() }

    /// Runs the check of the entry's type.
    public func admit(_ entry: BoardEntry) async throws(BoardError) {
        guard let check = checks[entry.type] else {
            throw BoardError(.unknownEntryType, "the board accepts no entries of type `\(entry.type)`")
        }
        try await check(entry)
    }

    /// A check that accepts entries only from the given signers (any payload).
    public static func signedBy(_ keys: Set<Ed25519.PublicKey>) -> Check {
        { entry throws(BoardError) in
            guard keys.contains(entry.signer) else {
                throw BoardError(
                    .rejected, "the signer \(Base64.encode(entry.signer.bytes)) may not post `\(entry.type)` entries")
            }
        }
    }
}
