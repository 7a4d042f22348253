import Foundation
import TabellaBoard
import TabellaRecord

/// The data of a board's web page, kept by the board's own process: a ``BoardWatch`` on the wall clock over the
/// board's log, read at each commit, so that the page shows turnout by region over time with the forecast, the
/// concentration of the weight cast, and the monitor alerts on the board (posted by the election's monitor, never
/// raised here: this watch only measures).
public actor BoardDashboard: BoardDashboardSource {
    private let board: Board
    private var watch: BoardWatch
    private var failure: String?
    private var follower: Task<Void, Never>?

    /// A dashboard of `board`'s election against `profile` (a flat day when `nil`); ``start()`` starts it.
    public init(board: Board, profile: TimeOfDayProfile? = nil) {
        self.board = board
        watch = BoardWatch(clock: .wall, profile: profile)
    }

    /// Reads the log so far, then follows the board's commits until ``stop()``.
    public func start() {
        guard follower == nil else { return }
        let events = board.events.subscribe()
        follower = Task {
            await self.catchUp()
            for await _ in events { await self.catchUp() }
        }
    }

    /// Stops following.
    public func stop() {
        follower?.cancel()
        follower = nil
    }

    /// The page's data now, as JSON (``DashboardJSON``).
    public func dashboardJSON() async -> [UInt8] {
        await catchUp()
        return PayloadCoding.encode(DashboardJSON(watch: watch, failure: failure))
    }

    /// The log index of the ballot with confirmation code `code`.
    public func ballotIndex(confirmationCode code: String) async -> UInt64? {
        await catchUp()
        return watch.confirmationCodes[code.lowercased()]
    }

    /// Reads the entries committed since the last read; a board the monitor cannot read is reported on the page.
    private func catchUp() async {
        guard failure == nil else { return }
        do {
            let size = try await board.head().size
            while watch.size < size {
                let start = watch.size
                let batch = try await board.entries(start..<min(size, start + 1000))
                // Another read may have gone first while this one waited.
                guard watch.size == start else { continue }
                for entry in batch { _ = try watch.read(entry, now: Date().timeIntervalSince1970) }
            }
        } catch let error as MonitorError {
            failure = error.message
        } catch {
            failure = "the board's log cannot be read: \(error)"
        }
    }
}
