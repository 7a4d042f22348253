import Foundation

/// The mix-net's input, by the authority after closing: one row per counted ballot (roll order), holding the
/// ciphertexts of the ballot's mixed contests (ranked and write-in) in contest order. The rows themselves are the
/// document `mix-input` (see ``DocumentPart``), each ciphertext `α ‖ β` in the group's bulk encoding.
public struct MixInputPost: Sendable, Hashable, Codable {
    /// The number of rows.
    public let rows: Int
    /// The ciphertexts per row.
    public let width: Int
    /// The rows' document.
    public let document: DocumentSummary

    /// An input list.
    public init(rows: Int, width: Int, document: DocumentSummary) {
        self.rows = rows
        self.width = width
        self.document = document
    }
}

/// One trustee's mix: the previous list re-encrypted and permuted, with a Bayer-Groth argument that it is. The
/// document `mix-<position>` holds the rows (as in ``MixInputPost``) followed by the argument's encoding.
public struct MixPost: Sendable, Hashable, Codable {
    /// The trustee's participant index.
    public let participant: Int
    /// The mix's place in the chain, from 1.
    public let position: Int
    /// The number of rows (the same as the input's).
    public let rows: Int
    /// The ciphertexts per row (the same as the input's).
    public let width: Int
    /// How many of the document's bytes are rows; the argument follows them.
    public let rowByteCount: Int
    /// The document.
    public let document: DocumentSummary

    /// A mix.
    public init(participant: Int, position: Int, rows: Int, width: Int, rowByteCount: Int,
                document: DocumentSummary) {
        self.participant = participant
        self.position = position
        self.rows = rows
        self.width = width
        self.rowByteCount = rowByteCount
        self.document = document
    }
}

/// A trustee's partial decryption of the last mixed list: for every ciphertext, row by row, `M = α^(x_i)` and a
/// Chaum-Pedersen proof. The document `mix-share-<participant>` holds the values (group encoding) followed by the
/// proofs (`c ‖ v`), each in ciphertext order.
public struct MixSharePost: Sendable, Hashable, Codable {
    /// The trustee's participant index.
    public let participant: Int
    /// The document.
    public let document: DocumentSummary

    /// A share.
    public init(participant: Int, document: DocumentSummary) {
        self.participant = participant
        self.document = document
    }
}
