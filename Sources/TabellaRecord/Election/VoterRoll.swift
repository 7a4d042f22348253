import TabellaCrypto
import TabellaGroups

/// The voters of an election: each voter's credential public key, optional region, and token holding.
///
/// The roll holds only public keys; the matching private credentials are handed to the voters and never published.
public struct VoterRoll: Sendable, Hashable, Codable {
    /// One voter.
    public struct Voter: Sendable, Hashable, Codable {
        /// The Ed25519 public key that signs this voter's ballots, 32 bytes (hexadecimal in JSON).
        public let credential: [UInt8]
        /// A region tag for turnout statistics, if any.
        public let region: String?
        /// The voter's holding, which the election's ``WeightFunction`` turns into a weight.
        public let tokens: UInt64

        /// A voter.
        public init(credential: [UInt8], region: String?, tokens: UInt64) {
            self.credential = credential
            self.region = region
            self.tokens = tokens
        }

        private enum CodingKeys: String, CodingKey { case credential, region, tokens }

        /// Reads a voter whose credential is hexadecimal text.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let text = try container.decode(String.self, forKey: .credential)
            guard let bytes = Hex.decode(text) else {
                throw DecodingError.dataCorruptedError(forKey: .credential, in: container,
                                                       debugDescription: "the credential is not hexadecimal")
            }
            credential = bytes
            region = try container.decodeIfPresent(String.self, forKey: .region)
            tokens = try container.decode(UInt64.self, forKey: .tokens)
        }

        /// Writes the credential as hexadecimal text.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(Hex.encode(credential), forKey: .credential)
            try container.encodeIfPresent(region, forKey: .region)
            try container.encode(tokens, forKey: .tokens)
        }
    }

    /// The voters, in roll order.
    public let voters: [Voter]

    /// A roll.
    public init(voters: [Voter]) { self.voters = voters }

    /// Checks every credential (a valid Ed25519 key) and that no two voters share one.
    ///
    /// - Throws: ``ElectionError`` naming the voter's position and the problem.
    public func validate() throws(ElectionError) {
        guard !voters.isEmpty else { throw ElectionError(.missing, "the voter roll is empty") }
        var seen = [[UInt8]: Int]()
        for (index, voter) in voters.enumerated() {
            do {
                _ = try Ed25519.PublicKey(bytes: voter.credential)
            } catch {
                throw ElectionError(.malformed, "voter \(index): the credential is not an Ed25519 key (\(error))")
            }
            if let first = seen.updateValue(index, forKey: voter.credential) {
                throw ElectionError(.duplicate, "voters \(first) and \(index) have the same credential")
            }
            if let region = voter.region, region.isEmpty {
                throw ElectionError(.missing, "voter \(index) has an empty region tag")
            }
        }
    }

    /// Each voter's weight under `function`, in roll order.
    ///
    /// - Throws: ``ElectionError`` `.overflow` when the total weight does not fit in 64 bits.
    public func weights(using function: WeightFunction) throws(ElectionError) -> [UInt64] {
        try function.weights(forTokens: voters.map(\.tokens))
    }
}
