/// The learned shape of a voting day: which share of the day's ballots falls in each time slot, how much region
/// counts scatter around it, and how far the day's cumulative curve strays from one election to the next.
///
/// Learned from clean elections (``learn(from:slotLength:)``); the arrival-rate detectors and the forecast test
/// the live stream against it.
public struct TimeOfDayProfile: Sendable, Hashable, Codable {
    /// The length of one slot, in seconds.
    public let slotLength: Double
    /// The share of a day's arrivals in each slot; sums to 1.
    public let slotShare: [Double]
    /// The mean number of arrivals per voter on the roll over the whole day (turnout plus revotes).
    public let arrivalsPerVoter: Double
    /// The negative-binomial size of one region's slot count around its expectation (infinite when the counts are
    /// no more scattered than Poisson).
    public let dispersion: Double
    /// The standard deviation across elections of the cumulative share reached at the end of each slot, relative
    /// to the mean cumulative share: the uncertainty of the day's shape that the forecast adds to counting noise.
    public let cumulativeShareSpread: [Double]
    /// The share of arrivals that are revotes.
    public let revoteShare: Double

    /// A profile given directly.
    public init(slotLength: Double, slotShare: [Double], arrivalsPerVoter: Double, dispersion: Double,
                cumulativeShareSpread: [Double], revoteShare: Double) {
        self.slotLength = slotLength
        self.slotShare = slotShare
        self.arrivalsPerVoter = arrivalsPerVoter
        self.dispersion = dispersion
        self.cumulativeShareSpread = cumulativeShareSpread
        self.revoteShare = revoteShare
    }

    /// The number of slots in the voting day.
    public var slotCount: Int { slotShare.count }

    /// The voting day's length, in seconds.
    public var duration: Double { slotLength * Double(slotCount) }

    /// The slot holding `time` (clamped to the day).
    public func slot(at time: Double) -> Int {
        min(slotCount - 1, max(0, Int(time / slotLength)))
    }

    /// The expected share of the day's arrivals before `time`, interpolating within a slot.
    public func cumulativeShare(at time: Double) -> Double {
        let clamped = min(max(time, 0), duration)
        let full = Int(clamped / slotLength)
        var share = slotShare.prefix(full).reduce(0, +)
        if full < slotCount { share += slotShare[full] * (clamped / slotLength - Double(full)) }
        return share
    }

    /// One clean voting day for learning: its roll size per region and its arrivals in time order.
    public struct Day: Sendable {
        /// The number of voters of each region.
        public let regionVoters: [Int]
        /// The day's arrivals.
        public let arrivals: [BallotArrival]

        /// A day.
        public init(regionVoters: [Int], arrivals: [BallotArrival]) {
            self.regionVoters = regionVoters
            self.arrivals = arrivals
        }
    }

    /// The profile of `days`, cut into slots of `slotLength` seconds over `duration` seconds.
    ///
    /// The dispersion comes from the method of moments on region-slot counts, each expected as the region's day
    /// total times the slot's share: `Σ μ² / Σ ((x − μ)² − μ)`.
    ///
    /// - Throws: ``MonitorError`` `.malformed` for no days, no arrivals, or a slot length that does not divide
    ///   the duration into at least one slot.
    public static func learn(from days: [Day], slotLength: Double, duration: Double)
        throws(MonitorError) -> TimeOfDayProfile
    {
        let slots = Int((duration / slotLength).rounded())
        guard slots > 0, slotLength > 0 else {
            throw MonitorError(.malformed, "a \(slotLength) s slot does not cut a \(duration) s day into slots")
        }
        guard !days.isEmpty, days.allSatisfy({ !$0.arrivals.isEmpty }) else {
            throw MonitorError(.malformed, "learning a profile needs at least one day, each with arrivals")
        }
        var counts = [[[Int]]]()  // day, region, slot
        var totals = [Double](repeating: 0, count: slots)
        var arrivals = 0, voters = 0, revotes = 0
        for day in days {
            var perRegion = [[Int]](repeating: [Int](repeating: 0, count: slots), count: day.regionVoters.count)
            for arrival in day.arrivals {
                let slot = min(slots - 1, max(0, Int(arrival.time / slotLength)))
                perRegion[arrival.region][slot] += 1
                totals[slot] += 1
                if arrival.isRevote { revotes += 1 }
            }
            counts.append(perRegion)
            arrivals += day.arrivals.count
            voters += day.regionVoters.reduce(0, +)
        }
        let share = totals.map { $0 / Double(arrivals) }
        var squaredMeans = 0.0, excess = 0.0
        var cumulative = [[Double]]()
        for perRegion in counts {
            let dayTotal = Double(perRegion.reduce(0) { $0 + $1.reduce(0, +) })
            var running = 0.0
            var curve = [Double]()
            for slot in 0..<slots {
                running += Double(perRegion.reduce(0) { $0 + $1[slot] })
                curve.append(running / dayTotal)
            }
            cumulative.append(curve)
            for regionCounts in perRegion {
                let regionTotal = Double(regionCounts.reduce(0, +))
                for (slot, count) in regionCounts.enumerated() {
                    let mean = regionTotal * share[slot]
                    squaredMeans += mean * mean
                    excess += (Double(count) - mean) * (Double(count) - mean) - mean
                }
            }
        }
        var meanCurve = [Double](repeating: 0, count: slots)
        var spread = [Double](repeating: 0, count: slots)
        for slot in 0..<slots {
            let values = cumulative.map { $0[slot] }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, values.count - 1))
            meanCurve[slot] = mean
            spread[slot] = mean > 0 ? variance.squareRoot() / mean : 0
        }
        return TimeOfDayProfile(
            slotLength: slotLength, slotShare: share, arrivalsPerVoter: Double(arrivals) / Double(voters),
            dispersion: excess > 0 ? squaredMeans / excess : .infinity, cumulativeShareSpread: spread,
            revoteShare: Double(revotes) / Double(arrivals))
    }
}
