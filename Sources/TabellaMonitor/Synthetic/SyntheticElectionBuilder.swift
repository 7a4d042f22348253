import RealModule

/// The steps of generating a ``SyntheticElection``: voters, clean ballots, then an attack.
struct SyntheticElectionBuilder {
    private struct Cast {
        let time: Double
        let voter: Int
        let fingerprint: String?
    }

    private static let binLength = 600.0
    private static let gridLength = 60.0
    /// The mean delay of a revote after the voter's first ballot, in seconds.
    private static let revoteDelay = 1800.0

    let settings: SyntheticElection.Settings
    var random: SeededRandom
    private var regionOf: [Int] = []
    private var weights: [UInt64] = []
    private var fingerprintOf: [String] = []
    private var hasVoted: [Bool] = []
    private var casts: [Cast] = []
    private var regionVoters: [[Int]] = []
    private var cumulative: [[Double]] = []

    init(settings: SyntheticElection.Settings, random: SeededRandom) {
        self.settings = settings
        self.random = random
    }

    /// The day's intensity at `hour` hours after opening, before noise: three peaks over a floor.
    private static func rhythm(hour: Double, peaks: [(height: Double, center: Double, width: Double)]) -> Double {
        peaks.reduce(0.5) { sum, peak in
            let x = (hour - peak.center) / peak.width
            return sum + peak.height * Double.exp(-x * x / 2)
        }
    }

    /// Draws the voters and their clean ballots and revotes.
    mutating func castCleanBallots() {
        let peaks = [(1.0, 2.0, 1.0), (0.6, 5.0, 0.8), (1.4, 10.0, 1.2)].map { height, center, width in
            (height: height * (0.8 + 0.4 * random.uniform()), center: center + 0.25 * random.normal(), width: width)
        }
        let grid = Int(settings.duration / Self.gridLength)
        let binsPerDay = Int((settings.duration / Self.binLength).rounded(.up))
        var household = 0, householdLeft = 0
        for region in 0..<settings.regions {
            let span = settings.regionVoters
            let size = span.lowerBound + Int(random.uniform() * Double(span.upperBound - span.lowerBound + 1))
            let noise = (0..<binsPerDay).map { _ in random.gammaUnitMean(shape: settings.noiseShape) }
            var running = 0.0
            var curve = [Double]()
            for step in 0..<grid {
                let start = Double(step) * Self.gridLength
                running += Self.rhythm(hour: start / 3600, peaks: peaks) * noise[Int(start / Self.binLength)]
                curve.append(running)
            }
            cumulative.append(curve.map { $0 / running })
            let turnout = 0.45 + 0.3 * random.uniform()
            var members = [Int]()
            for _ in 0..<size {
                let voter = regionOf.count
                members.append(voter)
                regionOf.append(region)
                let tokens = Double.exp(1.2 * random.normal())
                weights.append(UInt64(max(1, (tokens * 10).rounded())))
                if householdLeft == 0 {
                    household += 1
                    householdLeft = 1 + Int(random.uniform() * 4)
                }
                householdLeft -= 1
                fingerprintOf.append("client-\(household)")
                hasVoted.append(false)
                guard random.uniform() < turnout else { continue }
                let time = drawTime(region: region)
                casts.append(Cast(time: time, voter: voter, fingerprint: fingerprintOf[voter]))
                hasVoted[voter] = true
                if random.uniform() < settings.revoteShare / turnout {
                    let later = time + random.exponential(rate: 1 / Self.revoteDelay)
                    casts.append(Cast(time: later, voter: voter, fingerprint: fingerprintOf[voter]))
                }
            }
            regionVoters.append(members)
        }
    }

    /// A time drawn from the region's noisy daily curve.
    private mutating func drawTime(region: Int) -> Double {
        let curve = cumulative[region]
        let u = random.uniform()
        var low = 0, high = curve.count - 1
        while low < high {
            let middle = (low + high) / 2
            if curve[middle] < u { low = middle + 1 } else { high = middle }
        }
        return (Double(low) + random.uniform()) * Self.gridLength
    }

    /// Unused credentials of `region`, taken in roll order and marked used.
    private mutating func unusedVoters(region: Int, count: Int) -> [Int] {
        var taken = [Int]()
        for voter in regionVoters[region] where !hasVoted[voter] {
            taken.append(voter)
            hasVoted[voter] = true
            if taken.count == count { break }
        }
        return taken
    }

    private mutating func randomRegion() -> Int { Int(random.uniform() * Double(settings.regions)) }

    private func name(_ region: Int) -> String { SyntheticElection.regionName(region) }

    /// Injects `attack`; returns its truth.
    mutating func inject(_ attack: InjectedAttack) -> AttackTruth {
        let hour = 3600.0
        switch attack {
        case .stuffing1, .stuffing5, .stuffing20:
            let region = randomRegion()
            let voters = unusedVoters(
                region: region, count: Int((Double(regionVoters[region].count) * attack.stuffingShare!).rounded()))
            var time = hour + random.uniform() * 9 * hour
            let start = time
            for burst in stride(from: 0, to: voters.count, by: 50) {
                for voter in voters[burst..<min(burst + 50, voters.count)] {
                    casts.append(Cast(time: time + 60 * random.uniform(), voter: voter, fingerprint: rotating()))
                }
                time += 120 + 180 * random.uniform()
            }
            return AttackTruth(attack: attack, regions: [name(region)], voters: [], start: start, end: time)
        case .bot:
            let region = randomRegion()
            let period = settings.duration / (Double(regionVoters[region].count) * 0.6)
            let start = hour + random.uniform() * 8 * hour
            let voters = unusedVoters(region: region, count: Int(2 * hour / period))
            for (index, voter) in voters.enumerated() {
                casts.append(Cast(time: start + Double(index) * period + 2 * random.uniform() - 1, voter: voter,
                                  fingerprint: nil))
            }
            return AttackTruth(attack: attack, regions: [name(region)], voters: [], start: start,
                               end: start + 2 * hour)
        case .revoteStorm:
            let start = 2 * hour + random.uniform() * 8 * hour
            let earlier = casts.filter { $0.time < start }.map(\.voter)
            var stolen = Set<Int>()
            while stolen.count < min(300, earlier.count) {
                stolen.insert(earlier[Int(random.uniform() * Double(earlier.count))])
            }
            let voters = stolen.sorted()
            for voter in voters {
                casts.append(Cast(time: start + 600 * random.uniform(), voter: voter, fingerprint: rotating()))
            }
            return AttackTruth(attack: attack, regions: [], voters: voters, start: start, end: start + 600)
        case .turnoutSpike:
            var regions = Set<Int>()
            while regions.count < 3 { regions.insert(randomRegion()) }
            let start = hour + random.uniform() * 8 * hour
            for region in regions.sorted() {
                let inWindow = casts.filter { regionOf[$0.voter] == region && $0.time >= start
                    && $0.time < start + 2 * hour }.count
                for voter in unusedVoters(region: region, count: Int(0.6 * Double(inWindow))) {
                    casts.append(Cast(time: start + 2 * hour * random.uniform(), voter: voter,
                                      fingerprint: fingerprintOf[voter]))
                }
            }
            return AttackTruth(attack: attack, regions: regions.sorted().map(name), voters: [], start: start,
                               end: start + 2 * hour)
        case .lateWhale:
            let region = randomRegion()
            let total = weights.reduce(0.0) { $0 + Double($1) }
            let whale = regionOf.count
            regionOf.append(region)
            weights.append(UInt64((total * 0.15 / 0.85).rounded()))
            fingerprintOf.append("whale")
            hasVoted.append(true)
            regionVoters[region].append(whale)
            let time = settings.duration - hour + random.uniform() * (hour - 1)
            casts.append(Cast(time: time, voter: whale, fingerprint: "whale"))
            return AttackTruth(attack: attack, regions: [name(region)], voters: [whale], start: time, end: time)
        }
    }

    /// A fresh fingerprint for each attacking ballot: the attacker hides its client.
    private mutating func rotating() -> String { "rotating-\(random.next() % 1_000_000_000)" }

    /// The roll of the generated voters.
    func makeRoll() -> MonitorRoll {
        // The arrays have equal lengths by construction.
        try! MonitorRoll(regionNames: regionOf.map(name), weights: weights)
    }

    /// The ballots in time order, as arrivals.
    func makeArrivals(roll: MonitorRoll) -> [BallotArrival] {
        var reader = ArrivalReader(roll: roll)
        let ordered = casts.filter { $0.time < settings.duration }
            .sorted { ($0.time, $0.voter) < ($1.time, $1.voter) }
        // Times are sorted and voters are on the roll by construction.
        return ordered.map { try! reader.arrival(time: max(0, $0.time), voter: $0.voter, fingerprint: $0.fingerprint) }
    }
}

extension SyntheticElection {
    /// The name of region `index`: "R01", "R02" ... (sorted as numbered).
    public static func regionName(_ index: Int) -> String {
        "R" + String(repeating: "0", count: index < 9 ? 1 : 0) + String(index + 1)
    }
}
