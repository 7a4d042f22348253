/// How a ranked contest's decrypted ballots are counted (Docs/mixnet.md, "Counting methods").
public enum CountingMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Instant-runoff voting: one winner, the last-placed candidate eliminated round by round.
    case instantRunoff = "instant-runoff"
    /// Single transferable vote with the Droop quota and the weighted inclusive Gregory method, filling the
    /// contest's `seats`.
    case stv
    /// The Schulze method (Condorcet): the full ranking by strongest-path widths.
    case schulze
}
