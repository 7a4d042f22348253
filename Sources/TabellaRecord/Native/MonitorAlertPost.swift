import Foundation

/// A monitor's alert on the board, signed by the monitor key the election definition declares: evidence for a
/// person to weigh, never a verdict. It changes no count; the verifier checks only who signed it and its fields.
public struct MonitorAlertPost: Sendable, Hashable, Codable {
    /// One named number behind the alert.
    public struct Evidence: Sendable, Hashable, Codable {
        /// What the number is ("observed", "expected", "p-value" ...).
        public let name: String
        /// Its value.
        public let value: Double

        /// A number.
        public init(name: String, value: Double) {
            self.name = name
            self.value = value
        }
    }

    /// The severities an alert may have, least urgent first.
    public static let severities = ["info", "warning", "critical"]
    /// The longest explanation, in UTF-8 bytes.
    public static let maximumExplanationLength = 2_000
    /// The most evidence numbers or regions an alert may carry.
    public static let maximumListLength = 64

    /// The alert's number: 1 for the monitor's first alert on the board, then one more each time.
    public let alert: Int
    /// `info`, `warning` or `critical`.
    public let severity: String
    /// The detector that raised it (`arrival-rate`, `cusum`, …).
    public let detector: String
    /// The regions it is about (empty for the whole election).
    public let regions: [String]
    /// The numbers that triggered it, in the detector's order.
    public let evidence: [Evidence]
    /// What it means, in plain language.
    public let explanation: String
    /// The log size the monitor had read when it raised the alert: the alert is about entries before this.
    public let boardSize: UInt64
    /// Seconds since voting opened on the monitor's clock, when it raised the alert.
    public let time: Double

    /// An alert post.
    public init(alert: Int, severity: String, detector: String, regions: [String], evidence: [Evidence],
                explanation: String, boardSize: UInt64, time: Double) {
        self.alert = alert
        self.severity = severity
        self.detector = detector
        self.regions = regions
        self.evidence = evidence
        self.explanation = explanation
        self.boardSize = boardSize
        self.time = time
    }

    /// Checks every field on its own (the ledger checks the numbering and the board position).
    ///
    /// - Throws: ``ElectionError`` naming the field.
    public func validate() throws(ElectionError) {
        guard alert >= 1 else { throw ElectionError(.outOfRange, "alert: \(alert) is not a positive number") }
        guard Self.severities.contains(severity) else {
            throw ElectionError(.outOfRange, "severity: `\(severity)` is not one of \(Self.severities)")
        }
        guard Self.isName(detector) else {
            throw ElectionError(.malformed, "detector: `\(detector)` is not a name of lower-case letters and `-`")
        }
        guard regions.count <= Self.maximumListLength, evidence.count <= Self.maximumListLength else {
            throw ElectionError(.outOfRange, "regions or evidence: more than \(Self.maximumListLength) items")
        }
        for (offset, region) in regions.enumerated() where region.isEmpty || region.utf8.count > 256 {
            throw ElectionError(.malformed, "regions[\(offset)]: a region name has 1 to 256 bytes")
        }
        guard !evidence.isEmpty else { throw ElectionError(.missing, "evidence: the alert gives no number") }
        for (offset, number) in evidence.enumerated() {
            guard !number.name.isEmpty, number.name.utf8.count <= 64 else {
                throw ElectionError(.malformed, "evidence[\(offset)].name: a name has 1 to 64 bytes")
            }
            guard number.value.isFinite else {
                throw ElectionError(.outOfRange, "evidence[\(offset)].value (\(number.name)) is not a finite number")
            }
        }
        guard !explanation.isEmpty, explanation.utf8.count <= Self.maximumExplanationLength else {
            throw ElectionError(.outOfRange, "explanation: it has 1 to \(Self.maximumExplanationLength) bytes")
        }
        guard time.isFinite, time >= 0 else {
            throw ElectionError(.outOfRange, "time: \(time) is not a non-negative number of seconds")
        }
    }

    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
    }
}
