import TabellaRecord

extension MonitorAlertPost {
    /// The board post of a monitor's `alert`, numbered `number`, raised with `boardSize` entries read. Evidence
    /// that is not finite is written as the largest finite number of its sign (JSON has no infinity), and an
    /// explanation longer than the limit is cut at a character boundary.
    public init(alert: MonitorAlert, number: Int, boardSize: UInt64) {
        let evidence = alert.evidence.prefix(Self.maximumListLength).map { number in
            Evidence(name: number.name, value: number.value.isNaN ? 0
                     : min(max(number.value, -.greatestFiniteMagnitude), .greatestFiniteMagnitude))
        }
        var explanation = alert.explanation
        while explanation.utf8.count > Self.maximumExplanationLength { explanation.removeLast() }
        self.init(alert: number, severity: alert.severity.rawValue, detector: alert.detector.rawValue,
                  regions: Array(alert.subject.regions.prefix(Self.maximumListLength)), evidence: evidence,
                  explanation: explanation, boardSize: boardSize, time: max(0, alert.time))
    }
}
