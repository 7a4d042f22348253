/// Counts and failures of the steps that one unit of work (a guardian, a ballot's contest, a tally contest) checked.
struct StepTally: Sendable {
    private(set) var checked = [Int: Int]()
    private(set) var failures = [Int: [VerificationFailure]]()

    /// Records that one object was checked under `step`.
    mutating func count(_ step: Int, _ objects: Int = 1) {
        checked[step, default: 0] += objects
    }

    /// Records a failed condition such as `5.C`; an empty condition names the step alone (a check of the
    /// record's form that the step needs, such as a ballot's options matching the manifest's).
    mutating func fail(_ step: Int, _ condition: String, file: String, object: String, _ reason: String) {
        let name = condition.isEmpty ? "\(step)" : "\(step).\(condition)"
        failures[step, default: []].append(VerificationFailure(step: name, file: file, object: object, reason: reason))
    }

    /// Adds another unit's counts and failures after this one's.
    mutating func merge(_ other: StepTally) {
        checked.merge(other.checked, uniquingKeysWith: +)
        failures.merge(other.failures, uniquingKeysWith: +)
    }
}
