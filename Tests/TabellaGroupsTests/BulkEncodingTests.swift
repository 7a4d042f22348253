import Testing
@testable import TabellaGroups

/// The bulk encoding of ballots' elements: P-256's uncompressed points, the canonical encoding elsewhere.
@Suite("Bulk encoding")
struct BulkEncodingTests {
    private func bulkRejection(_ bytes: [UInt8]) -> GroupError.Code? {
        guard case .failure(let error) = P256().decodeBulk([bytes])[0] else { return nil }
        return error.code
    }

    @Test("p256: uncompressed points round-trip, with the point at infinity, and agree with the compressed form")
    func p256RoundTrip() throws {
        let group = P256()
        let elements = (0..<5).map { _ in group.generatorPower(public: group.scalars.random()) }
            + [group.identity, group.generator]
        let bytes = group.encodeBulk(elements)
        #expect(bytes.count == 65 * elements.count)
        #expect(bytes[(65 * 5)..<(65 * 6)].allSatisfy { $0 == 0 })
        let encodings = (0..<elements.count).map { Array(bytes[(65 * $0)..<(65 * $0 + 65)]) }
        let decoded = try group.decodeBulk(encodings).map { try $0.get() }
        #expect(decoded == elements)
        // A decoded point's compressed encoding (from the kept coordinates) is the one OpenSSL gives.
        for (point, original) in zip(decoded, elements) {
            #expect(group.encode(point) == group.encode(original))
        }
        #expect(group.encodeAll(decoded) == group.encodeAll(elements))
        #expect(encodings[0][1..<33] == group.encode(elements[0])[1...])
    }

    @Test("p256: wrong length, compressed prefix, coordinates not below the prime, off the curve")
    func p256Rejections() {
        let group = P256()
        let valid = group.encodeBulk([group.generator])
        #expect(bulkRejection(Array(valid.dropLast())) == .wrongLength)
        #expect(bulkRejection(group.encode(group.generator)) == .wrongLength)
        var prefix = valid
        prefix[0] = 2
        #expect(bulkRejection(prefix) == .nonCanonical)
        let prime = [UInt8](repeating: 0xff, count: 4) + [0, 0, 0, 1] + [UInt8](repeating: 0, count: 12)
            + [UInt8](repeating: 0xff, count: 12)
        #expect(bulkRejection([4] + prime + valid[33...]) == .outOfRange)
        #expect(bulkRejection(Array(valid[..<33]) + prime) == .outOfRange)
        var offCurve = valid
        offCurve[64] ^= 1
        #expect(bulkRejection(offCurve) == .notOnCurve)
        #expect(bulkRejection(valid) == nil)
    }

    @Test("ristretto255 and the 4096-bit group: the bulk encoding is the canonical one")
    func canonicalElsewhere() throws {
        let ristretto = Ristretto255()
        let point = ristretto.generatorPower(public: ristretto.scalars.random())
        #expect(ristretto.bulkElementByteCount == ristretto.elementByteCount)
        #expect(ristretto.encodeBulk([point]) == ristretto.encode(point))
        #expect(try ristretto.decodeBulk([ristretto.encode(point)])[0].get() == point)
        let integer = IntegerGroup.electionGuard
        #expect(integer.bulkElementByteCount == integer.elementByteCount)
    }
}
