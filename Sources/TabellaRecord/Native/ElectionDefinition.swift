import TabellaCrypto
import TabellaGroups

/// The election's first board entry: the manifest, who may post what, and a summary of the roll that follows.
public struct ElectionDefinition: Sendable, Hashable, Codable {
    /// One trustee: the key that signs its board entries and its static key for the key ceremony.
    public struct Trustee: Sendable, Hashable, Codable {
        /// A name for people to read.
        public let name: String
        /// The Ed25519 key that signs the trustee's board entries, hexadecimal.
        public let boardKey: String
        /// The trustee's COCKTAIL-DKG static public key in the election's group, hexadecimal.
        public let ceremonyKey: String

        /// A trustee listing.
        public init(name: String, boardKey: String, ceremonyKey: String) {
            self.name = name
            self.boardKey = boardKey
            self.ceremonyKey = ceremonyKey
        }
    }

    /// What the roll entries that follow the definition must add up to.
    public struct RollSummary: Sendable, Hashable, Codable {
        /// The number of voters.
        public let voters: Int
        /// The number of ``RollChunk`` entries, numbered 1…chunks.
        public let chunks: Int
        /// SHA-256 of the chunks' payloads concatenated in order, hexadecimal.
        public let digest: String

        /// A summary.
        public init(voters: Int, chunks: Int, digest: String) {
            self.voters = voters
            self.chunks = chunks
            self.digest = digest
        }
    }

    /// The manifest.
    public let manifest: ElectionManifest
    /// The Ed25519 key of the authority, which signs the lifecycle entries, hexadecimal.
    public let authority: String
    /// The trustees, in ceremony participant order (participant i is `trustees[i - 1]`).
    public let trustees: [Trustee]
    /// The roll's summary.
    public let roll: RollSummary
    /// The key ceremony's session identifier, 16 to 64 bytes, hexadecimal.
    public let ceremonySession: String
    /// The Ed25519 key of the election's monitor, which signs its alerts, hexadecimal; `nil` for an election
    /// without a monitor on its board.
    public let monitor: String?

    /// A definition; ``validate()`` checks it.
    public init(manifest: ElectionManifest, authority: String, trustees: [Trustee], roll: RollSummary,
                ceremonySession: String, monitor: String? = nil) {
        self.manifest = manifest
        self.authority = authority
        self.trustees = trustees
        self.roll = roll
        self.ceremonySession = ceremonySession
        self.monitor = monitor
    }

    /// The authority's key.
    ///
    /// - Throws: ``ElectionError`` `.malformed` when it is not an Ed25519 key.
    public func authorityKey() throws(ElectionError) -> Ed25519.PublicKey {
        try Self.signingKey(hex: authority, "the authority key")
    }

    /// The monitor's key, if the definition declares one.
    ///
    /// - Throws: ``ElectionError`` `.malformed` when it is not an Ed25519 key.
    public func monitorKey() throws(ElectionError) -> Ed25519.PublicKey? {
        guard let monitor else { return nil }
        return try Self.signingKey(hex: monitor, "the monitor key")
    }

    /// The trustees' board keys, in participant order.
    ///
    /// - Throws: ``ElectionError`` `.malformed` naming the trustee whose key is not an Ed25519 key.
    public func trusteeBoardKeys() throws(ElectionError) -> [Ed25519.PublicKey] {
        var keys = [Ed25519.PublicKey]()
        for (offset, trustee) in trustees.enumerated() {
            keys.append(try Self.signingKey(hex: trustee.boardKey, "the board key of trustee \(offset + 1)"))
        }
        return keys
    }

    /// Checks the manifest, the trustees and the roll summary.
    ///
    /// - Throws: ``ElectionError`` naming the field.
    public func validate() throws(ElectionError) {
        try manifest.validate()
        guard trustees.count == manifest.trustees else {
            throw ElectionError(.outOfRange,
                "the manifest names \(manifest.trustees) trustees but the definition lists \(trustees.count)")
        }
        let keys = try trusteeBoardKeys()
        guard Set(keys).count == keys.count else {
            throw ElectionError(.duplicate, "two trustees have the same board key")
        }
        let authorityKey = try authorityKey()
        guard !keys.contains(authorityKey) else {
            throw ElectionError(.duplicate, "the authority key is also a trustee's board key")
        }
        if let monitorKey = try monitorKey(), monitorKey == authorityKey || keys.contains(monitorKey) {
            throw ElectionError(.duplicate, "the monitor key is also the authority's or a trustee's key")
        }
        for (offset, trustee) in trustees.enumerated() where trustee.name.isEmpty {
            throw ElectionError(.missing, "trustee \(offset + 1) has no name")
        }
        guard roll.voters >= 1, roll.chunks >= 1, roll.chunks <= roll.voters else {
            throw ElectionError(.outOfRange,
                "the roll summary announces \(roll.voters) voters in \(roll.chunks) chunks")
        }
        _ = try PayloadCoding.bytes(hex: roll.digest, "the roll digest", count: 32)
        let session = try PayloadCoding.bytes(hex: ceremonySession, "the ceremony session")
        guard (16...64).contains(session.count) else {
            throw ElectionError(.outOfRange, "the ceremony session has \(session.count) bytes, not 16 to 64")
        }
    }

    private static func signingKey(hex: String, _ field: String) throws(ElectionError) -> Ed25519.PublicKey {
        let bytes = try PayloadCoding.bytes(hex: hex, field, count: Ed25519.publicKeyByteCount)
        do { return try Ed25519.PublicKey(bytes: bytes) } catch {
            throw ElectionError(.malformed, "\(field) is not an Ed25519 key")
        }
    }
}
