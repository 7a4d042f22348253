import Foundation
import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// The verification steps of the ElectionGuard 2.0.0 specification (section 6.2), numbered as there, over a
/// record in the Kotlin implementation's format.
///
/// Each step counts the objects it checked and lists every failed condition with its file and object. A step whose
/// objects the record does not contain (challenged ballots, pre-encrypted ballots, contest data decryptions) is
/// reported as not applicable, never as passed. Work on ballots and tally contests is spread over `jobs` tasks.
public struct ElectionGuard20Verifier: Sendable {
    /// The titles of steps 1 to 18.
    public static let titles = [
        1: "parameter validation",
        2: "guardian public-key validation",
        3: "election public-key validation",
        4: "extended base hash validation",
        5: "well-formedness of selection encryptions",
        6: "adherence to vote limits",
        7: "validation of confirmation codes",
        8: "correctness of ballot aggregation",
        9: "correctness of tally decryptions",
        10: "validation of correct decryption of tallies",
        11: "correctness of decryptions of contest data",
        12: "correctness of decryptions for challenged ballots",
        13: "validation of correct decryption of challenged ballots",
        14: "correctness of contest data decryptions for challenged ballots",
        15: "well-formedness of selection encryptions in pre-encrypted ballots",
        16: "adherence to vote limits in pre-encrypted ballots",
        17: "validation of confirmation codes in pre-encrypted ballots",
        18: "validation of short codes in pre-encrypted ballots",
    ]

    /// The specification version this verifier implements.
    public static let version = "v2.0.0"

    /// The record.
    public let record: ElectionGuardRecord
    /// The standard group.
    let group = IntegerGroup.electionGuard

    /// A verifier of `record`.
    public init(record: ElectionGuardRecord) {
        self.record = record
    }

    /// Reads the record in `directory` and verifies it; an unreadable record gives a report with its import failure.
    public static func verify(
        directory: URL, jobs: Int, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) async -> VerificationReport {
        do {
            let record = try ElectionGuardRecord(directory: directory)
            return await ElectionGuard20Verifier(record: record).verify(jobs: jobs, progress: progress)
        } catch {
            return VerificationReport(record: directory.path, steps: [], importFailure: VerificationFailure(error))
        }
    }

    /// Runs every step; `progress` is told of each finished unit of work.
    public func verify(jobs: Int, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async
        -> VerificationReport
    {
        var tally = StepTally()
        var notApplicable = [Int: String]()
        let election = verifyElection(&tally)
        if let context = election.context {
            let units = workUnits(context)
            let results = await ParallelUnits.run(units, jobs: max(1, jobs), progress: progress)
            for result in results { tally.merge(result) }
            verifyRecordWide(context, &tally)
        } else {
            for step in 4...14 { notApplicable[step] = election.missingReason }
        }
        for (step, reason) in applicability() where notApplicable[step] == nil { notApplicable[step] = reason }
        let steps = tally.results(titles: Self.titles, units: Self.units, notApplicable: notApplicable)
        return VerificationReport(record: record.directory.path, steps: steps, importFailure: nil)
    }

    /// The objects each step counts.
    static let units = [
        1: "parameter sets", 2: "guardian coefficients", 3: "guardian keys", 4: "hashes", 5: "selections",
        6: "contests", 7: "ballots", 8: "options", 9: "options", 10: "options", 11: "contest data decryptions",
        12: "selections", 13: "selections", 14: "contest data decryptions", 15: "selections", 16: "contests",
        17: "ballots", 18: "short codes",
    ]

    /// Why steps that need objects the record lacks do not apply.
    private func applicability() -> [Int: String] {
        var reasons = [Int: String]()
        if record.ballots.isEmpty { for step in 5...7 { reasons[step] = "the record has no encrypted ballots" } }
        if record.encryptedTally == nil { reasons[8] = "the record has no encrypted tally" }
        if record.decryptedTally == nil { for step in 9...10 { reasons[step] = "the record has no decrypted tally" } }
        reasons[11] = "the decrypted tally holds no contest data decryptions"
        for step in 12...14 { reasons[step] = "the record has no challenged ballots" }
        if !record.challengedBallots.isEmpty {
            reasons[14] = "the challenged ballots' decryptions hold no contest data decryptions"
        }
        for step in 15...18 { reasons[step] = "the record has no pre-encrypted ballots" }
        return reasons
    }
}
