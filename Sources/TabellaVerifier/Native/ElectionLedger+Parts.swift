import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// The parts of a document that one signer has posted so far, in order.
struct PendingDocument: Sendable {
    /// The document's name.
    let document: String
    /// The parts' bytes, in order.
    var parts: [[UInt8]]
}

extension ElectionLedger {
    /// A part of a document: by the authority or a trustee, numbered after the signer's previous part of the same
    /// document (a part 1 starts the document again). Parts are checked when the entry that states their summary
    /// arrives.
    mutating func applyPart(_ entry: BoardEntry) throws(ElectionRejection) {
        guard entry.signer == authority || trusteeKeys.contains(entry.signer) else {
            throw ElectionRejection(.authorisation, "the document-part entry is not signed by the authority or a "
                + "trustee")
        }
        try require(.closed, .part)
        let part = try payload(DocumentPart.self, entry, .part, check: .authorisation)
        guard part.document.utf8.count <= 64, part.bytes.count <= DocumentPart.maximumByteCount else {
            throw ElectionRejection(.authorisation, "a document part has a name over 64 bytes or more than "
                + "\(DocumentPart.maximumByteCount) bytes")
        }
        if part.part == 1 {
            pendingDocuments[entry.signer] = PendingDocument(document: part.document, parts: [Array(part.bytes)])
            return
        }
        guard var pending = pendingDocuments[entry.signer], pending.document == part.document,
              pending.parts.count + 1 == part.part else {
            let expected = pendingDocuments[entry.signer].map { "part \($0.parts.count + 1) of `\($0.document)`" }
            throw ElectionRejection(.authorisation, "part \(part.part) of `\(part.document)` arrives where "
                + "\(expected ?? "a part 1") is expected")
        }
        pending.parts.append(Array(part.bytes))
        pendingDocuments[entry.signer] = pending
    }

    /// Takes the document that `summary` states from the signer's parts: its name, number of parts, length and
    /// digest must match.
    ///
    /// - Throws: ``ElectionRejection`` under `check`, naming the mismatch; the parts are then kept.
    mutating func takeDocument(_ summary: DocumentSummary, named name: String, from signer: Ed25519.PublicKey,
                               check: ElectionCheck) throws(ElectionRejection) -> [UInt8] {
        guard summary.document == name else {
            throw ElectionRejection(check, "the entry states the document `\(summary.document)`, not `\(name)`")
        }
        guard let pending = pendingDocuments[signer], pending.document == name else {
            throw ElectionRejection(check, "the signer posted no parts of `\(name)`")
        }
        let bytes = pending.parts.flatMap { $0 }
        guard pending.parts.count == summary.parts, bytes.count == summary.byteCount,
              Hex.encode(Digest.sha256.hash(bytes)) == summary.digest.lowercased() else {
            throw ElectionRejection(check, "the \(pending.parts.count) parts of `\(name)` (\(bytes.count) bytes) do "
                + "not match the summary (\(summary.parts) parts, \(summary.byteCount) bytes, its digest)")
        }
        pendingDocuments[signer] = nil
        return bytes
    }
}
