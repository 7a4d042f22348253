import ArgumentParser
import Foundation
import TabellaCrypto

/// The secret inside a trustee's key file (encrypted at rest by ``PassphraseBox``).
struct TrusteeIdentity: Codable {
    /// The trustee's name, as shown to the others.
    let name: String
    /// The `ciphersuite_id`.
    let ciphersuite: String
    /// The static secret key `d`, hex.
    let staticKey: String
}

/// A trustee's public file, sent to the organiser: the name and the static public key `P`.
struct TrusteePublicIdentity: Codable, Equatable {
    /// The trustee's name.
    let name: String
    /// The `ciphersuite_id`.
    let ciphersuite: String
    /// `P = g^d`, hex.
    let publicKey: String
}

/// `ceremony.json` in the ceremony folder: what every trustee must agree on before round 1.
struct CeremonyDescription: Codable {
    /// The `ciphersuite_id`.
    let ciphersuite: String
    /// `t`.
    let threshold: Int
    /// The session id (unique per ceremony), as text.
    let session: String
    /// The trustees in participant order (participant `i` is entry `i`).
    let participants: [TrusteePublicIdentity]
    /// The context, hex: every trustee recomputes it and compares it aloud with the others.
    let context: String
}

/// The secret inside a trustee's share file, written after round 3 (encrypted at rest).
struct TrusteeShare: Codable {
    /// The trustee's name.
    let name: String
    /// The `ciphersuite_id`.
    let ciphersuite: String
    /// The participant id.
    let index: Int
    /// `x_i`, hex.
    let secretShare: String
    /// The public record of the ceremony.
    let record: CeremonyRecord
}

/// The public record of a finished ceremony: the certificate, and the keys derived from it.
struct CeremonyRecord: Codable {
    /// The `ciphersuite_id`.
    let ciphersuite: String
    /// The trustees' names, in participant order.
    let names: [String]
    /// `t`.
    let threshold: Int
    /// The election key `Y`, hex.
    let groupKey: String
    /// `Y₁ … Yₙ`, hex.
    let verificationShares: [String]
    /// The transcript `T`, hex.
    let transcript: String
    /// `sig₁ … sigₙ`, hex.
    let signatures: [String]
}

/// A list of ElGamal ciphertexts to decrypt.
struct CiphertextList: Codable {
    /// One ciphertext.
    struct Entry: Codable {
        /// `A = g^r`, hex.
        let pad: String
        /// `B = Y^r · K^m`, hex.
        let data: String
    }

    /// The `ciphersuite_id` of the key they are encrypted under.
    let ciphersuite: String
    /// The ciphertexts.
    let ciphertexts: [Entry]
}

/// One trustee's partial decryption of a ciphertext list.
struct PartialDecryptionRecord: Codable {
    /// One proof `(c, v)`.
    struct Proof: Codable {
        /// The challenge, hex.
        let challenge: String
        /// The response, hex.
        let response: String
    }

    /// The `ciphersuite_id`.
    let ciphersuite: String
    /// The trustee's participant id.
    let trustee: Int
    /// The trustee's name.
    let name: String
    /// `A^(x_i)` per ciphertext, hex.
    let values: [String]
    /// One proof per value.
    let proofs: [Proof]
}

/// Reading and writing the JSON records.
enum TrusteeFiles {
    /// Pretty, stable JSON.
    static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Reads a JSON record, naming the file on failure.
    static func read<Value: Decodable>(_ type: Value.Type, from path: String) throws -> Value {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw ValidationError("\(path) is not a valid \(type) file: \(error)")
        }
    }

    /// Writes a public JSON record.
    static func write<Value: Encodable>(_ value: Value, to path: String) throws {
        try encode(value).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Encrypts a secret record under a passphrase and writes it with mode 0600.
    static func writeSecret<Value: Encodable>(_ value: Value, to path: String, passphrase: [UInt8]) throws {
        var plain = [UInt8](try encode(value))
        defer { for index in plain.indices { plain[index] = 0 } }
        try SecretFile.write(PassphraseBox.seal(plain, passphrase: passphrase), to: path)
    }

    /// Reads and decrypts a secret record.
    static func readSecret<Value: Decodable>(_ type: Value.Type, from path: String, passphrase: [UInt8]) throws
        -> Value
    {
        var plain = try PassphraseBox.open(try SecretFile.read(path), passphrase: passphrase)
        defer { for index in plain.indices { plain[index] = 0 } }
        do {
            return try JSONDecoder().decode(type, from: Data(plain))
        } catch {
            throw ValidationError("\(path) decrypted but does not hold a \(type)")
        }
    }
}
