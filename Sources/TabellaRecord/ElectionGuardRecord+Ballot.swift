extension ElectionGuardRecord {
    /// An ElGamal ciphertext `(pad, data) = (α, β)` as two 512-byte integers.
    public struct Ciphertext: Sendable, Hashable {
        /// α.
        public let pad: [UInt8]
        /// β.
        public let data: [UInt8]

        init(_ json: JSONObjectReader) throws(RecordError) {
            pad = try json.element("pad")
            data = try json.element("data")
            try json.finish()
        }
    }

    /// A challenge and a response, 32 bytes each.
    public struct ChallengeResponse: Sendable, Hashable {
        /// c.
        public let challenge: [UInt8]
        /// v.
        public let response: [UInt8]

        init(_ json: JSONObjectReader) throws(RecordError) {
            challenge = try json.scalar("challenge")
            response = try json.scalar("response")
            try json.finish()
        }

        /// Reads `{"proofs": [{challenge, response}, …]}`, a range proof.
        static func rangeProof(_ json: JSONObjectReader) throws(RecordError) -> [ChallengeResponse] {
            let steps = try json.objects("proofs").map(ChallengeResponse.init)
            try json.finish()
            return steps
        }
    }

    /// Hashed ElGamal encrypted contest data `(C0, C1, C2)`.
    public struct ContestData: Sendable, Hashable {
        /// C0, 512 bytes.
        public let c0: [UInt8]
        /// C1, the encrypted blocks.
        public let c1: [UInt8]
        /// C2, the MAC.
        public let c2: [UInt8]
        /// The plaintext length in bytes.
        public let numBytes: Int

        init(_ json: JSONObjectReader) throws(RecordError) {
            c0 = try json.element("c0")
            c1 = try json.hexBytes("c1")
            c2 = try json.hexBytes("c2")
            numBytes = try json.int("numBytes", in: 0...Int(Int32.max))
            try json.finish()
        }
    }

    /// An encrypted ballot, one file of `encrypted_ballots/<device>/`.
    public struct Ballot: Sendable, Hashable {
        /// The file, relative to the record's directory.
        public let file: String
        /// The ballot's identifier.
        public let ballotId: String
        /// Its ballot style.
        public let ballotStyleId: String
        /// The device that encrypted it.
        public let encryptingDevice: String
        /// When, in seconds since 1970.
        public let timestamp: Int
        /// B_aux.
        public let codeBaux: [UInt8]
        /// H(B), the confirmation code.
        public let confirmationCode: [UInt8]
        /// H_E as the ballot states it.
        public let electionId: [UInt8]
        /// Its contests.
        public let contests: [BallotContest]
        /// `CAST` or `SPOILED` (challenged).
        public let state: String
        /// An encrypted serial number, if any.
        public let encryptedSerialNumber: Ciphertext?
        /// Whether it was pre-encrypted (not supported by this importer when true).
        public let isPreencrypted: Bool
        /// The primary nonce ξ_B, when published for a challenged ballot.
        public let primaryNonce: [UInt8]?

        init(_ json: JSONObjectReader) throws(RecordError) {
            file = json.file
            ballotId = try json.string("ballot_id")
            ballotStyleId = try json.string("ballot_style_id")
            encryptingDevice = try json.string("encrypting_device")
            timestamp = try json.int("timestamp")
            codeBaux = try json.hexBytes("code_baux")
            confirmationCode = try json.scalar("confirmation_code")
            electionId = try json.scalar("election_id")
            contests = try json.objects("contests").map(BallotContest.init)
            state = try json.string("state")
            guard ["CAST", "SPOILED", "CHALLENGED", "UNKNOWN"].contains(state) else {
                throw json.error(.malformedValue, "state", "unknown ballot state \(state)")
            }
            encryptedSerialNumber = try json.optionalObject("encrypted_sn").map(Ciphertext.init)
            isPreencrypted = try json.bool("is_preencrypt")
            if isPreencrypted { throw json.error(.unsupported, "is_preencrypt", "pre-encrypted ballots") }
            primaryNonce = json.isNull("primary_nonce")
                ? nil : try json.scalar("primary_nonce")
            try json.finish()
        }
    }

    /// A contest on an encrypted ballot.
    public struct BallotContest: Sendable, Hashable {
        /// The contest label.
        public let contestId: String
        /// Its index.
        public let sequenceOrder: Int
        /// The ballot's copy of L.
        public let votesAllowed: Int
        /// χ_l as recorded.
        public let contestHash: [UInt8]
        /// The selections, in order.
        public let selections: [BallotSelection]
        /// The contest-limit range proof.
        public let proof: [ChallengeResponse]
        /// Encrypted contest data.
        public let contestData: ContestData?

        init(_ json: JSONObjectReader) throws(RecordError) {
            contestId = try json.string("contest_id")
            sequenceOrder = try json.int("sequence_order", in: 0...Int(Int32.max))
            votesAllowed = try json.int("votes_allowed", in: 0...Int(Int32.max))
            contestHash = try json.scalar("contest_hash")
            selections = try json.objects("selections").map(BallotSelection.init)
            proof = try ChallengeResponse.rangeProof(json.object("proof"))
            contestData = try json.optionalObject("encrypted_contest_data").map(ContestData.init)
            if !json.isNull("pre_encryption") {
                throw json.error(.unsupported, "pre_encryption", "pre-encryption data")
            }
            try json.finish()
        }
    }

    /// A selection on an encrypted ballot.
    public struct BallotSelection: Sendable, Hashable {
        /// The option label.
        public let selectionId: String
        /// Its index.
        public let sequenceOrder: Int
        /// (α, β).
        public let ciphertext: Ciphertext
        /// The 0...R range proof.
        public let proof: [ChallengeResponse]

        init(_ json: JSONObjectReader) throws(RecordError) {
            selectionId = try json.string("selection_id")
            sequenceOrder = try json.int("sequence_order", in: 0...Int(Int32.max))
            ciphertext = try Ciphertext(json.object("encrypted_vote"))
            proof = try ChallengeResponse.rangeProof(json.object("proof"))
            try json.finish()
        }
    }
}
