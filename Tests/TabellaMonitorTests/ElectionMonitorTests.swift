import Foundation
import Testing
import TabellaMonitor

@Suite("The election monitor on synthetic elections")
struct ElectionMonitorTests {
    static let settings: SyntheticElection.Settings = {
        var settings = SyntheticElection.Settings()
        settings.regions = 8
        settings.regionVoters = 800...1_600
        return settings
    }()

    static let profile: TimeOfDayProfile = {
        // Learning seeds disjoint from the seeds the tests check.
        try! SyntheticEvaluation.learnProfile(seeds: Array(500..<506), settings: settings, slotLength: 300)
    }()

    func alerts(_ election: SyntheticElection, configuration: MonitorConfiguration = .init()) throws
        -> [MonitorAlert]
    {
        try SyntheticEvaluation.alerts(election, profile: Self.profile, configuration: configuration)
    }

    @Test("the generator is reproducible by seed, and different seeds give different elections")
    func reproducible() {
        let first = SyntheticElection(seed: 42, attack: .stuffing5, settings: Self.settings)
        let again = SyntheticElection(seed: 42, attack: .stuffing5, settings: Self.settings)
        let other = SyntheticElection(seed: 43, attack: .stuffing5, settings: Self.settings)
        #expect(first.arrivals == again.arrivals)
        #expect(first.truth == again.truth)
        #expect(first.arrivals != other.arrivals)
        #expect(zip(first.arrivals, first.arrivals.dropFirst()).allSatisfy { $0.time <= $1.time })
    }

    @Test("the learned profile: shares summing to 1, evening peak above the night floor")
    func profile() {
        let profile = Self.profile
        #expect(abs(profile.slotShare.reduce(0, +) - 1) < 1e-9)
        #expect(profile.slotCount == 144)
        #expect(profile.slotShare[120] > 2 * profile.slotShare[70])
        #expect(profile.revoteShare > 0.01 && profile.revoteShare < 0.06)
        #expect(profile.dispersion > 5)
    }

    @Test("5 % stuffing is found by the arrival-rate test within ten minutes, in the right region")
    func stuffing() throws {
        let election = SyntheticElection(seed: 7, attack: .stuffing5, settings: Self.settings)
        let truth = try #require(election.truth)
        let found = try alerts(election).filter { SyntheticEvaluation.matches($0, truth) }
        let first = try #require(found.first)
        #expect(first.time - truth.start < 600)
        #expect(first.subject.regions == truth.regions)
        #expect(found.contains { $0.detector == .arrivalRate })
    }

    @Test("a revote storm is found, naming stolen credentials")
    func revoteStorm() throws {
        let election = SyntheticElection(seed: 8, attack: .revoteStorm, settings: Self.settings)
        let truth = try #require(election.truth)
        let storm = try #require(try alerts(election).first { $0.detector == .revoteStorm })
        #expect(SyntheticEvaluation.matches(storm, truth))
        #expect(!Set(storm.subject.voters).isDisjoint(with: truth.voters))
    }

    @Test("a late whale is found by the concentration detector")
    func whale() throws {
        let election = SyntheticElection(seed: 9, attack: .lateWhale, settings: Self.settings)
        let truth = try #require(election.truth)
        let found = try alerts(election).filter { SyntheticEvaluation.matches($0, truth) }
        #expect(found.first?.detector == .concentration)
        #expect((found.first?.evidence("share") ?? 0) > 0.1)
    }

    @Test("one client casting for many credentials is a fingerprint burst")
    func fingerprintBurst() throws {
        let roll = try MonitorRoll(regionNames: [String](repeating: "A", count: 100),
                                   weights: [UInt64](repeating: 1, count: 100))
        var monitor = try ElectionMonitor(roll: roll, profile: Self.profile)
        var reader = ArrivalReader(roll: roll)
        var raised = [MonitorAlert]()
        for voter in 0..<12 {
            let arrival = try reader.arrival(time: 3_600 + Double(voter) * 20, voter: voter, fingerprint: "one-phone")
            raised += try monitor.consume(arrival)
        }
        let burst = try #require(raised.first { $0.detector == .fingerprintBurst })
        #expect(burst.subject.fingerprint == "one-phone")
        #expect(burst.evidence("ballots") == 10)
    }

    @Test("alerts are deterministic and survive JSON")
    func deterministic() throws {
        let election = SyntheticElection(seed: 10, attack: .stuffing20, settings: Self.settings)
        let first = try alerts(election)
        #expect(!first.isEmpty)
        #expect(first == (try alerts(election)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(first)
        #expect(try JSONDecoder().decode([MonitorAlert].self, from: data) == first)
        #expect(data == (try encoder.encode(try alerts(election))))
    }

    @Test("bad input: an arrival out of order, an unknown credential, a region off the roll")
    func badInput() throws {
        let roll = try MonitorRoll(regionNames: ["A", "B"], weights: [1, 2], credentials: [[1], [2]])
        var reader = ArrivalReader(roll: roll)
        _ = try reader.arrival(time: 10, credential: [1])
        #expect(throws: MonitorError.self) { try reader.arrival(time: 5, credential: [2]) }
        #expect(throws: MonitorError.self) { try reader.arrival(time: 20, credential: [3]) }
        var monitor = try ElectionMonitor(roll: roll, profile: Self.profile)
        #expect(throws: MonitorError.self) {
            try monitor.consume(BallotArrival(time: 1, voter: 0, region: 5, weight: 1, isRevote: false))
        }
        var configuration = MonitorConfiguration()
        configuration.rateAlpha = 2
        #expect(throws: MonitorError.self) { try ElectionMonitor(roll: roll, profile: Self.profile,
                                                                 configuration: configuration) }
    }

    @Test("the forecast brackets the final turnout and prices the quorum risk")
    func forecast() throws {
        let election = SyntheticElection(seed: 11, settings: Self.settings)
        var configuration = MonitorConfiguration()
        let final = Set(election.arrivals.map(\.voter)).count
        configuration.quorum = final * 2
        var monitor = try ElectionMonitor(roll: election.roll, profile: Self.profile, configuration: configuration)
        for arrival in election.arrivals where arrival.time < 6 * 3_600 { _ = try monitor.consume(arrival) }
        _ = monitor.advance(to: 6 * 3_600)
        let forecast = monitor.forecast()
        #expect(forecast.low <= Double(final) && Double(final) <= forecast.high)
        #expect((forecast.quorumRisk ?? 0) > 0.99)
        #expect(monitor.alerts.contains { $0.detector == .quorumRisk })
        let snapshot = monitor.snapshot()
        #expect(snapshot.turnoutByRegion.count == 8)
        #expect(snapshot.turnoutByRegion[0].count == 72)
        #expect(snapshot.concentration.voters == forecast.voted)
    }
}
