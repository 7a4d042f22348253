import Foundation
import TabellaGroups

/// The COCKTAIL-DKG known-answer files in `Vectors/cocktail-dkg` (C2SP/CCTV), as decoded by the tests.
struct CocktailVectorFile: Decodable {
    let ciphersuite: String
    let vectors: [CocktailVector]

    /// Reads `Vectors/cocktail-dkg/<name>` of the repository that holds this test.
    static func load(_ name: String, file: StaticString = #filePath) throws -> CocktailVectorFile {
        var directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory.deleteLastPathComponent()
        }
        let url = directory.appendingPathComponent("Vectors/cocktail-dkg").appendingPathComponent(name)
        return try JSONDecoder().decode(CocktailVectorFile.self, from: Data(contentsOf: url))
    }
}

/// One ceremony of a vector file.
struct CocktailVector: Decodable {
    struct Config: Decodable {
        let staticSecretKeys: [String]
        let staticPublicKeys: [String]
    }

    struct PopIntermediate: Decodable {
        let message: String
        let nonceInput: String
        let nonce: String
        let nonceCommitment: String
        let challengeInput: String
        let challenge: String
    }

    struct Round1: Decodable {
        let participantId: Int
        let ephemeralPublicKey: String
        let vssCommitment: [String]
        let pop: String
        let popIntermediate: PopIntermediate
        let encryptedShares: [String]
    }

    struct Round2: Decodable {
        let participantId: Int
        let secretShare: String
        let verificationShare: String
    }

    struct Signature: Decodable {
        let signerId: Int
        let signature: String
    }

    struct Round3: Decodable {
        let transcriptHash: String
        let signatures: [Signature]
    }

    struct Recovery: Decodable {
        let participantId: Int
        let ciphertexts: [String]
        let recoveredSecretShare: String
        let recoveredVerificationShare: String
    }

    let n: Int
    let t: Int
    let sessionTag: String
    let context: String
    let `extension`: String
    let payloads: [String]?
    let config: Config
    let round1: [Round1]
    let round2: [Round2]
    let round3: Round3
    let groupPublicKey: String
    let recovery: Recovery?

    enum CodingKeys: String, CodingKey {
        case n, t, context, `extension`, payloads, config, round1, round2, round3, recovery
        case sessionTag = "session_tag", groupPublicKey = "group_public_key"
    }
}

extension CocktailVector.Config {
    enum CodingKeys: String, CodingKey {
        case staticSecretKeys = "static_secret_keys", staticPublicKeys = "static_public_keys"
    }
}

extension CocktailVector.PopIntermediate {
    enum CodingKeys: String, CodingKey {
        case message, nonce, challenge
        case nonceInput = "nonce_input", nonceCommitment = "nonce_commitment", challengeInput = "challenge_input"
    }
}

extension CocktailVector.Round1 {
    enum CodingKeys: String, CodingKey {
        case pop
        case participantId = "participant_id", ephemeralPublicKey = "ephemeral_public_key"
        case vssCommitment = "vss_commitment", popIntermediate = "pop_intermediate"
        case encryptedShares = "encrypted_shares"
    }
}

extension CocktailVector.Round2 {
    enum CodingKeys: String, CodingKey {
        case participantId = "participant_id", secretShare = "secret_share", verificationShare = "verification_share"
    }
}

extension CocktailVector.Signature {
    enum CodingKeys: String, CodingKey {
        case signature
        case signerId = "signer_id"
    }
}

extension CocktailVector.Round3 {
    enum CodingKeys: String, CodingKey {
        case signatures
        case transcriptHash = "transcript_hash"
    }
}

extension CocktailVector.Recovery {
    enum CodingKeys: String, CodingKey {
        case ciphertexts
        case participantId = "participant_id", recoveredSecretShare = "recovered_secret_share"
        case recoveredVerificationShare = "recovered_verification_share"
    }
}

/// Hex that must decode (vector data).
func bytes(_ hex: String) -> [UInt8] {
    guard let decoded = Hex.decode(hex) else { fatalError("bad hex in a vector: \(hex.prefix(16))…") }
    return decoded
}
