import Foundation
import TabellaGroups

/// One part of a document too large for a single board entry (a board entry holds at most 65,535 bytes): a shuffled
/// list of ciphertexts with its argument, or a trustee's decryption of such a list.
///
/// A signer posts the parts of a document in order, numbered from 1, and then the entry that the document belongs to
/// (a ``MixPost``, say), which states the document's ``DocumentSummary``. Parts are checked only then, together.
public struct DocumentPart: Sendable, Hashable, Codable {
    /// The most bytes in one part: their base64 text and the entry's other fields stay below the entry limit.
    public static let maximumByteCount = 45_000

    /// The document's name, such as `mix-2` (at most 64 characters).
    public let document: String
    /// The part's number, from 1.
    public let part: Int
    /// The part's bytes (base64 in JSON).
    public let bytes: Data

    /// A part.
    public init(document: String, part: Int, bytes: [UInt8]) {
        self.document = document
        self.part = part
        self.bytes = Data(bytes)
    }

    /// The parts of `bytes`, in order, each at most ``maximumByteCount`` bytes (one empty part for no bytes).
    public static func split(_ bytes: [UInt8], document: String) -> [DocumentPart] {
        let starts = Array(stride(from: 0, to: max(bytes.count, 1), by: maximumByteCount))
        return starts.enumerated().map { number, start in
            DocumentPart(document: document, part: number + 1,
                         bytes: Array(bytes[start..<min(bytes.count, start + maximumByteCount)]))
        }
    }
}

/// What the parts of a document add up to, stated by the entry the document belongs to.
public struct DocumentSummary: Sendable, Hashable, Codable {
    /// The document's name.
    public let document: String
    /// The number of parts.
    public let parts: Int
    /// The total number of bytes.
    public let byteCount: Int
    /// SHA-256 of the parts' bytes concatenated in order, hexadecimal.
    public let digest: String

    /// The summary of a whole document.
    public init(document: String, bytes: [UInt8]) {
        self.document = document
        parts = DocumentPart.split(bytes, document: document).count
        byteCount = bytes.count
        digest = Hex.encode(Digest.sha256.hash(bytes))
    }
}
