import ArgumentParser
import TabellaCrypto
import TabellaGroups

/// The ciphersuites a trustee can choose, by their short names.
enum TrusteeCiphersuite: String, CaseIterable, ExpressibleByArgument, Codable {
    /// `COCKTAIL(Ristretto255, SHA-512)`.
    case ristretto255
    /// `COCKTAIL(P-256, SHA-256)`.
    case p256
    /// `COCKTAIL(ElectionGuard-4096, SHA-256)`.
    case electionguard

    /// The ciphersuite named by its `ciphersuite_id`.
    init(identifier: String) throws {
        guard let suite = Self.allCases.first(where: { $0.identifier == identifier }) else {
            throw ValidationError("unknown ciphersuite \(identifier)")
        }
        self = suite
    }

    /// The canonical `ciphersuite_id`.
    var identifier: String {
        switch self {
        case .ristretto255: CocktailRistretto255().identifier
        case .p256: CocktailP256().identifier
        case .electionguard: CocktailElectionGuard().identifier
        }
    }

    /// Runs `action` with the ciphersuite's type.
    func dispatch<Action: TrusteeSuiteAction>(_ action: Action) async throws -> Action.Output {
        switch self {
        case .ristretto255: try await action.run(CocktailRistretto255())
        case .p256: try await action.run(CocktailP256())
        case .electionguard: try await action.run(CocktailElectionGuard())
        }
    }
}

/// Work that is generic over the ciphersuite, run by ``TrusteeCiphersuite/dispatch(_:)``.
protocol TrusteeSuiteAction {
    /// What the work returns.
    associatedtype Output
    /// Does the work in `suite`.
    func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> Output
}

/// Hex encodings of elements and scalars in a ciphersuite, with errors that name the field.
extension CocktailCiphersuite {
    /// The element encoded in `hex`, validated.
    func element(hex: String, _ what: String) throws -> Group.Element {
        guard let bytes = Hex.decode(hex) else { throw ValidationError("\(what) is not hexadecimal") }
        do {
            return try group.decode(bytes)
        } catch {
            throw ValidationError("\(what) is not a valid \(group.name) element: \(error)")
        }
    }

    /// The scalar encoded in `hex`, validated.
    func scalar(hex: String, _ what: String) throws -> Scalar {
        guard let bytes = Hex.decode(hex) else { throw ValidationError("\(what) is not hexadecimal") }
        do {
            return try group.scalars.decode(bytes)
        } catch {
            throw ValidationError("\(what) is not a valid scalar: \(error)")
        }
    }

    /// The hex encoding of an element.
    func hex(_ element: Group.Element) -> String { Hex.encode(group.encode(element)) }
}
