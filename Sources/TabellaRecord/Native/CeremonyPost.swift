import Foundation

/// A trustee's key-ceremony message on the board: its round-1 message or its transcript signature, as bytes in
/// the ciphersuite's encoding.
public struct CeremonyPost: Sendable, Hashable, Codable {
    /// The trustee's participant index, 1…n.
    public let participant: Int
    /// The message (base64 in JSON).
    public let message: Data

    /// A post.
    public init(participant: Int, message: [UInt8]) {
        self.participant = participant
        self.message = Data(message)
    }
}
