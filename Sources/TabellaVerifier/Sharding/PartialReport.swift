import Foundation
import TabellaCrypto
import TabellaGroups

/// What one shard of a verification found, before it is signed: the shard, the record it read (by digest), how
/// many independent objects the record has and how many this shard checked, and its report.
///
/// The report holds every step: the sliced checks count and fail only for this shard's objects, the checks that
/// need the whole record are repeated by every shard.
public struct PartialReport: Sendable, Hashable, Codable {
    /// The format of this version's partial reports.
    public static let currentFormat = "tabella-partial-report/v1"

    /// ``currentFormat``.
    public let format: String
    /// The kind of record (`tabella-board`).
    public let kind: String
    /// The slice.
    public let shard: VerificationShard
    /// The SHA-256 of what the shard read, in hexadecimal: every shard of one record must have read the same.
    public let recordDigest: String
    /// The record's independent objects (a board's ballots and challenges).
    public let objects: Int
    /// How many of them this shard checked.
    public let checkedObjects: Int
    /// The shard's report.
    public let report: VerificationReport

    /// A partial report.
    public init(kind: String, shard: VerificationShard, recordDigest: [UInt8], objects: Int,
                report: VerificationReport) {
        format = Self.currentFormat
        self.kind = kind
        self.shard = shard
        self.recordDigest = Hex.encode(recordDigest)
        self.objects = objects
        checkedObjects = (0..<objects).filter { shard.owns($0) }.count
        self.report = report
    }
}

/// A partial report signed with Ed25519, as the shard writes it: the report's exact JSON bytes (in base64), the
/// signer's public key and the signature over those bytes, all three in a JSON object.
public struct SignedPartialReport: Sendable, Hashable, Codable {
    /// The report's JSON, in base64.
    public let body: String
    /// The signer's Ed25519 public key, in hexadecimal.
    public let signer: String
    /// The Ed25519 signature of the report's JSON bytes, in hexadecimal.
    public let signature: String

    /// Signs `report` with `key`.
    public init(signing report: PartialReport, with key: Ed25519.PrivateKey) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = [UInt8](try encoder.encode(report))
        body = Data(bytes).base64EncodedString()
        signer = Hex.encode(key.publicKey.bytes)
        signature = Hex.encode(key.signature(for: bytes))
    }

    /// The signed report, once its signature holds.
    ///
    /// - Throws: ``ShardError`` `badReport` naming what does not hold: the encoding, the key, the signature, or
    ///   the format.
    public func open() throws(ShardError) -> PartialReport {
        guard let bytes = Data(base64Encoded: body), let signatureBytes = Hex.decode(signature),
              let keyBytes = Hex.decode(signer)
        else {
            throw ShardError(.badReport, "the body is not base64, or the signer or signature not hexadecimal")
        }
        let key: Ed25519.PublicKey
        do { key = try Ed25519.PublicKey(bytes: keyBytes) } catch {
            throw ShardError(.badReport, "the signer: \(error.message)")
        }
        guard key.isValidSignature(signatureBytes, for: [UInt8](bytes)) else {
            throw ShardError(.badReport, "the signature of signer \(signer) does not hold for the report")
        }
        let report: PartialReport
        do { report = try JSONDecoder().decode(PartialReport.self, from: bytes) } catch {
            throw ShardError(.badReport, "the signed body is not a partial report: \(error)")
        }
        guard report.format == PartialReport.currentFormat else {
            throw ShardError(.badReport, "format \(report.format), not \(PartialReport.currentFormat)")
        }
        return report
    }
}
