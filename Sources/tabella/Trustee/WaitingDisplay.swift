import Foundation
import TabellaCrypto
import TabellaGroups

/// Shows, on a terminal, which trustees' messages are still awaited; silent when piped or quiet.
final class WaitingDisplay: Sendable {
    private let enabled: Bool
    private let drawn = Locked(false)

    /// A display; `quiet` turns it off.
    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Redraws the waiting line.
    func show(round: CeremonyRound, present: Set<Int>, count: Int) {
        guard enabled else { return }
        let missing = Set(1...count).subtracting(present).sorted().map(String.init).joined(separator: ", ")
        let what = round == .round1 ? "round-1 messages" : "transcript signatures"
        let line = "\rwaiting for \(what): \(present.count)/\(count)"
            + (missing.isEmpty ? "" : " (missing: \(missing))")
        drawn.withLock { $0 = true }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    /// Ends the waiting line.
    func done() {
        guard enabled, drawn.withLock({ let was = $0; $0 = false; return was }) else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
