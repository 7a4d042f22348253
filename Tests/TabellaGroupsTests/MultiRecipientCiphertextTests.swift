import TabellaGroups
import Testing
import TabellaTestSupport

@Suite("Swiss Post multi-recipient ElGamal")
struct MultiRecipientCiphertextTests {
    struct Ciphertext: Decodable {
        let gamma: String
        let phis: [String]

        func decoded(in group: IntegerGroup) throws -> MultiRecipientCiphertext<IntegerGroup> {
            try MultiRecipientCiphertext(
                gamma: group.element(vector: gamma),
                phis: phis.map { try group.element(vector: $0) })
        }
    }

    struct EncryptCase: Decodable {
        struct Input: Decodable {
            let boldM: [String]
            let r: String
            let boldPk: [String]
        }
        let description: String
        let context: SwissPostVectors.GroupContext
        let input: Input
        let output: Ciphertext
    }

    struct ProductCase: Decodable {
        struct Input: Decodable {
            let upperCA: Ciphertext
            let upperCB: Ciphertext
        }
        let description: String
        let context: SwissPostVectors.GroupContext
        let input: Input
        let output: Ciphertext
    }

    @Test("elgamal/get-ciphertext.json: every case (2 messages, 3 keys: the excess key is dropped)")
    func encryptVectors() throws {
        let cases = try SwissPostVectors.cases("elgamal/get-ciphertext.json", as: [EncryptCase].self)
        #expect(cases.count == 2)
        for vector in cases {
            let group = try vector.context.group(name: vector.description)
            let messages = try vector.input.boldM.map { try group.element(vector: $0) }
            let keys = try vector.input.boldPk.map { try group.element(vector: $0) }
            let r = try group.scalars.scalar(bigEndian: SwissPostVectors.integer(vector.input.r))
            let ciphertext = try MultiRecipientCiphertext.encrypt(messages, randomness: r, publicKeys: keys, in: group)
            #expect(ciphertext == (try vector.output.decoded(in: group)), "\(vector.description)")
        }
    }

    @Test("elgamal/get-ciphertext-product.json: every case")
    func productVectors() throws {
        let cases = try SwissPostVectors.cases("elgamal/get-ciphertext-product.json", as: [ProductCase].self)
        #expect(cases.count == 2)
        for vector in cases {
            let group = try vector.context.group(name: vector.description)
            let a = try vector.input.upperCA.decoded(in: group)
            let b = try vector.input.upperCB.decoded(in: group)
            #expect(try a.multiplied(by: b, in: group) == vector.output.decoded(in: group), "\(vector.description)")
        }
    }

    @Test("decrypting with the secret keys returns the messages; a product encrypts the product")
    func roundTrip() throws {
        let group = TestGroups.safePrime
        let secrets = (0..<3).map { _ in group.scalars.randomNonzero() }
        let keys = secrets.map { group.generatorPower(secret: $0) }
        let messages = (0..<3).map { _ in group.generatorPower(secret: group.scalars.random()) }
        let (r, s) = (group.scalars.random(), group.scalars.random())
        let first = try MultiRecipientCiphertext.encrypt(messages, randomness: r, publicKeys: keys, in: group)
        for index in 0..<3 {
            let mask = group.power(first.gamma, secret: secrets[index])
            #expect(group.divide(first.phis[index], mask) == messages[index])
        }
        let squares = messages.map { group.multiply($0, $0) }
        let second = try MultiRecipientCiphertext.encrypt(messages, randomness: s, publicKeys: keys, in: group)
        let sum = try MultiRecipientCiphertext.encrypt(
            squares, randomness: group.scalars.add(r, s), publicKeys: keys,
            in: group)
        #expect(try first.multiplied(by: second, in: group) == sum)
    }

    @Test("no messages, too few keys and ciphertexts of different widths are rejected with their reason")
    func rejections() throws {
        let group = TestGroups.safePrime
        let one = group.scalars.one
        let g = group.generator
        let none = #expect(throws: CiphertextError.self) {
            try MultiRecipientCiphertext.encrypt([], randomness: one, publicKeys: [g], in: group)
        }
        #expect(none?.code == .noMessages)
        let few = #expect(throws: CiphertextError.self) {
            try MultiRecipientCiphertext.encrypt([g, g], randomness: one, publicKeys: [g], in: group)
        }
        #expect(few?.code == .tooFewPublicKeys)
        let narrow = try MultiRecipientCiphertext.encrypt([g], randomness: one, publicKeys: [g, g], in: group)
        let wide = try MultiRecipientCiphertext.encrypt([g, g], randomness: one, publicKeys: [g, g], in: group)
        let mismatch = #expect(throws: CiphertextError.self) { try narrow.multiplied(by: wide, in: group) }
        #expect(mismatch?.code == .widthMismatch)
        #expect(narrow.width == 1 && narrow.gamma == g && narrow.phis == [group.multiply(g, g)])
    }
}
