/// An attack the synthetic generator can inject into an otherwise clean election.
public enum InjectedAttack: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ballots for 1 % of one region's roll, cast from unused credentials in bursts.
    case stuffing1 = "stuffing-1%"
    /// The same with 5 % of the region's roll.
    case stuffing5 = "stuffing-5%"
    /// The same with 20 % of the region's roll.
    case stuffing20 = "stuffing-20%"
    /// A script casting unused credentials of one region on a timer (one ballot every period, ±1 s), at the
    /// region's own average rate, for two hours.
    case bot
    /// Stolen credentials of 300 voters who have already voted, all re-cast within ten minutes.
    case revoteStorm = "revote-storm"
    /// Three regions voting 60 % above their rate for two hours, with unused credentials.
    case turnoutSpike = "turnout-spike"
    /// A voter holding 15 % of the roll's weight casting in the last hour.
    case lateWhale = "late-whale"

    /// The share of the region's roll that a stuffing attack casts.
    var stuffingShare: Double? {
        switch self {
        case .stuffing1: 0.01
        case .stuffing5: 0.05
        case .stuffing20: 0.2
        default: nil
        }
    }
}

/// Where and when an attack was injected: the truth an alert is scored against.
public struct AttackTruth: Sendable, Hashable, Codable {
    /// The attack.
    public let attack: InjectedAttack
    /// The regions it touched, by name.
    public let regions: [String]
    /// The voters it used, by roll index (the stolen credentials, the whale).
    public let voters: [Int]
    /// Its first ballot, in seconds since opening.
    public let start: Double
    /// Its last ballot.
    public let end: Double
}
