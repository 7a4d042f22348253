import Foundation
import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// Valid values made fresh for the seed corpora and the targets' fixed context: a ceremony setup, ballots in each
/// group, a manifest and a roll.
enum Samples {
    /// The ciphersuite of the ceremony targets.
    static let suite = CocktailRistretto255()

    /// Static keys of a 2-of-3 ceremony.
    static let staticKeys = (0..<3).map { _ in suite.group.scalars.randomNonzero() }

    /// The fixed setup the round-1 and payload targets read messages under.
    static let setup: CeremonySetup<CocktailRistretto255> = {
        do {
            return try CeremonySetup(suite: suite, threshold: 2,
                                     publicKeys: staticKeys.map { suite.group.generatorPower(secret: $0) },
                                     sessionID: Array("fuzz-session".utf8))
        } catch {
            fatalError("the fuzz ceremony setup is invalid: \(error)")
        }
    }()

    /// Every participant's round-1 message.
    static func round1() throws -> [Round1Message<CocktailRistretto255>] {
        try (1...3).map { try CeremonyParticipant(setup: setup, index: $0, staticKey: staticKeys[$0 - 1]).round1() }
    }

    /// A whole ceremony's transcript.
    static func transcript() throws -> [UInt8] {
        let messages = try round1()
        let participants = try (1...3).map {
            try CeremonyParticipant(setup: setup, index: $0, staticKey: staticKeys[$0 - 1])
        }
        let round2 = try participants.map { try $0.round2(messages: messages) }
        return try participants[0].round3(round2[0], signatures: round2.map(\.signature)).certificate.transcript
    }

    /// A ballot of two contests encrypted under a fresh key of `group`.
    static func ballot<G: PrimeOrderGroup>(in group: G) -> [UInt8] {
        let element = group.generatorPower(secret: group.scalars.randomNonzero())
        let rules = ElectionGuard21(key: ElGamalPublicKey(group: group, element: element),
                                    extendedBaseHash: [UInt8](repeating: 1, count: 32))
        let contests = [
            PlaintextContest(index: 1, contestLimit: 1, optionLimit: 1, votes: [0, 1, 0]),
            PlaintextContest(index: 2, contestLimit: 2, minimumTotal: 1, optionLimit: 2, votes: [2]),
        ]
        return BallotEncryptor(rules: rules).encrypt(
            identifier: SecureRandom.bytes(count: 32), contests: contests, ballotNonce: SecureRandom.bytes(count: 32),
            chainingField: rules.chainedField(previous: rules.chainStart(deviceHash: rules.deviceHash("fuzz")))
        ).encoded(in: group)
    }

    /// `count` rows of `width` random ciphertexts under a fresh key of `group`, and their space.
    static func rows<G: PrimeOrderGroup>(in group: G, count: Int, width: Int = 1) throws
        -> (ElGamalRowSpace<G>, [ElGamalRow<G>])
    {
        let space = try ElGamalRowSpace(group: group, publicKey: group.generatorPower(public: group.scalars.random()),
                                        width: width)
        let rows = (0..<count).map { _ in
            ElGamalRow<G>((0..<width).map { _ in
                ElGamalCiphertext<G>(alpha: group.generatorPower(public: group.scalars.randomNonzero()),
                                  beta: group.generatorPower(public: group.scalars.randomNonzero()))
            })
        }
        return (space, rows)
    }

    /// A manifest with one referendum and one choice.
    static var manifest: ElectionManifest {
        ElectionManifest(
            electionID: "fuzz", title: "Fuzz", contests: [
                Contest.referendum(id: "r", question: "Merge?", rule: .simpleMajority),
                Contest(id: "pick", question: "Pick 1 or 2", kind: .choose,
                        options: ["a", "b", "c"].map { Contest.Option(id: $0, text: $0.uppercased()) },
                        minimumSelections: 1, maximumSelections: 2, rule: .simpleMajority),
            ], weightFunction: .squareRoot, opens: 0, closes: 100, trustees: 3, threshold: 2,
            group: "ristretto255")
    }

    /// A roll of three voters.
    static var roll: VoterRoll {
        VoterRoll(voters: (0..<3).map {
            VoterRoll.Voter(credential: Ed25519.PrivateKey().publicKey.bytes, region: $0 == 0 ? nil : "north",
                            tokens: UInt64($0 * 7 + 1))
        })
    }

    /// JSON of `value`.
    static func json(_ value: some Encodable) throws -> [UInt8] {
        Array(try JSONEncoder().encode(value))
    }
}
