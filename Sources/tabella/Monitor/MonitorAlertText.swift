import Foundation
import TabellaMonitor
import TabellaRecord

/// How the monitor commands print alerts: one line of text each, or one line of JSON each (`--json`).
enum MonitorAlertText {
    /// `#3 critical arrival-rate [north] at 2.5 h, board size 812: explanation (observed 41, expected 3.5)`.
    static func line(_ post: MonitorAlertPost) -> String {
        let regions = post.regions.isEmpty ? "" : " [\(post.regions.joined(separator: ", "))]"
        let numbers = post.evidence.map { "\($0.name) \(String(format: "%g", $0.value))" }.joined(separator: ", ")
        return "#\(post.alert) \(post.severity) \(post.detector)\(regions) at "
            + "\(String(format: "%.2f", post.time / 3600)) h, board size \(post.boardSize): \(post.explanation) "
            + "(\(numbers))"
    }

    /// The post as one line of canonical JSON, with the entry index it was posted at, if any.
    static func json(_ post: MonitorAlertPost, index: UInt64?) -> String {
        struct Line: Encodable {
            let alert: MonitorAlertPost
            let index: UInt64?
        }
        return String(decoding: PayloadCoding.encode(Line(alert: post, index: index)), as: UTF8.self)
    }
}
