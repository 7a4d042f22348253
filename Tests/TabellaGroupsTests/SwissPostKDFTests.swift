import TabellaGroups
import Testing

@Suite("HKDF-Expand and the Swiss Post KDF")
struct SwissPostKDFTests {
    struct ExpandCase: Decodable {
        struct Context: Decodable { let hash: String }
        struct Input: Decodable {
            let prk: String
            let info: [String]
            let length: Int
        }
        struct Output: Decodable { let okm: String }
        let description: String
        let context: Context
        let input: Input
        let output: Output
    }

    struct ToZqCase: Decodable {
        struct Input: Decodable {
            let prk: String
            let info: [String]
            let q: String
        }
        struct Output: Decodable { let u: String }
        let description: String
        let context: ExpandCase.Context
        let input: Input
        let output: Output
    }

    /// The digest a vector names.
    static func digest(_ name: String) throws -> Digest {
        switch name {
        case "SHA-1": .sha1
        case "SHA-256": .sha256
        case "SHA3-256": .sha3_256
        default: throw SwissPostVectors.Malformed(description: "unknown hash \(name)")
        }
    }

    @Test("utils/hkdf-expand.json: every case (RFC 5869 cases 3, 6, 7 and SHA3-256 cases with context strings)")
    func expandVectors() throws {
        let cases = try SwissPostVectors.cases("utils/hkdf-expand.json", as: [ExpandCase].self)
        #expect(cases.count == 7)
        for vector in cases {
            let output = try SwissPostKDF.derive(
                Self.digest(vector.context.hash),
                pseudorandomKey: SwissPostVectors.bytes(vector.input.prk),
                info: vector.input.info, length: vector.input.length)
            #expect(output == (try SwissPostVectors.bytes(vector.output.okm)), "\(vector.description)")
        }
    }

    @Test("utils/hkdf-expand-to-zq.json: every case")
    func toZqVectors() throws {
        let cases = try SwissPostVectors.cases("utils/hkdf-expand-to-zq.json", as: [ToZqCase].self)
        #expect(cases.count == 4)
        for vector in cases {
            let q = try SwissPostVectors.integer(vector.input.q)
            let key = try SwissPostVectors.bytes(vector.input.prk)
            let digest = try Self.digest(vector.context.hash)
            let u = try SwissPostKDF.deriveToZq(digest, pseudorandomKey: key, info: vector.input.info, upperBound: q)
            #expect(u == (try SwissPostVectors.integer(vector.output.u, byteCount: q.count)), "\(vector.description)")
            let field = try ScalarField(modulus: q)
            let scalar = try SwissPostKDF.deriveScalar(digest, pseudorandomKey: key, info: vector.input.info, in: field)
            #expect(field.encode(scalar) == u, "\(vector.description) as a scalar")
        }
    }

    @Test("RFC 5869 test case 1: HKDF-Expand with raw info bytes")
    func rfcCaseOne() throws {
        let key = try #require(Hex.decode("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"))
        let output = try HKDF.expand(.sha256, pseudorandomKey: key, info: Array(0xf0...0xf9), length: 42)
        #expect(
            Hex.encode(output)
                == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
    }

    @Test("the KDF's info is each string's one-byte length followed by its UTF-8 bytes")
    func infoEncoding() throws {
        let key = [UInt8](repeating: 7, count: 32)
        let strings = ["ab", "Ä"]
        let raw: [UInt8] = [2, 0x61, 0x62, 2, 0xc3, 0x84]
        #expect(
            try SwissPostKDF.derive(pseudorandomKey: key, info: strings, length: 40)
                == HKDF.expand(pseudorandomKey: key, info: raw, length: 40))
        #expect(
            try SwissPostKDF.derive(pseudorandomKey: key, info: ["a", "b"], length: 32)
                != SwissPostKDF.derive(pseudorandomKey: key, info: ["ab"], length: 32))
    }

    @Test("KDFToZq results lie below the bound when half the candidates are rejected")
    func rejectionSampling() throws {
        // 2^255: a 256-bit candidate fails half the time.
        let bound: [UInt8] = [0x80] + [UInt8](repeating: 0, count: 31)
        var results = Set<[UInt8]>()
        for seed in UInt8(0)..<16 {
            let u = try SwissPostKDF.deriveToZq(
                pseudorandomKey: [UInt8](repeating: seed, count: 32), info: ["t"],
                upperBound: bound)
            #expect(u.count == 32 && u.lexicographicallyPrecedes(bound))
            results.insert(u)
        }
        #expect(results.count == 16)
    }

    @Test("short keys, bad lengths, long context strings and short bounds are rejected with their reason")
    func rejections() throws {
        let key = [UInt8](repeating: 1, count: 32)
        let shortKey = #expect(throws: HashingError.self) {
            try HKDF.expand(pseudorandomKey: Array(key.prefix(31)), info: [], length: 32)
        }
        #expect(shortKey?.code == .tooShort)
        let empty = #expect(throws: HashingError.self) { try HKDF.expand(pseudorandomKey: key, info: [], length: 0) }
        #expect(empty?.code == .tooShort)
        #expect(try HKDF.expand(pseudorandomKey: key, info: [], length: 255 * 32).count == 255 * 32)
        let long = #expect(throws: HashingError.self) {
            try HKDF.expand(pseudorandomKey: key, info: [], length: 255 * 32 + 1)
        }
        #expect(long?.code == .tooLong)
        let info = #expect(throws: HashingError.self) {
            try SwissPostKDF.derive(pseudorandomKey: key, info: ["ok", String(repeating: "x", count: 256)], length: 32)
        }
        #expect(info?.code == .infoTooLong)
        #expect(info?.message.contains("info[1]") == true)
        let bound = #expect(throws: HashingError.self) {
            try SwissPostKDF.deriveToZq(
                pseudorandomKey: key, info: [],
                upperBound: [0] + [UInt8](repeating: 0xff, count: 31))
        }
        #expect(bound?.code == .tooShort)
    }
}
