/// The monitor: consumes the board's ballot arrivals one by one, runs every streaming detector on them, and
/// returns the alerts each arrival raises; gives a dashboard snapshot at any time.
///
/// It sees only public data (times, the roll's regions and weights, revotes, fingerprints when ballots carry
/// them) and is deterministic: anyone replaying the same arrivals gets the same alerts. Alerts are evidence for a
/// person to weigh, never a verdict: the monitor changes no count.
public struct ElectionMonitor: Sendable {
    /// The roll watched.
    public let roll: MonitorRoll
    /// The learned day.
    public let profile: TimeOfDayProfile
    /// The thresholds.
    public let configuration: MonitorConfiguration
    /// Every alert so far, in order.
    public private(set) var alerts: [MonitorAlert] = []
    /// Each region's ``SlotFeatures`` row at the close of each slot, kept when the monitor was made with
    /// `recordsFeatures` (to train the learned detector).
    public private(set) var featureRows: [FeatureRow] = []

    /// One region's features at the close of a slot.
    public struct FeatureRow: Sendable, Hashable {
        /// The slot's end, in seconds since opening.
        public let time: Double
        /// The region's index on the roll.
        public let region: Int
        /// The features, in ``SlotFeatures/names`` order.
        public let features: [Double]
    }

    private let regionNames: [String]
    private var rates: RegionRateModel
    private var slot = 0
    private var slotCounts: [Int]
    private var votedByRegion: [Int]
    private var turnoutHistory: [[Int]]
    private var arrivalRate: ArrivalRateDetector
    private var regionShift: RegionShiftDetector
    private var streamShift: StreamShiftDetector
    private var outliers: RegionOutlierDetector
    private var regionRegularity: RegularityDetector<Int>
    private var clientRegularity: RegularityDetector<String>
    private var fingerprints: FingerprintBurstDetector
    private var revotes: RevoteStormDetector
    private var concentration: ConcentrationDetector
    private var slotFeatures: SlotFeatures?
    private let recordsFeatures: Bool
    private var silentUntil: [String: Double] = [:]
    private var now = 0.0

    /// A monitor of `roll` against `profile`, keeping ``featureRows`` when `recordsFeatures`.
    ///
    /// - Throws: ``MonitorError`` `.outOfRange` for a configuration out of range, `.malformed` for an empty roll.
    public init(roll: MonitorRoll, profile: TimeOfDayProfile, configuration: MonitorConfiguration = .init(),
                recordsFeatures: Bool = false) throws(MonitorError)
    {
        try configuration.validate()
        guard !roll.regions.isEmpty else { throw MonitorError(.malformed, "the roll to monitor is empty") }
        self.roll = roll
        self.profile = profile
        self.configuration = configuration
        let regions = roll.regions.count
        regionNames = roll.regions.map(\.name)
        rates = RegionRateModel(profile: profile, regionVoters: roll.regions.map(\.voters),
                                model: configuration.rateModel, priorWeight: configuration.priorWeight)
        slotCounts = [Int](repeating: 0, count: regions)
        votedByRegion = [Int](repeating: 0, count: regions)
        turnoutHistory = [[Int]](repeating: [], count: regions)
        arrivalRate = ArrivalRateDetector(regions: regions, alpha: configuration.rateAlpha,
                                          burstWindow: configuration.burstWindow)
        regionShift = RegionShiftDetector(regions: regions, allowance: configuration.cusumAllowance,
                                          threshold: configuration.cusumThreshold)
        streamShift = StreamShiftDetector(delta: configuration.pageHinkleyDelta,
                                          lambda: configuration.pageHinkleyLambda)
        outliers = RegionOutlierDetector(window: configuration.outlierWindowSlots, zThreshold: configuration.outlierZ,
                                         alpha: configuration.outlierAlpha)
        regionRegularity = RegularityDetector(window: configuration.regularityWindow,
                                              zThreshold: configuration.regularityZ)
        clientRegularity = RegularityDetector(window: configuration.regularityWindow,
                                              zThreshold: configuration.regularityZ)
        fingerprints = FingerprintBurstDetector(window: configuration.fingerprintWindow,
                                                threshold: configuration.fingerprintThreshold)
        revotes = RevoteStormDetector(window: configuration.revoteWindow, share: profile.revoteShare,
                                      alpha: configuration.revoteAlpha)
        concentration = ConcentrationDetector(
            rollWeight: roll.regions.reduce(0.0) { $0 + Double($1.weight) },
            singleShare: configuration.singleBallotShare, warmUp: configuration.concentrationWarmUp,
            nakamotoThreshold: configuration.nakamotoThreshold)
        self.recordsFeatures = recordsFeatures
        if recordsFeatures || configuration.learned != nil { slotFeatures = SlotFeatures(regions: regions) }
        arrivalRate.open(slot: 0, rates: rates)
    }

    /// Consumes one arrival; returns the alerts it raised (after those of any slots its time closed).
    ///
    /// - Throws: ``MonitorError`` `.outOfOrder` for an arrival before the last, `.outOfRange` for a region off
    ///   the roll.
    public mutating func consume(_ arrival: BallotArrival) throws(MonitorError) -> [MonitorAlert] {
        guard arrival.time >= now else {
            throw MonitorError(.outOfOrder, "an arrival at \(arrival.time) s follows the monitor's clock at \(now) s")
        }
        guard regionNames.indices.contains(arrival.region) else {
            throw MonitorError(.outOfRange, "arrival region \(arrival.region) is not one of \(regionNames.count)")
        }
        var raised = closeSlots(upTo: arrival.time)
        now = arrival.time
        let region = arrival.region, name = regionNames[region]
        slotCounts[region] += 1
        if !arrival.isRevote { votedByRegion[region] += 1 }
        slotFeatures?.observe(region: region, time: arrival.time)
        var candidates = [MonitorAlert?]()
        candidates.append(arrivalRate.observe(region: region, count: slotCounts[region], time: arrival.time,
                                              regionName: name, rates: rates, slot: slot))
        if let z = regionRegularity.observe(region, time: arrival.time), regionRegularity.isTooRegular(z) {
            regionRegularity.reset(region)
            candidates.append(regularityAlert(z: z, time: arrival.time, subject: .init(regions: [name])))
        }
        if let fingerprint = arrival.fingerprint {
            candidates.append(fingerprints.observe(fingerprint: fingerprint, time: arrival.time, region: name))
            if let z = clientRegularity.observe(fingerprint, time: arrival.time), clientRegularity.isTooRegular(z) {
                clientRegularity.reset(fingerprint)
                candidates.append(regularityAlert(
                    z: z, time: arrival.time, subject: .init(regions: [name], fingerprint: fingerprint)))
            }
        }
        candidates.append(revotes.observe(arrival))
        candidates.append(concentration.observe(arrival, regionName: name))
        raised += record(candidates.compactMap { $0 })
        return raised
    }

    /// Moves the clock to `time` without an arrival (a quiet board), closing the slots that ended; returns their
    /// alerts.
    public mutating func advance(to time: Double) -> [MonitorAlert] {
        guard time > now else { return [] }
        let raised = closeSlots(upTo: time)
        now = time
        return raised
    }

    /// The dashboard's view now.
    public func snapshot() -> MonitorSnapshot {
        var counts = [String: Int]()
        for alert in alerts { counts[alert.severity.rawValue, default: 0] += 1 }
        return MonitorSnapshot(
            time: now, regions: roll.regions, slotLength: profile.slotLength, votedByRegion: votedByRegion,
            turnoutByRegion: turnoutHistory,
            forecast: forecast(), concentration: ConcentrationSummary(weights: concentration.castWeights),
            alertCounts: counts)
    }

    /// The turnout forecast for the close, now.
    public func forecast() -> TurnoutForecast {
        TurnoutForecast(time: now, voted: votedByRegion.reduce(0, +), rollSize: roll.voterCount, profile: profile,
                        level: configuration.forecastLevel, quorum: configuration.quorum)
    }

    private func regularityAlert(z: Double, time: Double, subject: MonitorAlert.Subject) -> MonitorAlert {
        let who = subject.fingerprint.map { "client \($0)" } ?? "region \(subject.regions.joined())"
        return MonitorAlert(
            severity: .warning, detector: .regularity, subject: subject, time: time,
            evidence: [.init("z", z), .init("gaps", Double(configuration.regularityWindow))],
            explanation: """
                The last \(configuration.regularityWindow) ballots from \(who) arrived at intervals far more \
                regular than independent people produce (z = \(Int(z.rounded()))): a script on a timer casts \
                like this.
                """)
    }

    /// Closes every slot that ends at or before `time`.
    private mutating func closeSlots(upTo time: Double) -> [MonitorAlert] {
        var raised = [MonitorAlert]()
        while slot < profile.slotCount - 1, time >= Double(slot + 1) * profile.slotLength {
            raised += closeSlot()
            slot += 1
            slotCounts = [Int](repeating: 0, count: slotCounts.count)
            arrivalRate.open(slot: slot, rates: rates)
        }
        return raised
    }

    private mutating func closeSlot() -> [MonitorAlert] {
        let end = Double(slot + 1) * profile.slotLength
        var candidates = [MonitorAlert?]()
        let expectations = slotCounts.indices.map { rates.expected($0, slot: slot) }
        // The day's shape strays from the profile alike in every region: the CUSUM tests each region against the
        // others, its expectation scaled by the median ratio of counts to expectations across regions.
        let common = regionNames.count < 5 ? 1 : min(2, max(0.5, RobustStatistics.median(
            slotCounts.indices.map { Double(slotCounts[$0]) / expectations[$0] })!))
        for region in slotCounts.indices {
            let mean = expectations[region] * common
            let z = (Double(slotCounts[region]) - mean) / rates.standardDeviation(mean: mean)
            candidates.append(regionShift.close(region: region, count: slotCounts[region], expected: mean, z: z,
                                                time: end, regionName: regionNames[region]))
            if let row = slotFeatures?.close(region: region, z: z, cusum: regionShift.upperSum(region),
                                             count: slotCounts[region], expected: expectations[region]) {
                if recordsFeatures { featureRows.append(FeatureRow(time: end, region: region, features: row)) }
                candidates.append(configuration.learned?.alert(row, regionName: regionNames[region], time: end))
            }
            turnoutHistory[region].append(votedByRegion[region])
        }
        let total = expectations.reduce(0, +)
        candidates.append(streamShift.close(
            count: slotCounts.reduce(0, +), expected: total,
            deviation: (total + (rates.size.isFinite ? total * total / (rates.size * Double(slotCounts.count)) : 0))
                .squareRoot(),
            time: end))
        var raised = record(candidates.compactMap { $0 })
        raised += record(outliers.close(counts: slotCounts, expectations: expectations, size: rates.size, time: end,
                                        regionNames: regionNames))
        raised += record([concentration.close(time: end), quorumAlert(time: end)].compactMap { $0 })
        for region in slotCounts.indices
        where !regionShift.isRising(region)
            && rates.upperTail(slotCounts[region], region: region, slot: slot) > configuration.exclusionAlpha {
            rates.learn(region: region, slot: slot, count: slotCounts[region])
        }
        return raised
    }

    private func quorumAlert(time: Double) -> MonitorAlert? {
        let forecast = forecast()
        guard let quorum = configuration.quorum, let risk = forecast.quorumRisk,
              profile.cumulativeShare(at: time) >= 0.25, risk >= configuration.quorumRiskThreshold
        else { return nil }
        return MonitorAlert(
            severity: .info, detector: .quorumRisk, subject: .init(), time: time,
            evidence: [.init("voted", Double(forecast.voted)), .init("forecast", forecast.expected),
                       .init("low", forecast.low), .init("high", forecast.high), .init("quorum", Double(quorum)),
                       .init("risk", risk)],
            explanation: """
                At the current pace about \(Int(forecast.expected.rounded())) voters will have voted by the close \
                (\(Int(forecast.low.rounded())) to \(Int(forecast.high.rounded())) at \
                \(Int((forecast.level * 100).rounded())) %), against a quorum of \(quorum): the risk of missing \
                it is \(MonitorFormat.percent(risk)).
                """)
    }

    /// Keeps the alerts whose detector and subject are not in their cooldown, and starts theirs.
    private mutating func record(_ candidates: [MonitorAlert]) -> [MonitorAlert] {
        var kept = [MonitorAlert]()
        for alert in candidates {
            let key = "\(alert.detector.rawValue)|\(alert.subject.regions)|\(alert.subject.fingerprint ?? "")"
            if let until = silentUntil[key], alert.time < until { continue }
            silentUntil[key] = alert.time + configuration.cooldown
            kept.append(alert)
        }
        alerts += kept
        return kept
    }
}
