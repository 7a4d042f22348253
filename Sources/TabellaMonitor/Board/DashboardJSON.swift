import TabellaRecord

/// What the board's web page shows, as `/ui/data.json` serves it.
public struct DashboardJSON: Sendable, Encodable {
    /// One region's turnout.
    public struct Region: Sendable, Encodable {
        /// The region's name.
        public let name: String
        /// Its voters on the roll.
        public let voters: Int
        /// Those who have cast.
        public let voted: Int
        /// Those who had cast by the end of each closed slot of the monitor's day.
        public let series: [Int]
    }

    /// A posted alert with its entry index.
    public struct Alert: Sendable, Encodable {
        /// The alert's entry index.
        public let index: UInt64
        /// The alert.
        public let alert: MonitorAlertPost
    }

    /// The election's identifier and title, once the definition is read.
    public let election: String?
    /// The manifest's title.
    public let title: String?
    /// The entries read.
    public let size: UInt64
    /// The last lifecycle entry (`election-open`, …).
    public let phase: String?
    /// The ballot entries read.
    public let ballots: Int
    /// The monitor's time, seconds since opening on its day.
    public let time: Double
    /// The monitor's day, seconds.
    public let dayLength: Double
    /// The length of one slot of the series, seconds.
    public let slotLength: Double?
    /// The turnout of each region.
    public let regions: [Region]
    /// The forecast for the close.
    public let forecast: TurnoutForecast?
    /// The roll's size.
    public let rollSize: Int?
    /// The concentration of the weight cast.
    public let concentration: ConcentrationSummary?
    /// The monitor alerts on the board.
    public let alerts: [Alert]
    /// Why the page's monitor stopped reading the board, if it did.
    public let failure: String?

    /// The page's data from `watch`.
    public init(watch: BoardWatch, failure: String?) {
        let snapshot = watch.monitor?.snapshot()
        election = watch.definition?.manifest.electionID
        title = watch.definition?.manifest.title
        size = watch.size
        phase = watch.lastLifecycle
        ballots = watch.ballots
        time = watch.time
        dayLength = BoardWatch.dayLength
        slotLength = snapshot?.slotLength
        regions = snapshot.map { snapshot in
            snapshot.regions.indices.map {
                Region(name: snapshot.regions[$0].name, voters: snapshot.regions[$0].voters,
                       voted: snapshot.votedByRegion[$0], series: snapshot.turnoutByRegion[$0])
            }
        } ?? []
        forecast = snapshot?.forecast
        rollSize = watch.monitor?.roll.voterCount
        concentration = snapshot?.concentration
        alerts = watch.boardAlerts.map { Alert(index: $0.index, alert: $0.post) }
        self.failure = failure
    }
}
