extension ElectionGuardRecord {
    /// The election manifest: contests with their options and limits, ballot styles, and descriptive data.
    ///
    /// ``bytes`` is the file exactly as published: H_M is computed over it.
    public struct Manifest: Sendable, Hashable {
        /// The file's bytes.
        public let bytes: [UInt8]
        /// The election's identifier.
        public let electionScopeId: String
        /// The specification version the manifest was written for.
        public let specVersion: String
        /// The election type, such as `general`.
        public let type: String
        /// The start date as written.
        public let startDate: String
        /// The end date as written.
        public let endDate: String
        /// Geopolitical units.
        public let geopoliticalUnits: [GeopoliticalUnit]
        /// Parties.
        public let parties: [Party]
        /// Candidates.
        public let candidates: [Candidate]
        /// Contests in manifest order; a contest's index is its `sequenceOrder`.
        public let contests: [ContestDescription]
        /// Ballot styles.
        public let ballotStyles: [BallotStyle]
        /// The election's name in several languages.
        public let name: [LanguageText]
        /// The election authority's contact.
        public let contactInformation: ContactInformation?

        init(_ json: JSONObjectReader, bytes: [UInt8]) throws(RecordError) {
            self.bytes = bytes
            electionScopeId = try json.string("election_scope_id")
            specVersion = try json.string("spec_version")
            type = try json.string("type")
            startDate = try json.string("start_date")
            endDate = try json.string("end_date")
            geopoliticalUnits = try json.objects("geopolitical_units").map(GeopoliticalUnit.init)
            parties = try json.objects("parties").map(Party.init)
            candidates = try json.objects("candidates").map(Candidate.init)
            contests = try json.objects("contests").map(ContestDescription.init)
            ballotStyles = try json.objects("ballot_styles").map(BallotStyle.init)
            name = json.isNull("name") ? [] : try json.objects("name").map(LanguageText.init)
            contactInformation = try json.optionalObject("contact_information").map(ContactInformation.init)
            try json.finish()
        }

        /// The contest with this identifier.
        public func contest(id: String) -> ContestDescription? { contests.first { $0.id == id } }
    }

    /// A contest: its options, in order, and its selection limit.
    public struct ContestDescription: Sendable, Hashable {
        /// The contest label.
        public let id: String
        /// The contest index (1-based in 2.0 records).
        public let sequenceOrder: Int
        /// The district it belongs to.
        public let electoralDistrictId: String
        /// The voting variation, such as `one_of_m`.
        public let voteVariation: String
        /// How many are elected.
        public let numberElected: Int
        /// L, the contest selection limit.
        public let votesAllowed: Int
        /// The contest's name.
        public let name: String
        /// The options, in manifest order.
        public let selections: [SelectionDescription]
        /// The title on the ballot.
        public let ballotTitle: String?
        /// The subtitle on the ballot.
        public let ballotSubtitle: String?

        init(_ json: JSONObjectReader) throws(RecordError) {
            id = try json.string("object_id")
            sequenceOrder = try json.int("sequence_order", in: 0...Int(Int32.max))
            electoralDistrictId = try json.string("electoral_district_id")
            voteVariation = try json.string("vote_variation")
            numberElected = try json.int("number_elected", in: 0...Int(Int32.max))
            votesAllowed = try json.int("votes_allowed", in: 0...Int(Int32.max))
            name = try json.string("name")
            selections = try json.objects("ballot_selections").map(SelectionDescription.init)
            ballotTitle = try json.optionalString("ballot_title")
            ballotSubtitle = try json.optionalString("ballot_subtitle")
            try json.finish()
        }

        /// The option with this identifier.
        public func selection(id: String) -> SelectionDescription? { selections.first { $0.id == id } }
    }

    /// A selectable option.
    public struct SelectionDescription: Sendable, Hashable {
        /// The option label.
        public let id: String
        /// The option index.
        public let sequenceOrder: Int
        /// The candidate it stands for.
        public let candidateId: String

        init(_ json: JSONObjectReader) throws(RecordError) {
            id = try json.string("object_id")
            sequenceOrder = try json.int("sequence_order", in: 0...Int(Int32.max))
            candidateId = try json.string("candidate_id")
            try json.finish()
        }
    }

    /// A ballot style: the geopolitical units (and so the contests) of one kind of ballot.
    public struct BallotStyle: Sendable, Hashable {
        /// The style's label.
        public let id: String
        /// Its units.
        public let geopoliticalUnitIds: [String]
        /// Its parties.
        public let partyIds: [String]
        /// An image of the ballot.
        public let imageURL: String?

        init(_ json: JSONObjectReader) throws(RecordError) {
            id = try json.string("object_id")
            geopoliticalUnitIds = json.isNull("geopolitical_unit_ids") ? [] : try json.strings("geopolitical_unit_ids")
            partyIds = json.isNull("party_ids") ? [] : try json.strings("party_ids")
            imageURL = try json.optionalString("image_url")
            try json.finish()
        }
    }

    /// A geopolitical unit (district, precinct).
    public struct GeopoliticalUnit: Sendable, Hashable {
        /// Its label.
        public let id: String
        /// Its name.
        public let name: String
        /// Its type, such as `precinct`.
        public let type: String
        /// Its contact.
        public let contactInformation: ContactInformation?

        init(_ json: JSONObjectReader) throws(RecordError) {
            id = try json.string("object_id")
            name = try json.string("name")
            type = try json.string("type")
            contactInformation = try json.optionalObject("contact_information").map(ContactInformation.init)
            try json.finish()
        }
    }

    /// A party.
    public struct Party: Sendable, Hashable {
        /// Its label.
        public let id: String
        /// Its name.
        public let name: String
        /// Its abbreviation.
        public let abbreviation: String?
        /// Its colour.
        public let color: String?
        /// Its logo.
        public let logoURI: String?

        init(_ json: JSONObjectReader) throws(RecordError) {
            id = try json.string("object_id")
            name = try json.string("name")
            abbreviation = try json.optionalString("abbreviation")
            color = try json.optionalString("color")
            logoURI = try json.optionalString("logo_uri")
            try json.finish()
        }
    }

    /// A candidate.
    public struct Candidate: Sendable, Hashable {
        /// Its label.
        public let id: String
        /// Its name.
        public let name: String?
        /// Its party.
        public let partyId: String?
        /// Its picture.
        public let imageURL: String?
        /// Whether it stands for a write-in.
        public let isWriteIn: Bool

        init(_ json: JSONObjectReader) throws(RecordError) {
            id = try json.string("object_id")
            name = try json.optionalString("name")
            partyId = try json.optionalString("party_id")
            imageURL = try json.optionalString("image_url")
            isWriteIn = try json.bool("is_write_in")
            try json.finish()
        }
    }

    /// Contact information.
    public struct ContactInformation: Sendable, Hashable {
        /// Address lines.
        public let addressLines: [String]
        /// E-mail.
        public let email: String?
        /// Telephone.
        public let phone: String?
        /// Name.
        public let name: String?

        init(_ json: JSONObjectReader) throws(RecordError) {
            addressLines = json.isNull("address_line") ? [] : try json.strings("address_line")
            email = try json.optionalString("email")
            phone = try json.optionalString("phone")
            name = try json.optionalString("name")
            try json.finish()
        }
    }

    /// A text in one language.
    public struct LanguageText: Sendable, Hashable {
        /// The text.
        public let value: String
        /// The language, such as `en`.
        public let language: String

        init(_ json: JSONObjectReader) throws(RecordError) {
            value = try json.string("value")
            language = try json.string("language")
            try json.finish()
        }
    }
}
