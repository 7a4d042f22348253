/// One question of an election: its options, how many of them a voter may select, and how it is decided.
public struct Contest: Sendable, Hashable, Codable {
    /// The kind of a contest, which fixes its options or its selection limits.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Choose at least `minimumSelections` and at most `maximumSelections` of the options.
        case choose
        /// Approve any number of the options, from none to all.
        case approval
        /// Exactly one of the options `yes`, `no`, `abstain`.
        case yesNoAbstain = "yes-no-abstain"
        /// Exactly one of the options `yes`, `no`.
        case referendum
        /// Rank at least `minimumSelections` and at most `maximumSelections` of the options (the candidates), best
        /// first; counted after the mixnet by the contest's ``CountingMethod``.
        case ranked
        /// A free-text answer of at most `maximumWriteInBytes` UTF-8 bytes, or one of the listed options if any;
        /// decrypted after the mixnet.
        case writeIn = "write-in"
    }

    /// One option of a contest.
    public struct Option: Sendable, Hashable, Codable {
        /// A short identifier, unique within the contest.
        public let id: String
        /// The text a voter reads.
        public let text: String

        /// An option.
        public init(id: String, text: String) {
            self.id = id
            self.text = text
        }
    }

    /// A short identifier, unique within the election.
    public let id: String
    /// The question a voter reads.
    public let question: String
    /// The contest's kind.
    public let kind: Kind
    /// The options, in ballot order.
    public let options: [Option]
    /// The fewest options a valid ballot selects.
    public let minimumSelections: Int
    /// The most options a valid ballot selects (the contest's limit).
    public let maximumSelections: Int
    /// The quorum and the threshold that decide the contest.
    public let rule: DecisionRule
    /// How a ranked contest is counted (ranked contests only).
    public let method: CountingMethod?
    /// The number of seats an `stv` contest fills (`stv` only).
    public let seats: Int?
    /// The longest write-in answer in UTF-8 bytes (write-in contests only).
    public let maximumWriteInBytes: Int?

    /// A contest; ``validate()`` checks that its parts fit together.
    public init(
        id: String, question: String, kind: Kind, options: [Option], minimumSelections: Int,
        maximumSelections: Int, rule: DecisionRule, method: CountingMethod? = nil, seats: Int? = nil,
        maximumWriteInBytes: Int? = nil
    ) {
        self.id = id
        self.question = question
        self.kind = kind
        self.options = options
        self.minimumSelections = minimumSelections
        self.maximumSelections = maximumSelections
        self.rule = rule
        self.method = method
        self.seats = seats
        self.maximumWriteInBytes = maximumWriteInBytes
    }

    /// A yes/no/abstain contest with its fixed options.
    public static func yesNoAbstain(id: String, question: String, rule: DecisionRule) -> Contest {
        Contest(id: id, question: question, kind: .yesNoAbstain,
                options: [Option(id: "yes", text: "Yes"), Option(id: "no", text: "No"),
                          Option(id: "abstain", text: "Abstain")],
                minimumSelections: 1, maximumSelections: 1, rule: rule)
    }

    /// A referendum with its fixed options.
    public static func referendum(id: String, question: String, rule: DecisionRule) -> Contest {
        Contest(id: id, question: question, kind: .referendum,
                options: [Option(id: "yes", text: "Yes"), Option(id: "no", text: "No")],
                minimumSelections: 1, maximumSelections: 1, rule: rule)
    }

    /// The longest write-in answer any manifest may allow, in UTF-8 bytes.
    public static let writeInByteLimit = 1_024

    /// Checks identifiers, texts and limits against the contest's kind.
    ///
    /// - Throws: ``ElectionError`` naming the contest and the field.
    public func validate() throws(ElectionError) {
        let name = "contest \"\(id)\""
        guard !id.isEmpty else { throw ElectionError(.missing, "a contest has an empty id") }
        guard !question.isEmpty else { throw ElectionError(.missing, "\(name) has no question") }
        guard kind == .writeIn || !options.isEmpty else { throw ElectionError(.missing, "\(name) has no options") }
        var seen = Set<String>()
        for (index, option) in options.enumerated() {
            guard !option.id.isEmpty, !option.text.isEmpty else {
                throw ElectionError(.missing, "\(name), option \(index) has an empty id or text")
            }
            guard seen.insert(option.id).inserted else {
                throw ElectionError(.duplicate, "\(name) has two options with id \"\(option.id)\"")
            }
        }
        try validateSelections(name)
        try validateKindFields(name)
        try rule.validate(contest: name)
    }

    /// Checks the selection limits: within the options, except a write-in's single answer.
    private func validateSelections(_ name: String) throws(ElectionError) {
        if kind == .writeIn {
            guard 0 <= minimumSelections, minimumSelections <= 1, maximumSelections == 1 else {
                throw ElectionError(.kindMismatch, "\(name) of kind write-in selects 0 or 1 to 1 answer, not "
                    + "\(minimumSelections) to \(maximumSelections)")
            }
            return
        }
        guard 0 <= minimumSelections, minimumSelections <= maximumSelections, maximumSelections <= options.count,
              maximumSelections >= 1 else {
            throw ElectionError(.outOfRange, "\(name) selects \(minimumSelections) to \(maximumSelections) of "
                + "\(options.count) options")
        }
        switch kind {
        case .choose, .writeIn: break
        case .ranked:
            guard minimumSelections >= 1 else {
                throw ElectionError(.outOfRange, "\(name) of kind ranked: minimumSelections must be at least 1")
            }
        case .approval:
            guard minimumSelections == 0, maximumSelections == options.count else {
                throw ElectionError(.kindMismatch, "\(name) is an approval contest: it selects 0 to all options")
            }
        case .yesNoAbstain, .referendum:
            let expected = kind == .referendum ? ["yes", "no"] : ["yes", "no", "abstain"]
            guard options.map(\.id) == expected, minimumSelections == 1, maximumSelections == 1 else {
                throw ElectionError(.kindMismatch,
                                    "\(name) of kind \(kind.rawValue) has the options \(expected) and selects one")
            }
        }
    }

    /// Checks `method`, `seats` and `maximumWriteInBytes`: each present exactly for the kind that uses it.
    private func validateKindFields(_ name: String) throws(ElectionError) {
        if kind == .ranked {
            guard let method else { throw ElectionError(.missing, "\(name) of kind ranked has no field method") }
            if method == .stv {
                guard let seats else { throw ElectionError(.missing, "\(name) of method stv has no field seats") }
                guard 1 <= seats, seats <= options.count else {
                    throw ElectionError(.outOfRange, "\(name): seats \(seats) is not between 1 and the "
                        + "\(options.count) candidates")
                }
            } else if seats != nil {
                throw ElectionError(.kindMismatch, "\(name): the field seats is only for method stv, not "
                    + "\(method.rawValue)")
            }
        } else if method != nil || seats != nil {
            throw ElectionError(.kindMismatch, "\(name) of kind \(kind.rawValue): the fields method and seats are "
                + "only for ranked contests")
        }
        if kind == .writeIn {
            guard let maximumWriteInBytes else {
                throw ElectionError(.missing, "\(name) of kind write-in has no field maximumWriteInBytes")
            }
            guard 1 <= maximumWriteInBytes, maximumWriteInBytes <= Self.writeInByteLimit else {
                throw ElectionError(.outOfRange, "\(name): maximumWriteInBytes \(maximumWriteInBytes) is not "
                    + "between 1 and \(Self.writeInByteLimit)")
            }
        } else if maximumWriteInBytes != nil {
            throw ElectionError(.kindMismatch, "\(name) of kind \(kind.rawValue): the field maximumWriteInBytes is "
                + "only for write-in contests")
        }
    }

    /// Whether the contest is tallied homomorphically (one encrypted 0 or 1 per option, summed), rather than
    /// decrypted ballot by ballot after a mixnet (ranked and write-in contests).
    public var isHomomorphicallyTallied: Bool {
        switch kind {
        case .choose, .approval, .yesNoAbstain, .referendum: true
        case .ranked, .writeIn: false
        }
    }

    /// Checks that the contest can be tallied homomorphically.
    ///
    /// - Throws: ``ElectionError`` `.kindMismatch` for a ranked or write-in contest, which needs the mixnet tally.
    public func requireHomomorphicTally() throws(ElectionError) {
        guard isHomomorphicallyTallied else {
            throw ElectionError(.kindMismatch, "contest \"\(id)\" of kind \(kind.rawValue) needs the mixnet tally")
        }
    }
}
