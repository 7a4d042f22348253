import CSodium
import Testing
@testable import TabellaGroups

/// Tabella's own ristretto255 decoding, encoding, Edwards25519 point arithmetic and multi-exponentiation, against
/// libsodium's results and the test vectors of RFC 9496.
@Suite("ristretto255 native arithmetic")
struct Ristretto255NativeTests {
    let group = Ristretto255()

    /// RFC 9496 Appendix A.1: the encodings of B·0 … B·15, B the generator.
    static let generatorMultiples = [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76",
        "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919",
        "94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259",
        "da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57",
        "e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e",
        "f64746d3c92b13050ed8d80236a7f0007c3b3f962f5ba793d19a601ebb1df403",
        "44f53520926ec81fbd5a387845beb7df85a96a24ece18738bdcfa6a7822a176d",
        "903293d8f2287ebe10e2374dc1a53e0bc887e592699f02d077d5263cdd55601c",
        "02622ace8f7303a31cafc63f8fc48fdc16e1c8c8d234b2f0d6685282a9076031",
        "20706fd788b2720a1ed2a5dad4952b01f413bcf0e7564de8cdc816689e2db95f",
        "bce83f8ba5dd2fa572864c24ba1810f9522bc6004afe95877ac73241cafdab42",
        "e4549ee16b9aa03099ca208c67adafcafa4c3f3e4e5303de6026e3ca8ff84460",
        "aa52e000df2e16f55fb1032fc33bc42742dad6bd5a8fc0be0167436c5948501f",
        "46376b80f409b29dc2b5f6f0c52591990896e5716f41477cd30085ab7f10301e",
        "e0c418f7c8d9c4cdd7395b93ea124f3ad99021bb681dfc3302a9d99a2e53e64e",
    ].map { Hex.decode($0)! }

    /// RFC 9496 Appendix A.2: invalid encodings, with the check that refuses each.
    static let invalidEncodings: [(bytes: [UInt8], code: GroupError.Code)] = {
        let ff = [UInt8](repeating: 0xff, count: 30)
        // Non-canonical field encodings (the top bit set, or p or more).
        let nonCanonical = [[0x00] + ff + [0xff], [0xff] + ff + [0x7f], [0xf3] + ff + [0x7f], [0xed] + ff + [0x7f]]
        // Negative (odd) field elements.
        let negative = [[0x01] + [UInt8](repeating: 0, count: 31), [0x01] + ff + [0x7f]] + [
            "ed57ffd8c914fb201471d1c3d245ce3c746fcbe63a3679d51b6a516ebebe0e20",
            "c34c4e1826e5d403b78e246e88aa051c36ccf0aafebffe137d148a2bf9104562",
            "c940e5a4404157cfb1628b108db051a8d439e1a421394ec4ebccb9ec92a8ac78",
            "47cfc5497c53dc8e61c91d17fd626ffb1c49e2bca94eed052281b510b1117a24",
            "f1c6165d33367351b0da8f6e4511010c68174a03b6581212c71c0e1d026c3c72",
            "87260f7a2f12495118360f02c26a470f450dadf34a413d21042b43b9d93e1309",
        ].map { Hex.decode($0)! }
        let notOnCurve = [
            // Non-square x².
            "26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371",
            "4eac077a713c57b4f4397629a4145982c661f48044dd3f96427d40b147d9742f",
            "de6a7b00deadc788eb6b6c8d20c0ae96c2f2019078fa604fee5b87d6e989ad7b",
            "bcab477be20861e01e4a0e295284146a510150d9817763caf1a6f4b422d67042",
            "2a292df7e32cababbd9de088d1d1abec9fc0440f637ed2fba145094dc14bea08",
            "f4a9e534fc0d216c44b218fa0c42d99635a0127ee2e53c712f70609649fdff22",
            "8268436f8c4126196cf64b3c7ddbda90746a378625f9813dd9b8457077256731",
            "2810e5cbc2cc4d4eece54f61c6f69758e289aa7ab440b3cbeaa21995c2f4232b",
            // Negative xy.
            "3eb858e78f5a7254d8c9731174a94f76755fd3941c0ac93735c07ba14579630e",
            "a45fdc55c76448c049a1ab33f17023edfb2be3581e9c7aade8a6125215e04220",
            "d483fe813c6ba647ebbfd3ec41adca1c6130c2beeee9d9bf065c8d151c5f396e",
            "8a2e1d30050198c65a54483123960ccc38aef6848e1ec8f5f780e8523769ba32",
            "32888462f8b486c68ad7dd9610be5192bbeaf3b443951ac1a8118419d9fa097b",
            "227142501b9d4355ccba290404bde41575b037693cef1f438c47f8fbf35d1165",
            "5c37cc491da847cfeb9281d407efc41e15144c876e0170b499a96a22ed31e01e",
            "445425117cb8c90edcbc7c1cc0e74f747f2c1efa5630a967c64f287792a48a4b",
        ].map { Hex.decode($0)! } + [[0xec] + ff + [0x7f]]  // s = −1, which gives y = 0.
        return (nonCanonical + negative).map { ($0, .nonCanonical) } + notOnCurve.map { ($0, .notOnCurve) }
    }()

    /// A random element (through libsodium).
    func randomElement() -> Ristretto255.Element { group.generatorPower(secret: group.scalars.randomNonzero()) }

    /// The native point of an element.
    func point(_ element: Ristretto255.Element) throws -> Edwards25519Point {
        try Ristretto255.point(decoding: group.encode(element))
    }

    /// The element of a native point.
    func element(_ point: Edwards25519Point) throws -> Ristretto255.Element {
        try group.decode(Ristretto255.encoding(of: point))
    }

    @Test("RFC 9496 A.1: the generator's multiples decode, encode back, and are sums of the generator")
    func generatorMultiples() throws {
        let generator = try Ristretto255.point(decoding: Self.generatorMultiples[1])
        #expect(group.encode(group.generator) == Self.generatorMultiples[1])
        var sum = Edwards25519Point.identity
        for (index, bytes) in Self.generatorMultiples.enumerated() {
            let point = try Ristretto255.point(decoding: bytes)
            #expect(Ristretto255.encoding(of: point) == bytes, "B·\(index)")
            #expect(Ristretto255.encoding(of: sum) == bytes, "B·\(index) as a sum")
            var doubled = point
            doubled.double()
            if 2 * index < Self.generatorMultiples.count {
                #expect(Ristretto255.encoding(of: doubled) == Self.generatorMultiples[2 * index], "2·B·\(index)")
            }
            sum.add(generator)
        }
        // Decoded points are affine and on the curve −x² + y² = 1 + d·x²y².
        for bytes in Self.generatorMultiples {
            let point = try Ristretto255.point(decoding: bytes)
            let (xx, yy) = (point.x.squared, point.y.squared)
            #expect(point.z == .one)
            #expect(point.t == point.x * point.y)
            #expect(yy - xx == .one + Curve25519FieldElement.d * xx * yy)
        }
    }

    @Test("RFC 9496 A.2: every invalid encoding is refused, with the check that fails, as libsodium refuses it")
    func invalidEncodings() {
        for (bytes, code) in Self.invalidEncodings {
            #expect(bytes.count == 32)
            #expect(crypto_core_ristretto255_is_valid_point(bytes) == 0, "\(Hex.encode(bytes))")
            #expect("\(Hex.encode(bytes))") { _ = try Ristretto255.point(decoding: bytes) } throws: { error in
                (error as? GroupError)?.code == code
            }
        }
        #expect(throws: GroupError(.wrongLength, "a ristretto255 element has 32 bytes, not 33")) {
            _ = try Ristretto255.point(decoding: [UInt8](repeating: 0, count: 33))
        }
    }

    @Test("random encodings: decoded exactly when libsodium accepts them, and valid ones encode back")
    func randomEncodings() throws {
        var accepted = 0
        for _ in 0..<400 {
            var bytes = SecureRandom.bytes(count: 32)
            bytes[0] &= 0xfe
            bytes[31] &= 0x7f
            let valid = crypto_core_ristretto255_is_valid_point(bytes) == 1
            let point = try? Ristretto255.point(decoding: bytes)
            #expect((point != nil) == valid, "\(Hex.encode(bytes))")
            if let point {
                accepted += 1
                #expect(Ristretto255.encoding(of: point) == bytes)
            }
        }
        // About one canonical non-negative string in four is a valid encoding.
        #expect(accepted > 40)
        for _ in 0..<50 {
            let element = randomElement()
            #expect(Ristretto255.encoding(of: try point(element)) == group.encode(element))
        }
    }

    @Test("addition, mixed addition, doubling and negation agree with libsodium, including P + P, P − P and 0")
    func pointOperations() throws {
        for _ in 0..<20 {
            let (a, b) = (randomElement(), randomElement())
            let (pa, pb) = (try point(a), try point(b))
            let ab = group.multiply(a, b)
            var sum = pa
            sum.add(pb)
            #expect(try element(sum) == ab)
            // A sum has Z ≠ 1: the full addition of two such points.
            var full = sum
            full.add(sum)
            #expect(try element(full) == group.multiply(ab, ab))
            var mixed = sum
            mixed.add(Edwards25519NielsPoint(affine: pb))
            #expect(try element(mixed) == group.multiply(ab, b))
            var doubled = sum
            doubled.double()
            #expect(try element(doubled) == group.multiply(ab, ab))
            #expect(try element(sum.negated) == group.inverse(ab))
            var cancelled = sum
            cancelled.add(sum.negated)
            #expect(try element(cancelled) == group.identity)
            var cancelledMixed = pa
            cancelledMixed.add(Edwards25519NielsPoint(affine: pa).negated)
            #expect(try element(cancelledMixed) == group.identity)
            var fromIdentity = Edwards25519Point.identity
            fromIdentity.add(sum)
            #expect(try element(fromIdentity) == ab)
            var plusIdentity = sum
            plusIdentity.add(Edwards25519Point.identity)
            #expect(try element(plusIdentity) == ab)
            #expect(try element(Edwards25519Point(Edwards25519NielsPoint(affine: pa))) == a)
        }
        var identityDoubled = Edwards25519Point.identity
        identityDoubled.double()
        #expect(try element(identityDoubled) == group.identity)
        #expect(Ristretto255.encoding(of: .identity) == group.encode(group.identity))
    }

    /// `∏ bases[i]^exponents[i]` by separate libsodium scalar multiplications and additions.
    func separately(_ bases: [Ristretto255.Element], _ exponents: [Scalar]) -> Ristretto255.Element {
        zip(bases, exponents).reduce(group.identity) { group.multiply($0, group.power($1.0, secret: $1.1)) }
    }

    /// Terms with the edge cases: repeated bases, a base and its inverse with one exponent, the identity, zero,
    /// one and the largest exponent.
    func terms(_ count: Int) -> ([Ristretto255.Element], [Scalar]) {
        let field = group.scalars
        let distinct = (0..<max(1, min(count, 300))).map { _ in randomElement() }
        var bases = (0..<count).map { distinct[$0 % distinct.count] }
        var exponents = (0..<count).map { _ in field.random() }
        let special = [field.zero, field.one, field.negate(field.one), field.scalar(3)]
        for (index, exponent) in special.enumerated() where index < count { exponents[index] = exponent }
        if count >= 7 {
            bases[4] = group.identity
            bases[5] = group.inverse(bases[6])
            exponents[5] = exponents[6]
        }
        return (bases, exponents)
    }

    @Test("multiPower of 0, 1, 2, 3, 17, 128 and 1,000 terms equals separate libsodium scalar multiplications",
          arguments: [0, 1, 2, 3, 17, 128, 1_000])
    func multiPower(count: Int) {
        let (bases, exponents) = terms(count)
        #expect(group.multiPower(bases, exponents) == separately(bases, exponents))
    }

    /// Every plan of ``MultiExponentiation``.
    static let plans: [MultiExponentiation.Plan] = [.straus(width: 1), .straus(width: 4)]
        + [2, 5, 8].flatMap { [.pippenger(width: $0, signed: false), .pippenger(width: $0, signed: true)] }

    @Test("every plan gives the product of separate powers, with edge cases", arguments: plans)
    func everyPlan(plan: MultiExponentiation.Plan) {
        let (bases, exponents) = terms(24)
        #expect(group.multiPower(bases, exponents, plan: plan) == separately(bases, exponents))
        #expect(group.multiPower([], [], plan: plan) == group.identity)
        #expect(group.multiPower([group.identity], [group.scalars.random()], plan: plan) == group.identity)
    }

    @Test("multiPower with cancelling terms, zero exponents only, and 1,000 copies of one term")
    func specialProducts() {
        let field = group.scalars
        let (a, b) = (randomElement(), randomElement())
        let x = field.random()
        #expect(group.multiPower([a, group.inverse(a)], [x, x]) == group.identity)
        #expect(group.multiPower([a, b], [field.zero, field.zero]) == group.identity)
        #expect(group.multiPower([a, a], [x, field.one]) == group.power(a, secret: field.add(x, field.one)))
        #expect(group.multiPower([Ristretto255.Element](repeating: a, count: 1_000), [Scalar](repeating: x, count: 1_000))
                == group.power(a, secret: field.multiply(x, field.scalar(1_000))))
    }
}
