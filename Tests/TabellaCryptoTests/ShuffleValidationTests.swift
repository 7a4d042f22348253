@testable import TabellaCrypto
import TabellaGroups
import Testing

/// The checks before mixing and verifying, each named by its error code, and the encodings' round trips and
/// rejections.
@Suite("Verifiable shuffle: validation and encodings")
struct ShuffleValidationTests {
    let group = P256()

    /// A mixer for 5 rows of 2 with its input, output and proof.
    func proven() throws -> (VerifiableShuffle<ElGamalRowSpace<P256>>, [ElGamalRow<P256>], [ElGamalRow<P256>],
                             ShuffleArgument<P256>) {
        let (space, input) = try ShuffleProverTests.rows(group, count: 5, width: 2)
        let (mixer, output, proof) = try ShuffleProverTests.proven(space, input)
        return (mixer, input, output, proof)
    }

    /// Expects `body` to throw a `ShuffleError` with `code`.
    func expectCode(_ code: ShuffleError.Code, _ comment: Comment, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("\(comment): accepted")
        } catch let error as ShuffleError {
            #expect(error.code == code, "\(comment): \(error)")
        } catch {
            Issue.record("\(comment): \(error)")
        }
    }

    @Test("identity components, duplicate, dropped and added rows, wrong widths are rejected with the check named")
    func rejections() throws {
        let (mixer, input, output, proof) = try proven()
        let identity = group.identity
        let degenerate = ElGamalRow([ElGamalCiphertext(alpha: identity, beta: output[0].ciphertexts[0].beta),
                                     output[0].ciphertexts[1]])
        let betaOne = ElGamalRow([output[0].ciphertexts[0],
                                  ElGamalCiphertext(alpha: output[0].ciphertexts[1].alpha, beta: identity)])
        expectCode(.identityComponent, "α = 1") {
            try mixer.verify(input: input, output: [degenerate] + output.dropFirst(), proof: proof)
        }
        expectCode(.identityComponent, "β = 1") {
            try mixer.verify(input: input, output: [betaOne] + output.dropFirst(), proof: proof)
        }
        expectCode(.duplicateRow, "duplicated output row") {
            try mixer.verify(input: input, output: [output[1]] + output.dropFirst(), proof: proof)
        }
        expectCode(.duplicateRow, "duplicated input row") { _ = try mixer.shuffle([input[1]] + input.dropFirst()) }
        expectCode(.countMismatch, "dropped output row") {
            try mixer.verify(input: input, output: Array(output.dropLast()), proof: proof)
        }
        expectCode(.countMismatch, "added output row") {
            try mixer.verify(input: input, output: output + [input[0]], proof: proof)
        }
        expectCode(.widthMismatch, "a row of one ciphertext") {
            try mixer.verify(input: input, output: [ElGamalRow([output[0].ciphertexts[0]])] + output.dropFirst(),
                             proof: proof)
        }
        expectCode(.identityComponent, "an identity input row") {
            _ = try mixer.shuffle([ElGamalRow(Array(repeating: .identity(in: group), count: 2))] + input.dropFirst())
        }
        var shortened = proof
        shortened.multiExponentiation.a.removeLast()
        expectCode(.sizeMismatch, "a shorter response a") {
            try mixer.verify(input: input, output: output, proof: shortened)
        }
        expectCode(.countMismatch, "no rows") { _ = try ShuffleShape.tabella(count: 0, rows: 1) }
        expectCode(.invalidCommitmentKey, "a key shorter than n") {
            _ = try VerifiableShuffle(space: mixer.space, shape: .tabella(count: 100, rows: 4),
                                      commitmentKey: mixer.commitmentKey)
        }
    }

    @Test("the shapes: Tabella's with padding below m, and GetMatrixDimensions' examples")
    func shapes() throws {
        for count in [1, 2, 3, 7, 100, 101] {
            let shape = try ShuffleShape.tabella(count: count, rows: 4)
            #expect(shape.columns >= 2 && shape.rows >= 1 && shape.padding >= 0)
            #expect(shape.padding < max(shape.rows, 2), "N = \(count): padding \(shape.padding)")
        }
        let examples = [(12, 3, 4), (18, 3, 6), (23, 1, 23), (64, 8, 8)]
        for (count, m, n) in examples {
            let shape = try ShuffleShape.swissPost(count: count)
            #expect(shape.rows == m && shape.columns == n, "N = \(count)")
        }
    }

    @Test("a proof and a row list round-trip through their encodings")
    func roundTrips() throws {
        let (mixer, input, output, proof) = try proven()
        let shape = mixer.shape
        let bytes = proof.encoded(in: group)
        let decoded = try ShuffleArgument.decode(
            bytes, rows: shape.rows, columns: shape.columns, components: 4, randomness: 2, in: group)
        #expect(decoded == proof)
        #expect(try mixer.space.decode(mixer.space.encode(output)) == output)
        try mixer.verify(input: try mixer.space.decode(mixer.space.encode(input)), output: output, proof: decoded)
    }

    @Test("encodings with a wrong version, header, length or element are rejected with the field named")
    func encodingRejections() throws {
        let (mixer, _, output, proof) = try proven()
        let (m, n) = (mixer.shape.rows, mixer.shape.columns)
        let bytes = proof.encoded(in: group)
        func decode(_ bytes: [UInt8], rows: Int? = nil) throws {
            _ = try ShuffleArgument.decode(bytes, rows: rows ?? m, columns: n, components: 4, randomness: 2,
                                           in: group)
        }
        expectCode(.malformedEncoding, "version 2") { try decode([2] + bytes.dropFirst()) }
        expectCode(.sizeMismatch, "another m") { try decode(bytes, rows: m + 1) }
        expectCode(.malformedEncoding, "truncated") { try decode(Array(bytes.dropLast())) }
        expectCode(.malformedEncoding, "trailing byte") { try decode(bytes + [0]) }
        var badElement = bytes
        badElement[13 + 1] ^= 0xFF  // inside the first element's x coordinate
        expectCode(.invalidElement, "an element off the curve") { try decode(badElement) }
        var badScalar = bytes
        for index in (bytes.count - 32)..<bytes.count { badScalar[index] = 0xFF }
        expectCode(.invalidElement, "a scalar not below q") { try decode(badScalar) }
        let rows = mixer.space.encode(output)
        expectCode(.malformedEncoding, "a row list cut short") { _ = try mixer.space.decode(Array(rows.dropLast())) }
        var badRow = rows
        badRow[4 + 65 + 1] ^= 0xFF
        do {
            _ = try mixer.space.decode(badRow)
            Issue.record("a row list with an element off the curve is accepted")
        } catch {
            #expect(error.code == .invalidElement)
            #expect(error.message.contains("row 0 component β0"), "\(error)")
        }
    }
}
