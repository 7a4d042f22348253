import TabellaCrypto
import TabellaGroups

/// A signed board message: the generic envelope every entry of an election's board travels in.
///
/// The envelope names the entry's type (`ballot`, `decryption-share`, …), the election it belongs to, the payload
/// (whose format the type defines) and the Ed25519 key that signed it. Its binary encoding, which is the leaf of the
/// Merkle tree and what entry bundles serve, is
///
///     0x01 ‖ u8 len ‖ type ‖ u8 len ‖ election ‖ u32 len ‖ payload ‖ signer (32) ‖ signature (64)
///
/// (lengths big-endian). The signature covers `"tabella/board-entry/v1\n"` followed by that encoding without the
/// signature. An encoded entry is at most 65,535 bytes, the limit of a c2sp.org/tlog-tiles entry bundle.
public struct BoardEntry: Sendable, Hashable {
    /// The encoding version byte.
    public static let version: UInt8 = 1
    /// The longest encoded entry.
    public static let maximumByteCount = 65_535
    /// The longest type or election identifier.
    public static let maximumNameLength = 64
    /// The domain separator of the signed message.
    static let domain = Array("tabella/board-entry/v1\n".utf8)

    /// The entry type, lower-case letters, digits, `-`, `.` and `_`.
    public let type: String
    /// The election's identifier, same characters as the type.
    public let election: String
    /// The type-specific content.
    public let payload: [UInt8]
    /// The key that signed the entry.
    public let signer: Ed25519.PublicKey
    /// The Ed25519 signature of ``signedMessage``.
    public let signature: [UInt8]

    /// An entry signed by `key`.
    ///
    /// - Throws: ``BoardError`` `malformedEntry` when a name is invalid or the entry would be too large.
    public init(
        type: String, election: String, payload: [UInt8], signedBy key: Ed25519.PrivateKey
    )
        throws(BoardError)
    {
        try self.init(unsignedType: type, election: election, payload: payload, signer: key.publicKey)
        self = BoardEntry(
            type: type, election: election, payload: payload, signer: key.publicKey,
            checkedSignature: key.signature(for: signedMessage))
    }

    /// An entry from its parts, checking names, size and signature length (not the signature itself: see
    /// ``verifySignature()``).
    ///
    /// - Throws: ``BoardError`` `malformedEntry` naming the field that is wrong.
    public init(
        type: String, election: String, payload: [UInt8], signer: Ed25519.PublicKey, signature: [UInt8]
    )
        throws(BoardError)
    {
        try self.init(unsignedType: type, election: election, payload: payload, signer: signer)
        guard signature.count == Ed25519.signatureByteCount else {
            throw BoardError(.malformedEntry, "the signature has \(signature.count) bytes, not 64")
        }
        self = BoardEntry(
            type: type, election: election, payload: payload, signer: signer, checkedSignature: signature)
    }

    private init(
        unsignedType type: String, election: String, payload: [UInt8], signer: Ed25519.PublicKey
    )
        throws(BoardError)
    {
        try Self.checkName(type, field: "type")
        try Self.checkName(election, field: "election")
        let size = 1 + 1 + type.utf8.count + 1 + election.utf8.count + 4 + payload.count + 32 + 64
        guard size <= Self.maximumByteCount else {
            throw BoardError(.malformedEntry, "the entry would have \(size) bytes, more than \(Self.maximumByteCount)")
        }
        self.init(type: type, election: election, payload: payload, signer: signer, checkedSignature: [])
    }

    private init(
        type: String, election: String, payload: [UInt8], signer: Ed25519.PublicKey,
        checkedSignature: [UInt8]
    ) {
        self.type = type
        self.election = election
        self.payload = payload
        self.signer = signer
        signature = checkedSignature
    }

    /// Reads an encoded entry (a leaf of the log).
    ///
    /// - Throws: ``BoardError`` `malformedEntry` naming the field that is wrong or missing.
    public init(decoding bytes: [UInt8]) throws(BoardError) {
        var reader = ByteReader(bytes)
        guard try reader.byte("version") == Self.version else {
            throw BoardError(.malformedEntry, "the entry's version byte is not \(Self.version)")
        }
        let type = try reader.string(lengthBytes: 1, field: "type")
        let election = try reader.string(lengthBytes: 1, field: "election")
        let payload = try reader.bytes(count: Int(reader.integer(byteCount: 4, field: "payload")), field: "payload")
        let signerBytes = try reader.bytes(count: Ed25519.publicKeyByteCount, field: "signer")
        let signature = try reader.bytes(count: Ed25519.signatureByteCount, field: "signature")
        guard reader.isAtEnd else {
            throw BoardError(.malformedEntry, "the entry has \(reader.remaining) bytes after its signature")
        }
        let signer: Ed25519.PublicKey
        do { signer = try SignerKeyCache.shared.key(signerBytes) } catch {
            throw BoardError(.malformedEntry, "the entry's signer key is invalid: \(error.message)")
        }
        try self.init(type: type, election: election, payload: payload, signer: signer, signature: signature)
    }

    /// The binary encoding without the signature.
    private func unsignedEncoding(after prefix: [UInt8], reserving extra: Int) -> [UInt8] {
        var bytes = prefix
        bytes.reserveCapacity(prefix.count + 1 + 1 + type.utf8.count + 1 + election.utf8.count + 4 + payload.count
            + Ed25519.publicKeyByteCount + extra)
        bytes += [Self.version, UInt8(type.utf8.count)]
        bytes += type.utf8
        bytes.append(UInt8(election.utf8.count))
        bytes += election.utf8
        bytes += UInt32(payload.count).bigEndianBytes
        bytes += payload
        bytes += signer.bytes
        return bytes
    }

    /// The bytes the signature covers.
    public var signedMessage: [UInt8] { unsignedEncoding(after: Self.domain, reserving: 0) }

    /// The binary encoding: the leaf of the Merkle tree.
    public var encoded: [UInt8] { unsignedEncoding(after: [], reserving: signature.count) + signature }

    /// The entry's identity for replay detection: SHA-256 of the signed message. The same signed content is one
    /// entry, whatever signature bytes it carries.
    public var id: [UInt8] { Digest.sha256.hash(signedMessage) }

    /// Checks the signature against the signer's key.
    ///
    /// - Throws: ``BoardError`` `badSignature` when it does not verify.
    public func verifySignature() throws(BoardError) {
        guard signer.isValidSignature(signature, for: signedMessage) else {
            throw BoardError(.badSignature, "the \(type) entry's signature does not verify under its signer key")
        }
    }

    private static func checkName(_ name: String, field: String) throws(BoardError) {
        let allowed = name.utf8.allSatisfy {
            (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2d || $0 == 0x2e || $0 == 0x5f
        }
        guard !name.isEmpty, name.utf8.count <= maximumNameLength, allowed else {
            throw BoardError(
                .malformedEntry,
                "the \(field) `\(name)` is not 1 to \(maximumNameLength) characters of a-z, 0-9, `-`, `.`, `_`")
        }
    }
}

/// Reads length-prefixed fields from bytes, naming the field that runs past the end.
struct ByteReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - position }
    var isAtEnd: Bool { position == bytes.count }

    mutating func bytes(count: Int, field: String) throws(BoardError) -> [UInt8] {
        guard count <= remaining else {
            throw BoardError(.malformedEntry, "the entry ends inside its \(field) field")
        }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func byte(_ field: String) throws(BoardError) -> UInt8 { try bytes(count: 1, field: field)[0] }

    mutating func integer(byteCount: Int, field: String) throws(BoardError) -> UInt64 {
        try bytes(count: byteCount, field: field).reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func string(lengthBytes: Int, field: String) throws(BoardError) -> String {
        let raw = try bytes(count: Int(integer(byteCount: lengthBytes, field: field)), field: field)
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw BoardError(.malformedEntry, "the entry's \(field) is not UTF-8")
        }
        return text
    }
}
