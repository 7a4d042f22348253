/// Combines the signed partial reports of the n shards of one verification into the report of the whole.
///
/// The set must hold exactly one report of each shard 0 to n − 1, all of the same kind, of the same record digest
/// and with the same n; their sliced objects must add up to the record's. Then a step fails if it failed in any
/// shard, with the failures of every shard; statuses and counts are those of the shard that found the most (see
/// ``combine(_:)``), which are the unsharded run's whenever the bad objects lie in one slice. With bad objects in
/// several slices the verdict and every failure of an object are still the unsharded run's; the consequences for
/// later checks are then reported as each shard saw them.
public enum ShardMerge {
    /// The merged report and the signers' public keys (hexadecimal, in shard order).
    public static func merge(_ signed: [SignedPartialReport]) throws(ShardError)
        -> (report: VerificationReport, signers: [String])
    {
        guard !signed.isEmpty else { throw ShardError(.missingShard, "no partial reports to merge") }
        var reports = [PartialReport]()
        for (position, report) in signed.enumerated() {
            do { reports.append(try report.open()) } catch {
                throw ShardError(error.code, "partial report \(position + 1): \(error.message)")
            }
        }
        let reference = reports[0]
        for (position, report) in reports.enumerated() {
            let name = "partial report \(position + 1) (shard \(report.shard))"
            if report.kind != reference.kind || report.recordDigest != reference.recordDigest
                || report.objects != reference.objects {
                throw ShardError(.foreignShard, "\(name) is of another record (\(report.kind) "
                    + "\(report.recordDigest.prefix(16))…, not \(reference.kind) \(reference.recordDigest.prefix(16))…)")
            }
            if report.shard.count != reference.shard.count {
                throw ShardError(.foreignShard, "\(name) is one of \(report.shard.count) shards, partial report 1 "
                    + "one of \(reference.shard.count)")
            }
        }
        let count = reference.shard.count
        var byIndex = [Int: Int]()
        for (position, report) in reports.enumerated() {
            if let other = byIndex[report.shard.index] {
                throw ShardError(.duplicateShard, "partial reports \(other + 1) and \(position + 1) are both of "
                    + "shard \(report.shard)")
            }
            byIndex[report.shard.index] = position
        }
        let missing = (0..<count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            throw ShardError(.missingShard, "shards \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) "
                + "are missing")
        }
        let ordered = (0..<count).map { reports[byIndex[$0]!] }
        let checked = ordered.reduce(0) { $0 + $1.checkedObjects }
        guard checked == reference.objects else {
            throw ShardError(.missingShard,
                             "the shards checked \(checked) of the record's \(reference.objects) objects")
        }
        let signers = (0..<count).map { signed[byIndex[$0]!].signer }
        return (combine(ordered.map(\.report)), signers)
    }

    /// The whole report from the shards' reports, in shard order.
    ///
    /// Its base is the shard with the most failures (the first of them on a tie): while the bad objects all lie in
    /// one slice, that shard's ledger rejected exactly what an unsharded run rejects, and saw the same consequences
    /// in the later checks (a closing count that does not match, a tally that then cannot be posted); every other
    /// shard, finding nothing in its slice, saw an election without them. Each step takes the base's status and
    /// count, and the failures of every shard, each listed once (those naming an entry in board order).
    static func combine(_ reports: [VerificationReport]) -> VerificationReport {
        if let failure = reports.lazy.compactMap(\.importFailure).first {
            return VerificationReport(record: reports[0].record, steps: [], importFailure: failure)
        }
        let failureCounts = reports.map { $0.steps.reduce(0) { $0 + $1.failures.count } }
        let base = reports[failureCounts.indices.max { failureCounts[$0] < failureCounts[$1] || (
            failureCounts[$0] == failureCounts[$1] && $0 > $1) }!]
        let steps = base.steps.indices.map { position -> StepResult in
            var seen = Set<VerificationFailure>()
            let failures = reports.flatMap { $0.steps[position].failures }.filter { seen.insert($0).inserted }
                .enumerated().sorted { (boardOrder($0.element), $0.offset) < (boardOrder($1.element), $1.offset) }
                .map(\.element)
            let step = base.steps[position]
            return StepResult(step: step.step, title: step.title, status: failures.isEmpty ? step.status : .failed,
                              checked: step.checked, unit: step.unit, reason: step.reason, failures: failures)
        }
        return VerificationReport(record: base.record, steps: steps, importFailure: nil)
    }

    /// A failure's place on the board: the entry it names (`entry 12 (ballot)`), or after every entry.
    private static func boardOrder(_ failure: VerificationFailure) -> Int {
        guard failure.object.hasPrefix("entry "),
              let number = Int(failure.object.dropFirst(6).prefix { $0.isNumber }) else { return Int.max }
        return number
    }
}
