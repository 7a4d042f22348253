/// A c2sp.org/signed-note: a text ending in a newline, a blank line, and one or more signature lines
/// `— <key name> base64(key ID ‖ signature)`.
public struct SignedNote: Sendable, Hashable {
    /// The most signatures a note may carry (the spec asks for at least 16 to be accepted).
    public static let maximumSignatureCount = 64
    /// The largest note read, in bytes.
    public static let maximumByteCount = 1 << 20

    /// The signed text, final newline included.
    public let text: String
    /// The signature lines, in order.
    public var signatures: [NoteSignature]

    /// A note of `text` (which must end in a newline) with the given signatures.
    public init(text: String, signatures: [NoteSignature] = []) {
        precondition(text.hasSuffix("\n"), "a note text ends in a newline")
        self.text = text
        self.signatures = signatures
    }

    /// Reads a signed note.
    ///
    /// - Throws: ``BoardError`` `malformedNote` for invalid UTF-8, control characters, no blank line, no
    ///   signature, or any signature line not of the form `— name base64`.
    public init(parsing bytes: [UInt8]) throws(BoardError) {
        guard bytes.count <= Self.maximumByteCount else {
            throw BoardError(.malformedNote, "the note has \(bytes.count) bytes, more than \(Self.maximumByteCount)")
        }
        guard let note = String(validating: bytes, as: UTF8.self) else {
            throw BoardError(.malformedNote, "the note is not valid UTF-8")
        }
        if let control = note.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\n" }) {
            throw BoardError(.malformedNote, "the note contains the control character U+\(control.value)")
        }
        guard let separator = note.range(of: "\n\n", options: .backwards) else {
            throw BoardError(.malformedNote, "the note has no blank line before its signatures")
        }
        let text = String(note[..<note.index(after: separator.lowerBound)])
        let block = note[separator.upperBound...]
        guard block.hasSuffix("\n"), block.count > 1 else {
            throw BoardError(.malformedNote, "the note has no signature lines ending in a newline")
        }
        let lines = block.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count <= Self.maximumSignatureCount else {
            throw BoardError(.malformedNote, "the note has \(lines.count) signatures, more than allowed")
        }
        var signatures = [NoteSignature]()
        for (position, line) in lines.enumerated() {
            signatures.append(try NoteSignature(line: line, position: position))
        }
        self.text = text
        self.signatures = signatures
    }

    /// Reads a signed note from text.
    public init(parsing text: String) throws(BoardError) {
        try self.init(parsing: Array(text.utf8))
    }

    /// The note as text: the text, a blank line, the signature lines.
    public var serialized: String {
        text + "\n" + signatures.map(\.line).joined()
    }

    /// Adds a signature by `signer` of the text.
    public mutating func sign(with signer: some NoteSigner) {
        signatures.append(
            NoteSignature(keyName: signer.keyName, keyID: signer.keyID, signature: signer.signature(for: text)))
    }

    /// Checks the note's signatures against known keys, as the signed-note spec requires: signatures whose key
    /// name and ID match no verifier are ignored; one that matches a verifier and fails rejects the whole note;
    /// at least one must verify.
    ///
    /// - Returns: the signatures that verified, in note order.
    /// - Throws: ``BoardError`` `badSignature` for a failed signature of a known key, `unknownKey` when no
    ///   signature is from a known key.
    @discardableResult
    public func verify(_ verifiers: [any NoteVerifier]) throws(BoardError) -> [NoteSignature] {
        var verified = [NoteSignature]()
        for signature in signatures {
            guard
                let verifier = verifiers.first(where: {
                    $0.keyName == signature.keyName && $0.keyID == signature.keyID
                })
            else { continue }
            guard verifier.isValid(signature.signature, for: text) else {
                throw BoardError(.badSignature, "the signature of \(signature.keyName) on the note does not verify")
            }
            verified.append(signature)
        }
        guard !verified.isEmpty else {
            let names = signatures.map(\.keyName).joined(separator: ", ")
            throw BoardError(.unknownKey, "the note has no signature from a known key (signed by: \(names))")
        }
        return verified
    }
}

/// One signature line of a note.
public struct NoteSignature: Sendable, Hashable {
    /// The signer's key name.
    public let keyName: String
    /// The signer's 32-bit key ID.
    public let keyID: UInt32
    /// The signature bytes after the key ID (a plain Ed25519 signature, or a timestamp and one for cosignatures).
    public let signature: [UInt8]

    /// A signature by the key `keyName`/`keyID`.
    public init(keyName: String, keyID: UInt32, signature: [UInt8]) {
        self.keyName = keyName
        self.keyID = keyID
        self.signature = signature
    }

    /// Reads one line `— name base64(key ID ‖ signature)` (without its newline).
    ///
    /// - Throws: ``BoardError`` `malformedNote` naming the line and what is wrong with it.
    public init(line: Substring, position: Int = 0) throws(BoardError) {
        guard line.hasPrefix("— ") else {
            throw BoardError(.malformedNote, "signature line \(position) does not start with an em dash and a space")
        }
        let fields = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 2 else {
            throw BoardError(.malformedNote, "signature line \(position) is not `— name signature`")
        }
        guard isValidKeyName(String(fields[0])) else {
            throw BoardError(.malformedNote, "signature line \(position) has an invalid key name")
        }
        guard let bytes = Base64.decode(fields[1]), bytes.count > 4 else {
            throw BoardError(.malformedNote, "signature line \(position) has no valid base64 key ID and signature")
        }
        keyName = String(fields[0])
        keyID = bytes[0..<4].reduce(0) { $0 << 8 | UInt32($1) }
        signature = Array(bytes[4...])
    }

    /// The signature line, newline included.
    public var line: String {
        "— \(keyName) \(Base64.encode(keyID.bigEndianBytes + signature))\n"
    }
}
