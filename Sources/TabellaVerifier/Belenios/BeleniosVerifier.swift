import Foundation
import TabellaGroups
import TabellaRecord

/// The verifier of a Belenios 2.x election archive (`.bel`) with homomorphic questions, independent of Belenios:
/// ten numbered steps over the archive's structure, setup, ballots, tally, decryptions and result, following the
/// Belenios 2.0 specification. See `Docs/verifier.md`.
///
/// Each step counts the objects it checked and lists every failed condition with its member and object. A step
/// whose objects the archive does not hold yet (no tally during voting) is reported as not applicable.
public struct BeleniosVerifier: Sendable {
    /// The titles of steps 1 to 10.
    public static let titles = [
        1: "archive structure and chain of events",
        2: "election parameters and group",
        3: "trustee keys and their proofs",
        4: "election public key",
        5: "public credentials",
        6: "ballots: signatures and proofs",
        7: "counted ballots: one per credential",
        8: "encrypted tally",
        9: "partial decryptions",
        10: "result",
    ]

    /// The objects each step counts.
    static let units = [
        1: "members", 2: "elections", 3: "trustee keys", 4: "keys", 5: "credentials", 6: "ballots", 7: "ballots",
        8: "ciphertexts", 9: "decryption factors", 10: "answers",
    ]

    /// The archive.
    public let archive: BeleniosArchive

    /// A verifier of `archive`.
    public init(archive: BeleniosArchive) {
        self.archive = archive
    }

    /// Reads the archive at `url` and verifies it; an unreadable or unsupported archive gives a report with its
    /// import failure.
    public static func verify(
        url: URL, jobs: Int, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) async -> VerificationReport {
        do {
            let archive = try BeleniosArchive(contentsOf: url)
            return await BeleniosVerifier(archive: archive).verify(jobs: jobs, progress: progress)
        } catch {
            return VerificationReport(record: url.path, steps: [], importFailure: VerificationFailure(error))
        }
    }

    /// Runs every step; `progress` is told of each checked ballot.
    public func verify(jobs: Int, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async
        -> VerificationReport
    {
        var run = BeleniosRun(archive: archive)
        run.checkArchive()
        run.checkElection()
        if let unsupported = run.unsupported {
            return VerificationReport(record: archive.path, steps: [], importFailure: VerificationFailure(unsupported))
        }
        if let proofs = run.proofs {
            run.checkTrustees(proofs)
            run.checkCredentials(proofs)
            let ballots = await run.checkBallots(proofs, jobs: max(1, jobs), progress: progress)
            run.checkCounting(ballots)
            run.checkTally(proofs, ballots)
            run.checkDecryptions(proofs)
            run.checkResult(proofs)
        }
        let steps = run.tally.results(titles: Self.titles, units: Self.units, notApplicable: run.notApplicable)
        return VerificationReport(record: archive.path, steps: steps, importFailure: nil)
    }
}

/// The state of one verification: what the steps found so far, and their counts and failures.
struct BeleniosRun {
    typealias Element = IntegerGroup.Element

    /// One item of the trustees structure, with the identifiers of its keys.
    struct TrusteeItem {
        /// The trustees' identifiers (`owner` of partial decryptions), from 1.
        let owners: [Int]
        /// How many of them must decrypt: all for a single key, the threshold for a Pedersen set.
        let threshold: Int
    }

    /// A ballot that passed step 6: its credential and ciphertexts.
    struct CheckedBallot: Sendable {
        let credential: String
        let choices: [[(alpha: Element, beta: Element)]]
    }

    let archive: BeleniosArchive
    var tally = StepTally()
    var notApplicable = [Int: String]()
    /// The election uses a feature this verifier does not support.
    var unsupported: RecordError?
    /// The events that were read, in order, with their members.
    var events = [(member: BeleniosArchive.Member, event: BeleniosEvent)]()
    var setup: BeleniosSetup?
    var election: BeleniosElection?
    var proofs: BeleniosProofs?
    var trusteeItems = [TrusteeItem]()
    var trusteeKeys = [Int: Element]()
    var weights = [String: Int]()
    var encryptedTally: [[(alpha: Element, beta: Element)]]?
    var decryptions = [Int: [[Element]]]()

    init(archive: BeleniosArchive) {
        self.archive = archive
    }

    /// Records a failed condition of `step` about `object` in `file`.
    mutating func fail(_ step: Int, _ condition: String, _ file: String, _ object: String, _ reason: String) {
        tally.fail(step, condition, file: file, object: object, reason)
    }

    /// The events of one kind, with their heights.
    func events(_ kind: BeleniosEvent.Kind) -> [(member: BeleniosArchive.Member, event: BeleniosEvent)] {
        events.filter { $0.event.kind == kind }
    }

    /// The payload member of an event (checked to exist by step 1).
    func payload(of entry: (member: BeleniosArchive.Member, event: BeleniosEvent)) -> BeleniosArchive.Member? {
        entry.event.payload.flatMap { archive.data($0, before: entry.member.position) }
    }

    /// `event N (Kind)`, naming an event in failures.
    static func name(_ event: BeleniosEvent) -> String { "event \(event.height) (\(event.kind.rawValue))" }
}
