import TabellaCrypto

/// A key that checks signatures on notes, identified by key name and key ID.
public protocol NoteVerifier: Sendable {
    /// The key name in signature lines.
    var keyName: String { get }
    /// The 32-bit key ID in signature lines.
    var keyID: UInt32 { get }
    /// Whether `signature` (the bytes after the key ID) is valid on the note `text`.
    func isValid(_ signature: [UInt8], for text: String) -> Bool
}

/// A key that signs notes.
public protocol NoteSigner: Sendable {
    /// The key name in signature lines.
    var keyName: String { get }
    /// The 32-bit key ID in signature lines.
    var keyID: UInt32 { get }
    /// The signature bytes (after the key ID) on the note `text`.
    func signature(for text: String) -> [UInt8]
}

/// Verifies plain Ed25519 note signatures (type `0x01`): a log's signature on its checkpoints.
public struct Ed25519NoteVerifier: NoteVerifier, Hashable {
    /// The key name.
    public let keyName: String
    /// The key ID derived from the name and key.
    public let keyID: UInt32
    /// The Ed25519 key.
    public let publicKey: Ed25519.PublicKey

    /// The verifier of `name` with `publicKey`.
    public init(name: String, publicKey: Ed25519.PublicKey) {
        precondition(isValidKeyName(name), "a key name is non-empty and has no spaces or `+`")
        keyName = name
        self.publicKey = publicKey
        keyID = NoteSignatureType.ed25519.keyID(name: name, publicKey: publicKey.bytes)
    }

    /// Whether `signature` is an Ed25519 signature of `text`.
    public func isValid(_ signature: [UInt8], for text: String) -> Bool {
        publicKey.isValidSignature(signature, for: Array(text.utf8))
    }

    /// The verifier key string `name+keyID+base64(0x01 ‖ key)`.
    public var verifierKey: String {
        VerifierKey.format(name: keyName, keyID: keyID, type: .ed25519, publicKey: publicKey.bytes)
    }
}

/// Signs notes with Ed25519 (type `0x01`).
public struct Ed25519NoteSigner: NoteSigner {
    /// The key name.
    public let keyName: String
    /// The signing key.
    public let privateKey: Ed25519.PrivateKey

    /// A signer named `name`.
    public init(name: String, privateKey: Ed25519.PrivateKey) {
        precondition(isValidKeyName(name), "a key name is non-empty and has no spaces or `+`")
        keyName = name
        self.privateKey = privateKey
    }

    /// The key ID derived from the name and public key.
    public var keyID: UInt32 { verifier.keyID }

    /// The matching verifier.
    public var verifier: Ed25519NoteVerifier { Ed25519NoteVerifier(name: keyName, publicKey: privateKey.publicKey) }

    /// The Ed25519 signature of `text`.
    public func signature(for text: String) -> [UInt8] {
        privateKey.signature(for: Array(text.utf8))
    }
}

/// Parsing and formatting of verifier keys (`name+hex(key ID)+base64(type ‖ public key)`) and of the signing-key
/// strings Tabella stores keys in (`PRIVATE+KEY+name+hex(key ID)+base64(0x01 ‖ seed)`).
public enum VerifierKey {
    /// The verifier key string of a key.
    public static func format(name: String, keyID: UInt32, type: NoteSignatureType, publicKey: [UInt8]) -> String {
        "\(name)+\(hex8(keyID))+\(Base64.encode([type.rawValue] + publicKey))"
    }

    /// Reads a verifier key: an Ed25519 key (type `0x01`) or an Ed25519 cosigner key (type `0x04`).
    ///
    /// - Throws: ``BoardError`` `malformedKey` for a bad shape, an unsupported type, an invalid key, or a key ID
    ///   that is not the one derived from the name and key.
    public static func parse(_ text: String) throws(BoardError) -> any NoteVerifier {
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, isValidKeyName(String(parts[0])), parts[1].count == 8,
            let id = UInt32(parts[1], radix: 16), let material = Base64.decode(parts[2]), !material.isEmpty
        else {
            throw BoardError(.malformedKey, "`\(text)` is not a verifier key `name+keyid+base64`")
        }
        let name = String(parts[0])
        let publicKey: Ed25519.PublicKey
        do { publicKey = try Ed25519.PublicKey(bytes: Array(material.dropFirst())) } catch {
            throw BoardError(.malformedKey, "verifier key \(name): \(error.message)")
        }
        let verifier: any NoteVerifier
        switch NoteSignatureType(rawValue: material[0]) {
        case .ed25519: verifier = Ed25519NoteVerifier(name: name, publicKey: publicKey)
        case .cosignatureV1: verifier = CosignatureVerifier(name: name, publicKey: publicKey)
        case nil: throw BoardError(.malformedKey, "verifier key \(name) has unsupported type \(material[0])")
        }
        guard verifier.keyID == id else {
            throw BoardError(.malformedKey, "verifier key \(name) has key ID \(parts[1]), not the derived one")
        }
        return verifier
    }

    /// The signing-key string of a name and private key (keep it secret: it holds the seed).
    public static func formatSigner(name: String, privateKey: Ed25519.PrivateKey) -> String {
        let id = NoteSignatureType.ed25519.keyID(name: name, publicKey: privateKey.publicKey.bytes)
        return
            "PRIVATE+KEY+\(name)+\(hex8(id))+\(Base64.encode([NoteSignatureType.ed25519.rawValue] + privateKey.seed))"
    }

    /// Reads a signing-key string `PRIVATE+KEY+name+keyid+base64(0x01 ‖ seed)`.
    ///
    /// - Throws: ``BoardError`` `malformedKey` for a bad shape or a key ID that does not match.
    public static func parseSigner(_ text: String) throws(BoardError) -> Ed25519NoteSigner {
        let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", isValidKeyName(String(parts[2])),
            parts[3].count == 8, let id = UInt32(parts[3], radix: 16), let material = Base64.decode(parts[4]),
            material.first == NoteSignatureType.ed25519.rawValue,
            let privateKey = try? Ed25519.PrivateKey(seed: Array(material.dropFirst()))
        else {
            throw BoardError(.malformedKey, "the text is not a signing key `PRIVATE+KEY+name+keyid+base64`")
        }
        let signer = Ed25519NoteSigner(name: String(parts[2]), privateKey: privateKey)
        guard signer.keyID == id else {
            throw BoardError(.malformedKey, "signing key \(parts[2]) has a key ID that does not match its key")
        }
        return signer
    }

    private static func hex8(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
