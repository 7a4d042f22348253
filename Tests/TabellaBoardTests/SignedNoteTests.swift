import TabellaBoard
import TabellaCrypto
import Testing

/// c2sp.org/signed-note, tlog-checkpoint and tlog-cosignature: the spec's example, round trips, and every way a
/// note is refused.
@Suite struct SignedNoteTests {
    // The example of c2sp.org/signed-note (C2SP/C2SP @ 5ba5ee83, CC BY 4.0).
    static let exampleKey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
    static let exampleNote = """
        This is an example message.

        — example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=

        """

    let log = Ed25519NoteSigner(name: "board.example/election", privateKey: Ed25519.PrivateKey())

    func signedCheckpoint(size: UInt64 = 7) -> String {
        let checkpoint = Checkpoint(origin: log.keyName, size: size, rootHash: MerkleHash.leaf([UInt8(size)]))
        var note = SignedNote(text: checkpoint.text)
        note.sign(with: log)
        return note.serialized
    }

    @Test func theSpecExampleVerifies() throws {
        let verifier = try VerifierKey.parse(Self.exampleKey)
        #expect(verifier.keyID == 0x530d_903a)
        let note = try SignedNote(parsing: Self.exampleNote)
        #expect(note.text == "This is an example message.\n")
        #expect(try note.verify([verifier]).count == 1)
        #expect(note.serialized == Self.exampleNote)
    }

    @Test func checkpointsRoundTrip() throws {
        let text = signedCheckpoint()
        let (checkpoint, note) = try Checkpoint.open(text, logKeys: [log.verifier], origin: log.keyName)
        #expect(checkpoint.size == 7)
        #expect(checkpoint.rootHash == MerkleHash.leaf([7]))
        #expect(note.serialized == text)
        #expect(try Checkpoint(text: checkpoint.text) == checkpoint)
        let vkey = log.verifier.verifierKey
        #expect(try VerifierKey.parse(vkey).keyID == log.keyID)
        let restored = try VerifierKey.parseSigner(
            VerifierKey.formatSigner(name: log.keyName, privateKey: log.privateKey))
        #expect(restored.keyID == log.keyID)
    }

    @Test func aNoteFromAnUnknownKeyIsRejected() throws {
        let stranger = Ed25519NoteSigner(name: log.keyName, privateKey: Ed25519.PrivateKey())
        var note = SignedNote(text: "hello\n")
        note.sign(with: stranger)
        #expect(throws: BoardError.self) { try note.verify([log.verifier]) }
        do { try note.verify([log.verifier]) } catch { #expect(error.code == .unknownKey) }
        // An unknown signature beside a good one is ignored.
        note.sign(with: log)
        #expect(try note.verify([log.verifier]).map(\.keyName) == [log.keyName])
    }

    @Test func aBadSignatureFromAKnownKeyRejectsTheNote() throws {
        var note = SignedNote(text: "hello\n")
        note.sign(with: log)
        var bytes = note.signatures[0].signature
        bytes[10] ^= 1
        let tampered = SignedNote(
            text: note.text, signatures: [NoteSignature(keyName: log.keyName, keyID: log.keyID, signature: bytes)])
        let error = #expect(throws: BoardError.self) { try tampered.verify([log.verifier]) }
        #expect(error?.code == .badSignature)
        let otherText = SignedNote(text: "hullo\n", signatures: note.signatures)
        #expect((#expect(throws: BoardError.self) { try otherText.verify([log.verifier]) })?.code == .badSignature)
        // A good signature does not save a note that also carries a bad one from a known key.
        let mixed = SignedNote(text: note.text, signatures: note.signatures + tampered.signatures)
        #expect((#expect(throws: BoardError.self) { try mixed.verify([log.verifier]) })?.code == .badSignature)
    }

    @Test(arguments: [
        "hello\n\n- board.example/election AAAAAAAAAA==\n",  // hyphen, not an em dash
        "hello\n\n— board.example/election not-base64!\n",
        "hello\n\n— board+example AAAAAAAAAA==\n",  // plus in the key name
        "hello\n\n— board.example AAAAAAAAAA== extra\n",
        "hello\n\n— board.example AAAA\n",  // key ID but no signature
        "hello\n\n— board.example AAAAAAAAAA==",  // no final newline
        "hello\n— board.example AAAAAAAAAA==\n",  // no blank line
        "hello\n\n",  // no signature at all
        "hel\u{7}lo\n\n— board.example AAAAAAAAAA==\n",  // a control character
    ])
    func malformedNotesAreRejected(text: String) {
        let error = #expect(throws: BoardError.self) { try SignedNote(parsing: text) }
        #expect(error?.code == .malformedNote)
    }

    @Test func invalidUTF8IsRejected() {
        let bytes: [UInt8] = Array("hello ".utf8) + [0xff, 0x0a, 0x0a] + Array("— a AAAAAAAAAA==\n".utf8)
        #expect((#expect(throws: BoardError.self) { try SignedNote(parsing: bytes) })?.code == .malformedNote)
    }

    @Test(arguments: [
        "origin\n7\n",  // two lines
        "origin\n07\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",  // leading zero
        "origin\n-7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
        "origin\n7\nAAAA\n",  // root of 3 bytes
        "\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",  // empty origin
        "origin\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n",  // empty extension line
    ])
    func malformedCheckpointsAreRejected(text: String) {
        #expect((#expect(throws: BoardError.self) { try Checkpoint(text: text) })?.code == .malformedNote)
    }

    @Test func aCheckpointOfAnotherOriginIsRejected() {
        let error = #expect(throws: BoardError.self) {
            try Checkpoint.open(signedCheckpoint(), logKeys: [log.verifier], origin: "other.example/log")
        }
        #expect(error?.code == .unknownKey)
    }

    @Test func cosignaturesRoundTripAndBindTheirTimestamp() throws {
        let witness = CosignatureSigner(name: "witness.example/w1", privateKey: Ed25519.PrivateKey()) { 1_679_315_147 }
        var note = try SignedNote(parsing: signedCheckpoint())
        note.sign(with: witness)
        let reread = try SignedNote(parsing: note.serialized)
        let cosigner = try VerifierKey.parse(witness.verifier.verifierKey)
        let verified = try reread.verify([log.verifier, cosigner])
        #expect(verified.count == 2)
        #expect(CosignatureVerifier.timestamp(of: verified[1].signature) == 1_679_315_147)
        // The same key as a plain Ed25519 key has another key ID: the cosignature is not taken for a log signature.
        let sameKeyOtherType = Ed25519NoteVerifier(name: witness.keyName, publicKey: witness.privateKey.publicKey)
        #expect(sameKeyOtherType.keyID != witness.keyID)
        // Changing the timestamp breaks the signature.
        var bytes = verified[1].signature
        bytes[7] ^= 1
        let moved = SignedNote(
            text: note.text,
            signatures: [NoteSignature(keyName: witness.keyName, keyID: witness.keyID, signature: bytes)])
        #expect((#expect(throws: BoardError.self) { try moved.verify([cosigner]) })?.code == .badSignature)
    }

    @Test func verifierKeysWithAWrongIDOrTypeAreRejected() {
        let wrongID = "example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
        #expect((#expect(throws: BoardError.self) { try VerifierKey.parse(wrongID) })?.code == .malformedKey)
        let wrongType = "example.com/foo+530d903a+AukyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
        #expect(throws: BoardError.self) { try VerifierKey.parse(wrongType) }
        #expect(throws: BoardError.self) { try VerifierKey.parse("example.com/foo+530d903a") }
        #expect(throws: BoardError.self) { try VerifierKey.parseSigner("PRIVATE+KEY+x+00000000+AQ==") }
    }
}
