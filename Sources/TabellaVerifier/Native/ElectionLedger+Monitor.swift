import TabellaBoard
import TabellaCrypto
import TabellaRecord

extension ElectionLedger {
    /// A monitor alert: after the definition, signed by the monitor key it declares, numbered one more than the
    /// last alert, about a board position before its own, its fields well formed. It changes no count.
    mutating func applyMonitorAlert(_ entry: BoardEntry, index: UInt64) throws(ElectionRejection) {
        guard phase != .definition else {
            throw ElectionRejection(.authorisation, "a monitor-alert entry is not accepted before the definition")
        }
        guard let monitorKey else {
            throw ElectionRejection(.authorisation, "the definition declares no monitor key, so no monitor-alert "
                + "entry is accepted")
        }
        guard entry.signer == monitorKey else {
            throw ElectionRejection(.authorisation, "the monitor-alert entry is not signed by the monitor")
        }
        let post = try payload(MonitorAlertPost.self, entry, .monitorAlert, check: .monitorAlerts)
        do { try post.validate() } catch { throw ElectionRejection(.monitorAlerts, error.message) }
        let expected = monitorAlerts.count + 1
        guard post.alert == expected else {
            throw ElectionRejection(.monitorAlerts, "alert: number \(post.alert) arrives where \(expected) is expected")
        }
        guard post.boardSize <= index else {
            throw ElectionRejection(.monitorAlerts, "boardSize: \(post.boardSize) is past the alert's own position "
                + "\(index) on the board")
        }
        monitorAlerts.append((index, post))
        passed[.monitorAlerts, default: 0] += 1
    }
}
