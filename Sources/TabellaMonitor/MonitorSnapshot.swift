/// What a dashboard shows of the monitor at one moment.
public struct MonitorSnapshot: Sendable, Hashable, Codable {
    /// Seconds since opening.
    public let time: Double
    /// The regions, in the order of the turnout rows.
    public let regions: [MonitorRoll.Region]
    /// The slot length of the turnout rows, in seconds.
    public let slotLength: Double
    /// For each region, the voters who have cast so far.
    public let votedByRegion: [Int]
    /// For each region, the voters who had cast by the end of each closed slot.
    public let turnoutByRegion: [[Int]]
    /// The forecast for the close.
    public let forecast: TurnoutForecast
    /// The concentration of the weight cast.
    public let concentration: ConcentrationSummary
    /// The number of alerts so far, by severity name.
    public let alertCounts: [String: Int]
}
