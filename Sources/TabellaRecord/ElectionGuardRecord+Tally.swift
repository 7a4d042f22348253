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

    /// `tally.json`, the decrypted tally with its proofs, or `challenged_ballots/dballot-<id>.json`, the decryption
    /// of a challenged ballot: the Kotlin format gives both the same schema.
    public struct DecryptedTally: Sendable, Hashable {
        /// The file, relative to the record's directory.
        public let file: String
        /// The tally's name, or the challenged ballot's id.
        public let id: String
        /// Contests with their decrypted options.
        public let contests: [DecryptedContest]
        /// H_E as the tally states it.
        public let electionId: [UInt8]

        init(_ json: JSONObjectReader) throws(RecordError) {
            file = json.file
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
        /// The decryption of the contest's encrypted contest data, if published (challenged ballots).
        public let contestData: DecryptedContestData?

        init(_ json: JSONObjectReader) throws(RecordError) {
            contestId = try json.string("contest_id")
            selections = try json.objects("selections").map(DecryptedSelection.init)
            contestData = try json.optionalObject("decrypted_contest_data").map(DecryptedContestData.init)
            try json.finish()
        }
    }

    /// A contest-data decryption: the plaintext, the ciphertext `(C0, C1, C2)` it came from, `β = C0^s`, and the
    /// Chaum-Pedersen proof (c, v) that β was formed with the election's secret key (2.0 §3.6.4).
    public struct DecryptedContestData: Sendable, Hashable {
        /// The decrypted data: over-votes (option indices), write-ins and a status.
        public let overVotes: [Int]
        /// The write-in texts.
        public let writeIns: [String]
        /// The contest's status, such as `normal`, `under_vote` or `over_vote`.
        public let status: String
        /// The ciphertext, as the ballot holds it.
        public let ciphertext: ContestData
        /// The Chaum-Pedersen proof of β.
        public let proof: ChallengeResponse
        /// β = C0^s, 512 bytes.
        public let beta: [UInt8]

        init(_ json: JSONObjectReader) throws(RecordError) {
            let data = try json.object("contest_data")
            overVotes = try data.ints("over_votes")
            writeIns = try data.strings("write_ins")
            status = try data.string("status")
            try data.finish()
            ciphertext = try ContestData(json.object("encrypted_contest_data"))
            proof = try ChallengeResponse(json.object("proof"))
            beta = try json.element("beta")
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
