import TabellaGroups
import Testing
import TabellaTestSupport

@Suite("Swiss Post recursive hash")
struct RecursiveHashTests {
    struct HashCase: Decodable {
        struct Context: Decodable { let hashFunction: String }
        struct Input: Decodable { let values: [SwissPostVectors.Value] }
        struct Output: Decodable { let hash: String }
        let description: String
        let context: Context
        let input: Input
        let output: Output
    }

    struct ToZqCase: Decodable {
        struct Input: Decodable {
            let q: String
            let values: [SwissPostVectors.Value]
        }
        struct Output: Decodable { let result: String }
        let description: String
        let input: Input
        let output: Output
    }

    @Test("recursive-hash-sha3-256.json: every case")
    func sha3Vectors() throws {
        let cases = try SwissPostVectors.cases("recursive-hash-sha3-256.json", as: [HashCase].self)
        #expect(cases.count == 7)
        for vector in cases {
            #expect(vector.context.hashFunction == "SHA3-256")
            let digest = try RecursiveHash.hash(vector.input.values.map(\.value))
            #expect(digest == (try SwissPostVectors.bytes(vector.output.hash)), "\(vector.description)")
        }
    }

    @Test("recursive-hash-to-zq.json: every case")
    func toZqVectors() throws {
        let cases = try SwissPostVectors.cases("recursive-hash-to-zq.json", as: [ToZqCase].self)
        #expect(cases.count == 10)
        for vector in cases {
            let q = try SwissPostVectors.integer(vector.input.q)
            let result = try RecursiveHash.hashToZq(vector.input.values.map(\.value), upperBound: q)
            let expected = try SwissPostVectors.integer(vector.output.result, byteCount: q.count)
            #expect(result == expected, "\(vector.description)")
        }
    }

    @Test("hashing to a scalar agrees with hashing to [0, q)")
    func scalarAgreesWithInteger() throws {
        let vector = try #require(try SwissPostVectors.cases("recursive-hash-to-zq.json", as: [ToZqCase].self).first)
        let q = try SwissPostVectors.integer(vector.input.q)
        let field = try ScalarField(modulus: q)
        let values = vector.input.values.map(\.value)
        let scalar = try RecursiveHash.hashToScalar(values, in: field)
        #expect(field.encode(scalar) == (try RecursiveHash.hashToZq(values, upperBound: q)))
    }

    @Test("types and structure are separated: \"A\", <0x41>, 65, (\"A\", \"B\"), \"AB\" and (\"A\") all differ")
    func domainSeparation() throws {
        let digests = try [
            [HashableValue.string("A")], [.bytes([0x41])], [.integer(65)],
            [.string("A"), .string("B")], [.string("AB")], [.list([.string("A")])],
        ].map { try RecursiveHash.hash($0) }
        #expect(Set(digests).count == digests.count)
        // Several values are the list of them.
        #expect(
            try RecursiveHash.hash([.string("A"), .string("B")])
                == RecursiveHash.hash([.list([.string("A"), .string("B")])]))
    }

    @Test("an integer hashes alike however it is padded, and elements and scalars hash as their integers")
    func integerForms() throws {
        #expect(
            try RecursiveHash.hash([.integer(bigEndian: [0, 0, 0x01, 0x00])])
                == RecursiveHash.hash([.integer(256)]))
        #expect(try RecursiveHash.hash([.integer(bigEndian: [])]) == RecursiveHash.hash([.integer(0)]))
        let group = TestGroups.safePrime
        let element = group.generatorPower(public: group.scalars.scalar(12_345))
        #expect(
            try RecursiveHash.hash([.element(element)])
                == RecursiveHash.hash([.integer(bigEndian: group.encode(element))]))
        #expect(try RecursiveHash.hash([.scalar(group.scalars.scalar(4))]) == RecursiveHash.hash([.integer(4)]))
        #expect(try RecursiveHash.hash([.element(group.generator)]) == RecursiveHash.hash([.integer(4)]))
    }

    @Test("no values, an empty list and a bound below 512 bits are rejected with their reason")
    func rejections() throws {
        let none = #expect(throws: HashingError.self) { try RecursiveHash.hash([]) }
        #expect(none?.code == .noValues)
        let empty = #expect(throws: HashingError.self) {
            try RecursiveHash.hash([.string("a"), .list([.bytes([1]), .list([])])])
        }
        #expect(empty?.code == .emptyList)
        #expect(empty?.message.contains("values[1][1]") == true)
        let short = #expect(throws: HashingError.self) { try RecursiveHash.hash([.string("a")], bitLength: 511) }
        #expect(short?.code == .tooShort)
        let cut = try RecursiveHash.hash([.string("a")], bitLength: 513)
        #expect(cut.count == 65 && cut[0] <= 1)
        let smallField = try ScalarField(modulus: [UInt8](repeating: 0xff, count: 32))
        let small = #expect(throws: HashingError.self) { try RecursiveHash.hashToScalar([.integer(1)], in: smallField) }
        #expect(small?.code == .tooShort)
    }
}
