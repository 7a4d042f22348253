import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups

/// `tabella bench constant-time`: a timing test of the paths that handle secrets, after dudect (Reparaz, Balasch
/// and Verbauwhede, "Dude, is my code constant time?", DATE 2017): each path runs on a fixed secret and on fresh
/// random secrets, in random order, and Welch's t-test compares the two timing distributions.
struct BenchConstantTime: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "constant-time",
        abstract: "Test the secret paths for timing that depends on the secret (a dudect-style t-test).",
        discussion: """
            Every path is timed on a fixed, low-weight secret (class 0) and on a fresh random secret (class 1), \
            the classes drawn at random for each sample so that the machine's noise falls on both alike. Welch's \
            t statistic compares the classes, on all samples and on those below the 50th, 90th and 99th \
            percentiles (dudect's cropping); |t| above 4.5 means the timing depends on the secret. The public \
            (variable-time) exponentiation is measured as the control that the test can see a leak. Exit code 1 \
            when a secret path leaks.
            """
    )

    @Option(help: "Samples per path.")
    var samples = 20_000

    /// The fixed class of the scalar paths.
    enum FixedScalar: String, ExpressibleByArgument {
        /// 3: one that is short, to show a dependence on the length.
        case small
        /// q − 3: one of the field's full length, to show a dependence on the value's bits alone.
        case full
    }

    @Option(help: "The fixed scalar: small (3) or full (q − 3, of the field's full length).")
    var fixed: FixedScalar = .small

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() async throws {
        var results = [TimingTest]()
        results += paths(P256())
        results += paths(Ristretto255())
        results += paths(IntegerGroup.electionGuard, samples: max(200, samples / 20))
        results += [credentialSigning(), passphraseOpening()]
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            print("path".padding(toLength: 58, withPad: " ", startingAt: 0) + "   samples    max |t|  verdict")
            for result in results { print(result.line) }
        }
        if results.contains(where: { !$0.isControl && $0.leaks }) { throw ExitCode(1) }
    }

    /// The group's secret exponentiation paths and the public control.
    private func paths<Group: PrimeOrderGroup>(_ group: Group, samples: Int? = nil) -> [TimingTest] {
        let field = group.scalars
        let count = samples ?? self.samples
        let base = group.generatorPower(public: field.random())
        let table = group.fixedBase(base)
        let constant = fixed == .small ? field.scalar(3) : field.negate(field.scalar(3))
        let encoded = field.encode(constant)
        let scalar = { (fixed: Bool) in fixed ? try! field.decode(encoded) : field.random() }
        let weight = field.random()
        let name = group.name
        let bases = (0..<16).map { _ in group.generatorPower(public: field.random()) }
        let tables = group.secretMultiPowerTable(bases)
        return [
            TimingTest.run("\(name) power(_:secret:) of a variable base", samples: count, secret: scalar) {
                _ = group.power(base, secret: $0)
            },
            TimingTest.run("\(name) power(_:secret:) from a fixed-base table", samples: count, secret: scalar) {
                _ = group.power(table, secret: $0)
            },
            TimingTest.run("\(name) generatorPower(secret:)", samples: count, secret: scalar) {
                _ = group.generatorPower(secret: $0)
            },
            TimingTest.run("\(name) multiPower(table, secret:) of 16 terms", samples: count,
                           secret: { $0 ? (0..<16).map { _ in scalar(true) } : field.random(count: 16) }) {
                _ = group.multiPower(tables, secret: $0)
            },
            TimingTest.run("\(name) scalar product of a secret share (Lagrange weight)", samples: count,
                           secret: scalar) { _ = field.multiply($0, weight) },
            TimingTest.run("\(name) power(_:public:) (control: variable time)", samples: count, isControl: true,
                           secret: scalar) { _ = group.power(base, public: $0) },
        ]
    }

    /// Ed25519 signing by a voter's credential: the key is the secret.
    private func credentialSigning() -> TimingTest {
        let message = Array("tabella constant-time".utf8)
        return TimingTest.run("credential signing (Ed25519)", samples: samples) {
            $0 ? try! Ed25519.PrivateKey(seed: [UInt8](repeating: 1, count: 32)) : Ed25519.PrivateKey()
        } _: { _ = $0.signature(for: message) }
    }

    /// Opening a trustee's key file: the passphrase is the secret (at the minimum Argon2id cost, so that enough
    /// samples fit; the cost does not depend on the passphrase).
    private func passphraseOpening() -> TimingTest {
        let file = PassphraseBox.seal(SecureRandom.bytes(count: 32), passphrase: Array("the right one".utf8),
                                      cost: .minimum)
        return TimingTest.run("key file opening (Argon2id, wrong passphrases)", samples: max(200, samples / 50)) {
            $0 ? [UInt8](repeating: 0x61, count: 13) : SecureRandom.bytes(count: 13)
        } _: { _ = try? PassphraseBox.open(file, passphrase: $0) }
    }
}
