import ArgumentParser
import Foundation
import TabellaElection
import TabellaRecord
import TabellaVerifier

/// `tabella bench election`: a whole election's cost per phase, in the shape of the Belenios comparison.
struct BenchElection: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "election",
        abstract: "Time a whole election per phase (CPU and wall seconds), board on loopback checking every ballot.",
        discussion: """
            One contest choosing --min to --max of --options, --voters voters casting over HTTP to a local \
            SQLite board that checks each ballot on arrival, a --threshold-of---trustees ceremony, --absent \
            trustees missing at decryption, and a full verification. Phases, named as in \
            Benchmarks/belenios-comparison.sh: setup (credentials, roll, key ceremony), ballots, check (casting), \
            tally, partialDecryptions, result (with the signed decision), verify. CPU seconds are the process's \
            user and system time (every thread); Docs/benchmarks.md gives the method.
            """
    )

    @Option(help: "The number of voters.") var voters = 1000
    @Option(help: "The number of options.") var options = 10
    @Option(help: "The fewest options a ballot selects.") var min = 1
    @Option(help: "The most options a ballot selects.") var max = 3
    @Option(help: "The trustees.") var trustees = 3
    @Option(help: "The threshold.") var threshold = 2
    @Option(help: "Trustees absent at decryption.") var absent = 1
    @Option(help: "The group: p256, ristretto255 or integer-4096.") var group = ElectionGroup.p256
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard voters >= 1, options >= 1, 0 <= min, min <= max, max <= options else {
            throw ValidationError("need voters ≥ 1 and 0 ≤ min ≤ max ≤ options")
        }
        guard 1 <= threshold, threshold <= trustees, 0 <= absent, absent <= trustees - threshold else {
            throw ValidationError("need 1 ≤ threshold ≤ trustees and absent ≤ trustees − threshold")
        }
    }

    func run() async throws {
        var shape = ElectionShape(contests: [
            Contest(id: "choice", question: "Choose \(min) to \(max) of \(options).", kind: .choose,
                    options: (1...options).map { Contest.Option(id: "option-\($0)", text: "Option \($0)") },
                    minimumSelections: min, maximumSelections: max,
                    rule: DecisionRule(quorum: .zero, threshold: .zero, strict: false)),
        ])
        shape.election = "bench-election"
        shape.group = group
        shape.voters = voters
        shape.trustees = trustees
        shape.threshold = threshold
        shape.absent = absent
        let outcome = try await ElectionRunCommand.run(shape: shape, keep: nil, json: json)
        guard outcome.report.isValid else {
            let failure = outcome.report.firstFailure.map(\.description) ?? ""
            throw ValidationError("the election did not verify: \(failure)")
        }
        let phases = Self.comparisonPhases(outcome.phases)
        let totalCPU = outcome.phases.map(\.cpuSeconds).reduce(0, +)
        let totalWall = outcome.phases.map(\.wallSeconds).reduce(0, +)
        if json {
            struct Output: Encodable {
                let group: String
                let voters: Int
                let phases: [String: Double]
                let wall: [String: Double]
                let totalCPU: Double
                let totalWall: Double
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(Output(
                group: group.rawValue, voters: voters, phases: phases.mapValues(\.cpu),
                wall: phases.mapValues(\.wall), totalCPU: totalCPU, totalWall: totalWall)), as: UTF8.self))
        } else {
            print("Election of \(voters) voters in \(group.rawValue), choose \(min) to \(max) of \(options), "
                + "\(threshold)-of-\(trustees) with \(absent) absent:")
            for name in Self.order {
                let phase = phases[name]!
                print("  " + ElectionRunCommand.timing(name, phase.wall, phase.cpu))
            }
            print("  " + ElectionRunCommand.timing("total", totalWall, totalCPU))
        }
    }

    /// The comparison's phase names, in order.
    static let order = ["setup", "ballots", "check", "tally", "partialDecryptions", "result", "verify"]

    /// The simulation's phases grouped as the comparison's.
    static func comparisonPhases(_ phases: [SimulatedElection.Phase]) -> [String: (cpu: Double, wall: Double)] {
        let grouping = ["setup": "setup", "ceremony": "setup", "ballots": "ballots", "cast": "check",
                        "receipts": "check", "tally": "tally", "decryption": "partialDecryptions",
                        "result": "result", "decision": "result", "verify": "verify"]
        var result = [String: (cpu: Double, wall: Double)]()
        for name in order { result[name] = (0, 0) }
        for phase in phases {
            let name = grouping[phase.name] ?? phase.name
            result[name, default: (0, 0)].cpu += phase.cpuSeconds
            result[name, default: (0, 0)].wall += phase.wallSeconds
        }
        return result
    }
}
