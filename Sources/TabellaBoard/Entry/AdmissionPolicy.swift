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

    /// Accepts a whole append request, all its entries or none, in order.
    ///
    /// A policy with state (an election's phase, the ciphertexts already cast) records the entries here, before
    /// they are appended, and learns their fate from ``appended(_:firstIndex:)`` or ``abandoned(_:)``.
    func admit(batch entries: [BoardEntry]) async throws(BoardError)

    /// The entries of an admitted batch are in the log, from `firstIndex` on.
    func appended(_ entries: [BoardEntry], firstIndex: UInt64) async

    /// The entries of an admitted batch could not be stored (the storage failed): they are not in the log.
    func abandoned(_ entries: [BoardEntry]) async
}

extension AdmissionPolicy {
    /// Admits each entry in turn; a stateless policy needs nothing more.
    public func admit(batch entries: [BoardEntry]) async throws(BoardError) {
        for (position, entry) in entries.enumerated() {
            do { try await admit(entry) } catch {
                throw entries.count == 1 ? error : BoardError(error.code, "entry \(position): \(error.message)")
            }
        }
    }

    /// Nothing to do for a stateless policy.
    public func appended(_ entries: [BoardEntry], firstIndex: UInt64) async {}

    /// Nothing to do for a stateless policy.
    public func abandoned(_ entries: [BoardEntry]) async {}
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
