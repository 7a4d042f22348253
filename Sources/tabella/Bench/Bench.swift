import ArgumentParser

/// `tabella bench`: performance measurements, each against a reference run in the same process.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Tabella's performance against reference implementations on this machine.",
        discussion: """
            Build in release mode first (swift build -c release); a debug build measures the debugger, not Tabella. \
            Every figure is the median of several batches; Docs/benchmarks.md explains each method.
            """,
        subcommands: [
            BenchGroups.self, BenchBoard.self, BenchBallots.self, BenchCeremony.self, BenchElection.self,
            BenchMixnet.self, BenchMonitor.self, BenchConstantTime.self,
        ]
    )
}
