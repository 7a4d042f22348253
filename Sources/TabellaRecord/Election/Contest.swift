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

    /// A contest; ``validate()`` checks that its parts fit together.
    public init(
        id: String, question: String, kind: Kind, options: [Option], minimumSelections: Int,
        maximumSelections: Int, rule: DecisionRule
    ) {
        self.id = id
        self.question = question
        self.kind = kind
        self.options = options
        self.minimumSelections = minimumSelections
        self.maximumSelections = maximumSelections
        self.rule = rule
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

    /// Checks identifiers, texts and limits against the contest's kind.
    ///
    /// - Throws: ``ElectionError`` naming the contest and the field.
    public func validate() throws(ElectionError) {
        let name = "contest \"\(id)\""
        guard !id.isEmpty else { throw ElectionError(.missing, "a contest has an empty id") }
        guard !question.isEmpty else { throw ElectionError(.missing, "\(name) has no question") }
        guard !options.isEmpty else { throw ElectionError(.missing, "\(name) has no options") }
        var seen = Set<String>()
        for (index, option) in options.enumerated() {
            guard !option.id.isEmpty, !option.text.isEmpty else {
                throw ElectionError(.missing, "\(name), option \(index) has an empty id or text")
            }
            guard seen.insert(option.id).inserted else {
                throw ElectionError(.duplicate, "\(name) has two options with id \"\(option.id)\"")
            }
        }
        guard 0 <= minimumSelections, minimumSelections <= maximumSelections, maximumSelections <= options.count,
              maximumSelections >= 1 else {
            throw ElectionError(.outOfRange, "\(name) selects \(minimumSelections) to \(maximumSelections) of "
                + "\(options.count) options")
        }
        switch kind {
        case .choose: break
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
        try rule.validate(contest: name)
    }
}
