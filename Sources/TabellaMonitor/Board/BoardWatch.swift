import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// The monitor over a native election's board: reads the entries in log order, learns the roll from the
/// definition and its chunks, turns each ballot into an arrival for the ``ElectionMonitor``, and keeps what a
/// dashboard shows (the monitor's alerts already on the board, the ballots' confirmation codes).
///
/// A board holds no times. The monitor's clock maps the manifest's voting period onto the day the thresholds were
/// tuned on (``dayLength``, 12 hours): ``Clock/wall`` reads the time at which each entry is read (a live run),
/// ``Clock/order(ballots:)`` spreads a finished board's ballots evenly over the day in board order (a replay).
/// The watch trusts the board for the entries' signatures and checks (the verifier redoes them); it checks only
/// what it uses: the definition first, one election, ballots from credentials on the roll.
public struct BoardWatch: Sendable {
    /// How the monitor's time is read.
    public enum Clock: Sendable, Hashable {
        /// The time at which each entry is read, against the manifest's opening and closing.
        case wall
        /// The k-th of `ballots` ballots at `k / ballots` of the day.
        case order(ballots: Int)
    }

    /// The length of the monitor's day, in seconds: the voting period is scaled to it.
    public static let dayLength = 43_200.0

    /// The clock.
    public let clock: Clock
    /// The monitor's thresholds.
    public let configuration: MonitorConfiguration
    /// The election's definition, once read.
    public private(set) var definition: ElectionDefinition?
    /// The number of entries read: the log position of the next one.
    public private(set) var size: UInt64 = 0
    /// The monitor, once the roll is complete.
    public private(set) var monitor: ElectionMonitor?
    /// The monitor alerts on the board, in board order, with their entry indices.
    public private(set) var boardAlerts: [(index: UInt64, post: MonitorAlertPost)] = []
    /// The type of the last lifecycle entry read (`election-open`, `election-close`, …).
    public private(set) var lastLifecycle: String?
    /// The number of ballot entries read (revotes included, challenges not).
    public private(set) var ballots = 0
    /// The entry index of each ballot, by its confirmation code in hexadecimal.
    public private(set) var confirmationCodes: [String: UInt64] = [:]
    /// The monitor's time at the last entry read, in seconds since opening.
    public private(set) var time = 0.0

    private let chosenProfile: TimeOfDayProfile?
    private var voters: [VoterRoll.Voter] = []
    private var arrivals: ArrivalReader?

    /// A watch reading time by `clock`, against `profile` (a flat day when `nil`, ``TimeOfDayProfile/flat``).
    public init(clock: Clock, profile: TimeOfDayProfile? = nil, configuration: MonitorConfiguration = .init()) {
        self.clock = clock
        chosenProfile = profile
        self.configuration = configuration
    }

    /// Reads the entry at log position ``size``, read at `now` (seconds since 1970, for the wall clock); returns
    /// the alerts it raised.
    ///
    /// - Throws: ``MonitorError`` `.malformed` naming the entry that the monitor cannot read, `.unknownCredential`
    ///   for a ballot from off the roll.
    public mutating func read(_ entry: BoardEntry, now: Double) throws(MonitorError) -> [MonitorAlert] {
        let index = size
        guard let definition else {
            try readDefinition(entry)
            size += 1
            return []
        }
        guard entry.election == definition.manifest.electionID else {
            throw MonitorError(.malformed, "entry \(index) is for election `\(entry.election)`, not "
                + "`\(definition.manifest.electionID)`")
        }
        var raised = [MonitorAlert]()
        switch ElectionEntryType(rawValue: entry.type) {
        case .roll?:
            try readRoll(entry, index: index)
        case .ballot?:
            raised = try readBallot(entry, index: index, now: now)
        case .monitorAlert?:
            boardAlerts.append((index, try decode(MonitorAlertPost.self, entry, index: index, type: .monitorAlert)))
        case .open?, .close?, .tally?, .result?, .mixInput?, .mixResult?:
            lastLifecycle = entry.type
        default:
            break
        }
        size += 1
        return raised
    }

    /// The alerts of the detectors over a finished board's `entries` on the order clock, numbered from 1 and
    /// posted nowhere, and the number of monitor alerts already on the board.
    ///
    /// - Throws: ``MonitorError`` as ``read(_:now:)``.
    public static func replay(_ entries: [BoardEntry], profile: TimeOfDayProfile? = nil,
                              configuration: MonitorConfiguration = .init())
        throws(MonitorError) -> (alerts: [MonitorAlertPost], onBoard: Int)
    {
        let ballots = entries.count { $0.type == ElectionEntryType.ballot.rawValue }
        var watch = BoardWatch(clock: .order(ballots: ballots), profile: profile, configuration: configuration)
        var posts = [MonitorAlertPost]()
        for entry in entries {
            for alert in try watch.read(entry, now: 0) { posts.append(watch.post(alert, number: posts.count + 1)) }
        }
        return (posts, watch.boardAlerts.count)
    }

    /// The post of `alert` numbered `number`, about the board read so far.
    public func post(_ alert: MonitorAlert, number: Int) -> MonitorAlertPost {
        MonitorAlertPost(alert: alert, number: number, boardSize: size)
    }

    private mutating func readDefinition(_ entry: BoardEntry) throws(MonitorError) {
        let definition = try decode(ElectionDefinition.self, entry, index: 0, type: .definition)
        do { try definition.validate() } catch {
            throw MonitorError(.malformed, "entry 0, the definition: \(error.message)")
        }
        guard entry.election == definition.manifest.electionID else {
            throw MonitorError(.malformed, "entry 0 is for election `\(entry.election)`, its definition for "
                + "`\(definition.manifest.electionID)`")
        }
        self.definition = definition
    }

    private mutating func readRoll(_ entry: BoardEntry, index: UInt64) throws(MonitorError) {
        guard let definition, monitor == nil else {
            throw MonitorError(.malformed, "entry \(index): a roll chunk after the roll is complete")
        }
        voters += try decode(RollChunk.self, entry, index: index, type: .roll).voters
        guard voters.count >= definition.roll.voters else { return }
        let roll = VoterRoll(voters: voters)
        let weights: [UInt64]
        do { weights = try roll.weights(using: definition.manifest.weightFunction) } catch {
            throw MonitorError(.malformed, "entry \(index), the roll's weights: \(error.message)")
        }
        let monitorRoll = try MonitorRoll(roll: roll, weights: weights)
        monitor = try ElectionMonitor(roll: monitorRoll, profile: chosenProfile ?? .flat(), configuration: configuration)
        arrivals = ArrivalReader(roll: monitorRoll)
        voters = []
    }

    private mutating func readBallot(_ entry: BoardEntry, index: UInt64, now: Double) throws(MonitorError)
        -> [MonitorAlert]
    {
        guard var monitor, var arrivals else {
            throw MonitorError(.malformed, "entry \(index): a ballot before the roll is complete")
        }
        let post = try decode(BallotPost.self, entry, index: index, type: .ballot)
        if let code = EncodedBallot.confirmationCode(Array(post.ballot)) {
            confirmationCodes[Hex.encode(code)] = index
        }
        switch clock {
        case .wall: time = max(time, wallTime(now))
        case .order(let total): time = max(time, Double(ballots) * Self.dayLength / Double(max(1, total)))
        }
        ballots += 1
        let arrival = try arrivals.arrival(time: time, credential: entry.signer.bytes)
        let raised = try monitor.consume(arrival)
        self.monitor = monitor
        self.arrivals = arrivals
        return raised
    }

    /// Seconds since 1970 on the monitor's day: the voting period scaled to ``dayLength``.
    private func wallTime(_ now: Double) -> Double {
        guard let manifest = definition?.manifest else { return 0 }
        let period = Double(max(1, manifest.closes - manifest.opens))
        return max(0, (now - Double(manifest.opens)) * Self.dayLength / period)
    }

    private func decode<Payload: Decodable>(_ type: Payload.Type, _ entry: BoardEntry, index: UInt64,
                                            type entryType: ElectionEntryType) throws(MonitorError) -> Payload {
        guard entry.type == entryType.rawValue else {
            throw MonitorError(.malformed, "entry \(index) is a \(entry.type) entry, not the \(entryType.rawValue) "
                + "the board must start with")
        }
        do { return try PayloadCoding.decode(type, from: entry.payload, type: entryType) } catch {
            throw MonitorError(.malformed, "entry \(index): \(error.message)")
        }
    }
}
