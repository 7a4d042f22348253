extension ElectionGuardRecord {
    /// `encrypted_tally.json`: the product of the cast ballots' ciphertexts for every option.
    public struct EncryptedTally: Sendable, Hashable {
        /// The tally's name.
        public let tallyId: String
        /// Contests with their aggregated selections.
        public let contests: [TallyContest]
        /// The ballots that were added up.
        public let castBallotIds: [String]
        /// H_E as the tally states it.
        public let electionId: [UInt8]

        init(_ json: JSONObjectReader) throws(RecordError) {
            tallyId = try json.string("tally_id")
            contests = try json.objects("contests").map(TallyContest.init)
            castBallotIds = try json.strings("cast_ballot_ids")
            electionId = try json.scalar("election_id")
            try json.finish()
        }
    }

    /// A contest of the encrypted tally.
    public struct TallyContest: Sendable, Hashable {
        /// The contest label.
        public let contestId: String
        /// Its index.
        public let sequenceOrder: Int
        /// (A, B) for every option.
        public let selections: [TallySelection]

        init(_ json: JSONObjectReader) throws(RecordError) {
            contestId = try json.string("contest_id")
            sequenceOrder = try json.int("sequence_order", in: 0...Int(Int32.max))
            selections = try json.objects("selections").map(TallySelection.init)
            try json.finish()
        }
    }

    /// An option's aggregate ciphertext (A, B).
    public struct TallySelection: Sendable, Hashable {
        /// The option label.
        public let selectionId: String
        /// Its index.
        public let sequenceOrder: Int
        /// (A, B).
        public let ciphertext: Ciphertext

        init(_ json: JSONObjectReader) throws(RecordError) {
            selectionId = try json.string("selection_id")
            sequenceOrder = try json.int("sequence_order", in: 0...Int(Int32.max))
            ciphertext = try Ciphertext(json.object("encrypted_vote"))
            try json.finish()
        }
    }

    /// `tally.json`: the decrypted tally with its proofs.
    public struct DecryptedTally: Sendable, Hashable {
        /// The tally's name.
        public let id: String
        /// Contests with their decrypted options.
        public let contests: [DecryptedContest]
        /// H_E as the tally states it.
        public let electionId: [UInt8]

        init(_ json: JSONObjectReader) throws(RecordError) {
            id = try json.string("id")
            contests = try json.objects("contests").map(DecryptedContest.init)
            electionId = try json.scalar("election_id")
            try json.finish()
        }
    }

    /// A contest of the decrypted tally.
    public struct DecryptedContest: Sendable, Hashable {
        /// The contest label.
        public let contestId: String
        /// Its options.
        public let selections: [DecryptedSelection]

        init(_ json: JSONObjectReader) throws(RecordError) {
            contestId = try json.string("contest_id")
            selections = try json.objects("selections").map(DecryptedSelection.init)
            try json.finish()
        }
    }

    /// An option's decryption: the count t, `T = B / M = K^t`, the tally's copy of (A, B), and the proof (c, v)
    /// that M = A^s.
    public struct DecryptedSelection: Sendable, Hashable {
        /// The option label.
        public let selectionId: String
        /// t.
        public let tally: Int
        /// T = B / M, 512 bytes.
        public let bOverM: [UInt8]
        /// (A, B) as this file repeats it.
        public let ciphertext: Ciphertext
        /// The Chaum-Pedersen proof of M.
        public let proof: ChallengeResponse

        init(_ json: JSONObjectReader) throws(RecordError) {
            selectionId = try json.string("selection_id")
            tally = try json.int("tally", in: 0...Int(Int32.max))
            bOverM = try json.element("b_over_m")
            ciphertext = try Ciphertext(json.object("encrypted_vote"))
            proof = try ChallengeResponse(json.object("proof"))
            try json.finish()
        }
    }
}
