import Foundation
import TabellaGroups

/// A cast ballot, signed by the voter's credential.
///
/// The ballot's identifier is not free: it is `SHA-256("tabella/ballot-id/v1" ‖ election ‖ credential ‖ salt)`,
/// so every proof in the ballot is bound to the credential that cast it, and a ballot copied under another
/// credential fails its proofs.
public struct BallotPost: Sendable, Hashable, Codable {
    /// 16 random bytes, hexadecimal, that make each of a voter's ballots distinct.
    public let salt: String
    /// The encrypted ballot in its binary encoding (base64 in JSON).
    public let ballot: Data

    /// A post.
    public init(salt: [UInt8], ballot: [UInt8]) {
        self.salt = Hex.encode(salt)
        self.ballot = Data(ballot)
    }
}

/// A spoiled ballot, signed by the voter's credential: the Benaloh challenge. It reveals the ballot nonce and the
/// choices it encrypts, so that anyone can check that the client encrypted what the voter chose. It is never
/// counted, and its ciphertexts can never be cast afterwards.
public struct ChallengePost: Sendable, Hashable, Codable {
    /// As in ``BallotPost``.
    public let salt: String
    /// The encrypted ballot in its binary encoding.
    public let ballot: Data
    /// The 32-byte ballot nonce, hexadecimal: every encryption nonce derives from it.
    public let ballotNonce: String
    /// The choices, per contest, per option (0 or 1; a rank in a ranked contest).
    public let choices: [[Int]]
    /// The written answer of each contest (`""` for none; only write-in contests have one), when any is written.
    public let writeIns: [String]?

    /// A challenge.
    public init(salt: [UInt8], ballot: [UInt8], ballotNonce: [UInt8], choices: [[Int]], writeIns: [String]? = nil) {
        self.salt = Hex.encode(salt)
        self.ballot = Data(ballot)
        self.ballotNonce = Hex.encode(ballotNonce)
        self.choices = choices
        self.writeIns = writeIns
    }
}
