import TabellaBoard
import TabellaGroups
import TabellaRecord

/// The election's decision as the body of a c2sp.org/signed-note, bound to the board: the log size and root that
/// include the result entry, and that entry's index and leaf hash. The authority and the trustees that checked the
/// tally sign it, so that a script or a relay can act on it offline with the published keys:
///
///     tabella.org/decision/v1
///     election <id>
///     board <origin>
///     log <size> <base64 root hash>
///     result <index> <base64 leaf hash>
///     contest <id> <outcome> turnout <weight>/<eligible> votes <v1>,<v2>,… elected <a>,<b>… (or -)
public struct DecisionNote: Sendable, Hashable {
    /// The note's first line.
    public static let header = "tabella.org/decision/v1"

    /// The election.
    public let election: String
    /// The board's origin (its checkpoint key name).
    public let board: String
    /// The log size the note is bound to: the result entry's index plus one.
    public let logSize: UInt64
    /// The log's root hash at ``logSize``.
    public let logRoot: [UInt8]
    /// The result entry's index.
    public let resultIndex: UInt64
    /// The result entry's leaf hash.
    public let resultLeafHash: [UInt8]
    /// The decision of every contest.
    public let decisions: [ContestDecision]

    /// A note from its parts.
    public init(election: String, board: String, logSize: UInt64, logRoot: [UInt8], resultIndex: UInt64,
                resultLeafHash: [UInt8], decisions: [ContestDecision]) {
        self.election = election
        self.board = board
        self.logSize = logSize
        self.logRoot = logRoot
        self.resultIndex = resultIndex
        self.resultLeafHash = resultLeafHash
        self.decisions = decisions
    }

    /// The note's key name for the authority of `election`.
    public static func authorityKeyName(election: String) -> String { "\(election).authority" }

    /// The note's key name for trustee `participant` of `election`.
    public static func trusteeKeyName(election: String, participant: Int) -> String {
        "\(election).trustee-\(participant)"
    }

    /// The note's text (every line ends with a newline).
    public var text: String {
        var lines = [Self.header, "election \(election)", "board \(board)",
                     "log \(logSize) \(Base64.encode(logRoot))",
                     "result \(resultIndex) \(Base64.encode(resultLeafHash))"]
        for decision in decisions {
            let votes = decision.votes.map(String.init).joined(separator: ",")
            let elected = decision.elected.isEmpty ? "-" : decision.elected.joined(separator: ",")
            lines.append("contest \(decision.contest) \(decision.outcome.rawValue) turnout "
                + "\(decision.turnoutWeight)/\(decision.eligibleWeight) votes \(votes) elected \(elected)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a note's text.
    ///
    /// - Throws: ``ElectionRejection`` (check 10) naming the line that is not in the form above.
    public init(text: String) throws(ElectionRejection) {
        func fail(_ message: String) -> ElectionRejection { ElectionRejection(.decisionSignatures, message) }
        guard text.hasSuffix("\n") else { throw fail("the decision note does not end with a newline") }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 6, lines[0] == Self.header else {
            throw fail("the decision note does not start with \(Self.header) and five more lines")
        }
        func fields(_ line: Int, _ key: String, count: Int) throws(ElectionRejection) -> [String] {
            let parts = lines[line].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == count, parts[0] == key else {
                throw fail("line \(line + 1) of the decision note is not `\(key)` with \(count - 1) values")
            }
            return parts
        }
        func number(_ text: String, _ line: Int) throws(ElectionRejection) -> UInt64 {
            guard let value = UInt64(text) else { throw fail("line \(line + 1) has `\(text)` for a number") }
            return value
        }
        func hash(_ text: String, _ line: Int) throws(ElectionRejection) -> [UInt8] {
            guard let bytes = Base64.decode(text), bytes.count == 32 else {
                throw fail("line \(line + 1) has `\(text)` for a base64 hash of 32 bytes")
            }
            return bytes
        }
        election = try fields(1, "election", count: 2)[1]
        board = try fields(2, "board", count: 2)[1]
        let log = try fields(3, "log", count: 3)
        logSize = try number(log[1], 3)
        logRoot = try hash(log[2], 3)
        let result = try fields(4, "result", count: 3)
        resultIndex = try number(result[1], 4)
        resultLeafHash = try hash(result[2], 4)
        var decisions = [ContestDecision]()
        for line in 5..<lines.count {
            let parts = try fields(line, "contest", count: 9)
            guard parts[3] == "turnout", parts[5] == "votes", parts[7] == "elected",
                  let outcome = ContestDecision.Outcome(rawValue: parts[2]) else {
                throw fail("line \(line + 1) of the decision note is not a contest line")
            }
            let turnout = parts[4].split(separator: "/").map(String.init)
            guard turnout.count == 2 else { throw fail("line \(line + 1) has no turnout weight/eligible") }
            var votes = [UInt64]()
            for vote in parts[6].split(separator: ",") { votes.append(try number(String(vote), line)) }
            decisions.append(ContestDecision(
                contest: parts[1], outcome: outcome, turnoutWeight: try number(turnout[0], line),
                eligibleWeight: try number(turnout[1], line), votes: votes,
                elected: parts[8] == "-" ? [] : parts[8].split(separator: ",").map(String.init)))
        }
        self.decisions = decisions
    }
}
