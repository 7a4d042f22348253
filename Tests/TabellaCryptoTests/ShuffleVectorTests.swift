@testable import TabellaCrypto
import TabellaGroups
import Testing

/// The Swiss Post mix-net vectors (crypto-primitives 1.2.0, `mixnet/*.json`): every case verifies, and every
/// single-field change of its statement or argument is rejected. The commitment key of a case is the case's `ck`.
@Suite("Swiss Post mix-net vectors")
struct ShuffleVectorTests {
    /// Checks that `verify` accepts the value and rejects each mutation, naming the case and field on failure.
    private func expectRejections<Group: PrimeOrderGroup, Root>(
        _ value: Root, _ mutations: Mutations<Group, Root>, case description: String,
        verify: (Root) throws -> Void
    ) {
        do {
            try verify(value)
        } catch {
            Issue.record("\(description): \(error)")
        }
        for (field, apply) in mutations.all {
            var changed = value
            apply(&changed)
            #expect(throws: ShuffleError.self, "\(description): changed \(field) is accepted") {
                try verify(changed)
            }
        }
    }

    struct BilinearCase: Decodable {
        struct Input: Decodable {
            let a: [String]
            let b: [String]
            let y: String
        }
        struct Output: Decodable { let value: String }
        let description: String
        let context: MixnetVectors.Context
        let input: Input
        let output: Output
    }

    @Test("bilinearMap.json: a ⋆ b for every case")
    func bilinearMap() throws {
        for vector in try MixnetVectors.cases("bilinearMap.json", as: BilinearCase.self) {
            let group = try vector.context.group()
            let field = group.scalars
            let a = try vector.input.a.map { try field.scalar(bigEndian: MixnetVectors.integer($0)) }
            let b = try vector.input.b.map { try field.scalar(bigEndian: MixnetVectors.integer($0)) }
            let y = try field.scalar(bigEndian: MixnetVectors.integer(vector.input.y))
            let expected = try field.scalar(bigEndian: MixnetVectors.integer(vector.output.value))
            #expect(BilinearMap(y: y, length: a.count, in: field)(a, b) == expected, "\(vector.description)")
        }
    }

    struct KeyCase: Decodable {
        struct Input: Decodable { let k: Int }
        struct Output: Decodable {
            let h: String
            let g: [String]
        }
        let description: String
        let context: MixnetVectors.Context
        let input: Input
        let output: Output
    }

    @Test("get-verifiable-commitment-key.json: GetVerifiableCommitmentKey for every case")
    func commitmentKey() throws {
        for vector in try MixnetVectors.cases("get-verifiable-commitment-key.json", as: KeyCase.self) {
            let group = try vector.context.group()
            let key = try ShuffleCommitmentKey.derive(in: group, context: [], size: vector.input.k)
            #expect(key.h == (try group.element(vector.output.h)), "\(vector.description)")
            #expect(key.generators == (try vector.output.g.map(group.element)), "\(vector.description)")
        }
    }

    struct SingleValueProductCase: Decodable {
        struct Statement: Decodable {
            let cA: String
            let b: String
        }
        struct Input: Decodable {
            let statement: Statement
            let argument: MixnetVectors.SingleValueProduct
        }
        let description: String
        let context: MixnetVectors.Context
        let input: Input
    }

    @Test("verify-single-value-product-argument.json: every case verifies, every changed field is rejected")
    func singleValueProduct() throws {
        for vector in try MixnetVectors.cases("verify-single-value-product-argument.json",
                                             as: SingleValueProductCase.self) {
            let setting = try MixnetVectors.Setting(vector.context)
            let context = setting.context
            let argument = try vector.input.argument.decoded(setting)
            let commitment = try setting.element(vector.input.statement.cA)
            let product = try setting.scalar(vector.input.statement.b)
            let n = argument.aTilde.count
            expectRejections(argument, .of(argument, in: setting.group), case: vector.description) {
                value in
                try context.verifySingleValueProduct(value, commitment: commitment, product: product, length: n)
            }
            var statement = Mutations<IntegerGroup, SingleValueProductStatement>(setting.group)
            statement.element("c_a", \.commitment)
            statement.scalar("b", \.product)
            expectRejections(SingleValueProductStatement(commitment: commitment, product: product), statement,
                             case: vector.description) { value in
                try context.verifySingleValueProduct(argument, commitment: value.commitment, product: value.product,
                                                     length: n)
            }
        }
    }

    struct ZeroCase: Decodable {
        struct Statement: Decodable {
            let cA: [String]
            let cB: [String]
            let y: String
        }
        struct Input: Decodable {
            let statement: Statement
            let argument: MixnetVectors.Zero
        }
        let description: String
        let context: MixnetVectors.Context
        let input: Input
    }

    @Test("verify-zero-argument.json: every case verifies, every changed field is rejected")
    func zero() throws {
        for vector in try MixnetVectors.cases("verify-zero-argument.json", as: ZeroCase.self) {
            let setting = try MixnetVectors.Setting(vector.context)
            let context = setting.context
            let argument = try vector.input.argument.decoded(setting)
            let statement = try ZeroStatement(
                cA: setting.elements(vector.input.statement.cA), cB: setting.elements(vector.input.statement.cB),
                y: setting.scalar(vector.input.statement.y))
            let n = argument.a.count
            expectRejections(argument, .of(argument, in: setting.group), case: vector.description) { value in
                try context.verifyZero(value, cA: statement.cA, cB: statement.cB, y: statement.y, length: n)
            }
            var mutations = Mutations<IntegerGroup, ZeroStatement>(setting.group)
            mutations.elements("c_A", \.cA, count: statement.cA.count)
            mutations.elements("c_B", \.cB, count: statement.cB.count)
            mutations.scalar("y", \.y)
            expectRejections(statement, mutations, case: vector.description) { value in
                try context.verifyZero(argument, cA: value.cA, cB: value.cB, y: value.y, length: n)
            }
        }
    }

    struct HadamardCase: Decodable {
        struct Statement: Decodable {
            let cA: [String]
            let cB: String
        }
        struct Input: Decodable {
            let statement: Statement
            let argument: MixnetVectors.Hadamard
        }
        let description: String
        let context: MixnetVectors.Context
        let input: Input
    }

    @Test("verify-hadamard-argument.json: every case verifies, every changed field is rejected")
    func hadamard() throws {
        for vector in try MixnetVectors.cases("verify-hadamard-argument.json", as: HadamardCase.self) {
            let setting = try MixnetVectors.Setting(vector.context)
            let context = setting.context
            let argument = try vector.input.argument.decoded(setting)
            let statement = try HadamardStatement(
                cA: setting.elements(vector.input.statement.cA), cb: setting.element(vector.input.statement.cB))
            let n = argument.zero.a.count
            expectRejections(argument, .of(argument, in: setting.group), case: vector.description) { value in
                try context.verifyHadamard(value, cA: statement.cA, cb: statement.cb, length: n)
            }
            var mutations = Mutations<IntegerGroup, HadamardStatement>(setting.group)
            mutations.elements("c_A", \.cA, count: statement.cA.count)
            mutations.element("c_b", \.cb)
            expectRejections(statement, mutations, case: vector.description) { value in
                try context.verifyHadamard(argument, cA: value.cA, cb: value.cb, length: n)
            }
        }
    }

    struct ProductCase: Decodable {
        struct Statement: Decodable {
            let cA: [String]
            let b: String
        }
        struct Input: Decodable {
            let statement: Statement
            let argument: MixnetVectors.Product
        }
        let description: String
        let context: MixnetVectors.Context
        let input: Input
    }

    @Test("verify-product-argument.json: every case verifies, every changed field is rejected")
    func product() throws {
        for vector in try MixnetVectors.cases("verify-product-argument.json", as: ProductCase.self) {
            let setting = try MixnetVectors.Setting(vector.context)
            let context = setting.context
            let argument = try vector.input.argument.decoded(setting)
            let statement = try ProductStatement(
                cA: setting.elements(vector.input.statement.cA), product: setting.scalar(vector.input.statement.b))
            let n = argument.singleValueProduct.aTilde.count
            expectRejections(argument, .of(argument, in: setting.group), case: vector.description) { value in
                try context.verifyProduct(value, cA: statement.cA, product: statement.product, length: n)
            }
            var mutations = Mutations<IntegerGroup, ProductStatement>(setting.group)
            mutations.elements("c_A", \.cA, count: statement.cA.count)
            mutations.scalar("b", \.product)
            expectRejections(statement, mutations, case: vector.description) { value in
                try context.verifyProduct(argument, cA: value.cA, product: value.product, length: n)
            }
        }
    }

    struct MultiExponentiationCase: Decodable {
        struct Statement: Decodable {
            let ciphertexts: [[MixnetVectors.Ciphertext]]
            let ciphertextProduct: MixnetVectors.Ciphertext
            let cA: [String]
        }
        struct Input: Decodable {
            let statement: Statement
            let argument: MixnetVectors.MultiExponentiation
        }
        let description: String
        let context: MixnetVectors.Context
        let input: Input
    }

    @Test("verify-multiexp-argument.json: every case verifies, every changed field is rejected")
    func multiExponentiation() throws {
        for vector in try MixnetVectors.cases("verify-multiexp-argument.json", as: MultiExponentiationCase.self) {
            let width = vector.input.statement.ciphertextProduct.phis.count
            let setting = try MixnetVectors.Setting(vector.context, width: width)
            let context = setting.context
            let argument = try vector.input.argument.decoded(setting)
            let statement = try MultiExponentiationStatement<IntegerGroup>(
                rows: vector.input.statement.ciphertexts.map { try $0.map(setting.ciphertext) },
                ciphertext: setting.ciphertext(vector.input.statement.ciphertextProduct),
                cA: setting.elements(vector.input.statement.cA))
            expectRejections(argument, .of(argument, in: setting.group), case: vector.description) { value in
                try context.verifyMultiExponentiation(value, statement)
            }
            var mutations = Mutations<IntegerGroup, MultiExponentiationStatement<IntegerGroup>>(setting.group)
            let group = setting.group
            for (i, j) in [(0, 0), (statement.rows.count - 1, statement.rows[0].count - 1)] {
                mutations.custom("C[\(i)][\(j)].γ") {
                    $0.rows[i][j][0] = group.multiply($0.rows[i][j][0], group.generator)
                }
                mutations.custom("C[\(i)][\(j)].φ_last") {
                    $0.rows[i][j][width] = group.multiply($0.rows[i][j][width], group.generator)
                }
            }
            mutations.elements("C", \.ciphertext, count: width + 1)
            mutations.elements("c_A", \.cA, count: statement.cA.count)
            expectRejections(statement, mutations, case: vector.description) { value in
                try context.verifyMultiExponentiation(argument, value)
            }
        }
    }

    struct ShuffleCase: Decodable {
        struct Statement: Decodable {
            let ciphertexts: [MixnetVectors.Ciphertext]
            let shuffledCiphertexts: [MixnetVectors.Ciphertext]
        }
        struct Input: Decodable {
            let statement: Statement
            let argument: MixnetVectors.Shuffle
        }
        let description: String
        let context: MixnetVectors.Context
        let input: Input
    }

    @Test("verify-shuffle-argument.json: every case verifies, every changed field is rejected")
    func shuffle() throws {
        for vector in try MixnetVectors.cases("verify-shuffle-argument.json", as: ShuffleCase.self) {
            let width = vector.input.statement.ciphertexts[0].phis.count
            let setting = try MixnetVectors.Setting(vector.context, width: width)
            let context = setting.context
            let argument = try vector.input.argument.decoded(setting)
            let m = argument.cA.count
            let count = vector.input.statement.ciphertexts.count
            let statement = try ShuffleStatement<IntegerGroup>(
                input: vector.input.statement.ciphertexts.map(setting.ciphertext),
                output: vector.input.statement.shuffledCiphertexts.map(setting.ciphertext), m: m, n: count / m)
            expectRejections(argument, .of(argument, in: setting.group), case: vector.description) { value in
                try context.verifyShuffle(value, statement)
            }
            var mutations = Mutations<IntegerGroup, ShuffleStatement<IntegerGroup>>(setting.group)
            mutations.ciphertexts("C", \.input, count: count, width: width + 1)
            mutations.ciphertexts("C′", \.output, count: count, width: width + 1)
            mutations.custom("C′ with rows 0 and 1 swapped") { $0.output.swapAt(0, 1) }
            expectRejections(statement, mutations, case: vector.description) { value in
                try context.verifyShuffle(argument, value)
            }
        }
    }
}

/// A single value product statement `(c_a, b)`.
struct SingleValueProductStatement {
    var commitment: IntegerGroup.Element
    var product: Scalar
}

/// A zero argument statement `(c_A, c_B, y)`.
struct ZeroStatement {
    var cA: [IntegerGroup.Element]
    var cB: [IntegerGroup.Element]
    var y: Scalar
}

/// A Hadamard argument statement `(c_A, c_b)`.
struct HadamardStatement {
    var cA: [IntegerGroup.Element]
    var cb: IntegerGroup.Element
}

/// A product argument statement `(c_A, b)`.
struct ProductStatement {
    var cA: [IntegerGroup.Element]
    var product: Scalar
}
