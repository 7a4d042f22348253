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

    /// The result of each step of `titles`, in order: failed with failures, passed with objects checked, otherwise
    /// not applicable for the reason in `notApplicable` (never passed).
    func results(titles: [Int: String], units: [Int: String], notApplicable: [Int: String]) -> [StepResult] {
        titles.keys.sorted().map { step in
            let failures = failures[step] ?? []
            let checked = checked[step] ?? 0
            let reason = failures.isEmpty && checked == 0 ? notApplicable[step] ?? "no objects to check" : nil
            let status: StepResult.Status = !failures.isEmpty ? .failed : reason != nil ? .notApplicable : .passed
            return StepResult(step: step, title: titles[step]!, status: status, checked: checked, unit: units[step]!,
                              reason: reason, failures: failures)
        }
    }
}
