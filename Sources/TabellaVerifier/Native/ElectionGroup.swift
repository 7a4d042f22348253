import TabellaCrypto

/// The groups a native election can run in, by the manifest's name, each with its COCKTAIL-DKG ciphersuite.
public enum ElectionGroup: String, Sendable, CaseIterable {
    /// P-256 with `COCKTAIL(P-256, SHA-256)`: the default, the fastest by measurement.
    case p256
    /// ristretto255 with `COCKTAIL(Ristretto255, SHA-512)`.
    case ristretto255
    /// The ElectionGuard 4096-bit group with Tabella's `COCKTAIL(ElectionGuard-4096, SHA-256)`.
    case integer4096 = "integer-4096"

    /// Runs `action` with the group's ciphersuite.
    public func run<Action: ElectionSuiteAction>(_ action: Action) async throws -> Action.Output {
        switch self {
        case .p256: try await action.run(CocktailP256())
        case .ristretto255: try await action.run(CocktailRistretto255())
        case .integer4096: try await action.run(CocktailElectionGuard())
        }
    }
}

/// Work generic over the election's ciphersuite, run by ``ElectionGroup/run(_:)``.
public protocol ElectionSuiteAction {
    /// What the work returns.
    associatedtype Output
    /// Does the work in `suite`.
    func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> Output
}
