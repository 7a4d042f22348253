import TabellaRecord

/// One failed check: the specification's step (such as `5.C`), the file, the object, and why.
public struct VerificationFailure: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The verification step and condition, numbered as in the ElectionGuard 2.0 specification (`7.B`), as the
    /// native or Belenios verifier numbers its checks (`6.proof`), or `import` when the record could not be read.
    public let step: String
    /// The file the object is in, relative to the record's directory.
    public let file: String
    /// The object: a guardian, a ballot's contest and selection, a tally option.
    public let object: String
    /// What does not hold.
    public let reason: String

    /// A failure.
    public init(step: String, file: String, object: String, reason: String) {
        self.step = step
        self.file = file
        self.object = object
        self.reason = reason
    }

    /// The failure to import a record: step `import`, the error's file and JSON path, its code and message.
    public init(_ error: RecordError) {
        self.init(step: "import", file: error.file, object: error.path, reason: "\(error.code): \(error.message)")
    }

    /// `step file object: reason`.
    public var description: String { "step \(step), \(file), \(object): \(reason)" }
}

/// The outcome of one verification step.
public struct StepResult: Sendable, Hashable, Codable {
    /// Whether the step passed, failed, or could not be applied.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Every check of the step held.
        case passed
        /// At least one check failed.
        case failed
        /// The record holds nothing this step applies to; this is never counted as passing.
        case notApplicable = "not applicable"
    }

    /// The step's number in the specification, 1 to 18.
    public let step: Int
    /// The step's title.
    public let title: String
    /// The outcome.
    public let status: Status
    /// How many objects were checked.
    public let checked: Int
    /// What the objects are ("selections", "guardian coefficients").
    public let unit: String
    /// Why the step does not apply, when it does not.
    public let reason: String?
    /// Every failure, in the order of the record.
    public let failures: [VerificationFailure]
}

/// The result of verifying a whole record: one result per step, in order.
public struct VerificationReport: Sendable, Hashable, Codable {
    /// The record's directory.
    public let record: String
    /// The steps 1 to 18.
    public let steps: [StepResult]
    /// An import failure, when the record could not be read at all.
    public let importFailure: VerificationFailure?

    /// Whether the record was read and every applicable step passed.
    public var isValid: Bool { importFailure == nil && steps.allSatisfy { $0.status != .failed } }

    /// The first failure, by step order.
    public var firstFailure: VerificationFailure? { importFailure ?? steps.lazy.flatMap(\.failures).first }
}
