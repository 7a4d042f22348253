/// What the board's web page shows beyond the log itself, computed by the election's layers above the board (the
/// monitor, `TabellaMonitor.BoardDashboard`) and served by the board at `/ui/data.json` and `/ui/receipt`.
public protocol BoardDashboardSource: Sendable {
    /// The page's data, as JSON.
    func dashboardJSON() async -> [UInt8]
    /// The log index of the ballot whose confirmation code is `code` (hexadecimal), if the board holds one.
    func ballotIndex(confirmationCode code: String) async -> UInt64?
}
