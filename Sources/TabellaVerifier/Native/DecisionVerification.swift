import TabellaBoard
import TabellaCrypto
import TabellaGroups

/// The offline check of a signed decision note, for a script or a relay that acts on the decision: the note
/// parses, names the election, and carries valid signatures of the authority and of at least `threshold` trustees.
public enum DecisionVerification {
    /// The keys a decision is checked with, as published in the election's definition.
    public struct Keys: Sendable, Hashable, Codable {
        /// The election.
        public let election: String
        /// The authority's Ed25519 key, hexadecimal.
        public let authority: String
        /// The trustees' board keys, hexadecimal, in participant order.
        public let trustees: [String]
        /// How many trustees must have signed.
        public let threshold: Int

        /// Keys.
        public init(election: String, authority: String, trustees: [String], threshold: Int) {
            self.election = election
            self.authority = authority
            self.trustees = trustees
            self.threshold = threshold
        }
    }

    /// Checks `note` (a serialized signed note) against `keys`.
    ///
    /// - Returns: the decision and the participant indices of the trustees that signed it.
    /// - Throws: ``ElectionRejection`` (check 10) naming what is missing or wrong.
    public static func verify(_ note: String, keys: Keys) throws(ElectionRejection) -> (DecisionNote, [Int]) {
        func fail(_ message: String) -> ElectionRejection { ElectionRejection(.decisionSignatures, message) }
        let signed: SignedNote
        do { signed = try SignedNote(parsing: note) } catch { throw fail("the note: \(error.message)") }
        let decision = try DecisionNote(text: signed.text)
        guard decision.election == keys.election else {
            throw fail("the note is for election `\(decision.election)`, not `\(keys.election)`")
        }
        func verifier(_ hex: String, _ name: String) throws(ElectionRejection) -> Ed25519NoteVerifier {
            guard let bytes = Hex.decode(hex), let key = try? Ed25519.PublicKey(bytes: bytes) else {
                throw fail("the key of \(name) is not a hexadecimal Ed25519 key")
            }
            return Ed25519NoteVerifier(name: name, publicKey: key)
        }
        let authority = try verifier(keys.authority, DecisionNote.authorityKeyName(election: keys.election))
        var trustees = [Ed25519NoteVerifier]()
        for (offset, hex) in keys.trustees.enumerated() {
            trustees.append(try verifier(hex, DecisionNote.trusteeKeyName(election: keys.election,
                                                                          participant: offset + 1)))
        }
        let valid: [NoteSignature]
        do { valid = try signed.verify([authority] + trustees) } catch {
            throw fail("the note's signatures: \(error.message)")
        }
        guard valid.contains(where: { $0.keyName == authority.keyName && $0.keyID == authority.keyID }) else {
            throw fail("the authority's signature is missing")
        }
        let signers = trustees.indices.filter { index in
            valid.contains { $0.keyName == trustees[index].keyName && $0.keyID == trustees[index].keyID }
        }.map { $0 + 1 }
        guard signers.count >= keys.threshold else {
            throw fail("\(signers.count) trustees signed; the threshold is \(keys.threshold)")
        }
        return (decision, signers)
    }
}
