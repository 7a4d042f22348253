import Foundation
import TabellaGroups

/// A progress bar on standard error for long operations.
///
/// It draws only when standard error is a terminal and the command is not in `--json` mode; otherwise every call
/// does nothing, so that piped and machine-read output stays clean. Safe to advance from several tasks at once.
final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        var lastDrawn = ContinuousClock.now - .seconds(1)
    }

    private let total: Int
    private let label: String
    private let enabled: Bool
    private let state = Locked(State())

    /// A bar for `total` steps, labelled `label`; `quiet` turns it off.
    init(total: Int, label: String, quiet: Bool) {
        self.total = max(total, 1)
        self.label = label
        self.enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Counts `steps` more steps done, redrawing at most ten times a second.
    func advance(by steps: Int = 1) {
        update { $0 += steps }
    }

    /// Sets the number of steps done (for work that reports its own count).
    func set(done: Int) {
        update { $0 = done }
    }

    private func update(_ change: (inout Int) -> Void) {
        guard enabled else { return }
        state.withLock { state in
            change(&state.done)
            let now = ContinuousClock.now
            guard state.done >= total || now - state.lastDrawn >= .milliseconds(100) else { return }
            state.lastDrawn = now
            draw(done: state.done)
        }
    }

    /// Completes the bar and moves to a new line.
    func finish() {
        guard enabled else { return }
        state.withLock { state in
            state.done = total
            draw(done: total)
        }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(done: Int) {
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = "\r\(label) [\(bar)] \(min(done, total))/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
