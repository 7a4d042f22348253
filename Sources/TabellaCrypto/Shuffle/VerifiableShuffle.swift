import TabellaGroups

/// The secret of one shuffle: `output[i]` re-encrypts `input[permutation[i]]` with `randomness[i]`. Whoever holds
/// it can link the lists; the mixer proves with it and then discards it.
public struct ShuffleWitness: Sendable {
    /// π, a permutation of `0..<N`.
    public let permutation: [Int]
    /// ρ, one vector of the space's randomness count per output row.
    public let randomness: [[Scalar]]

    /// A witness from its values.
    public init(permutation: [Int], randomness: [[Scalar]]) {
        self.permutation = permutation
        self.randomness = randomness
    }
}

/// A verifiable re-encryption shuffle (Swiss Post specification 1.2.0, §8: GenVerifiableShuffle and
/// VerifyShuffle) over a ciphertext space, with the Bayer–Groth argument.
///
/// The commitment key is derived from the caller's public context (``ShuffleCommitmentKey/derive(in:context:size:)``)
/// by the prover and by the verifier alike, never taken from a proof.
///
/// ```swift
/// let mixer = try VerifiableShuffle(space: space, context: electionHash, count: input.count)
/// let (output, witness) = try mixer.shuffle(input)
/// let proof = try mixer.prove(input: input, output: output, witness: witness)
/// try mixer.verify(input: input, output: output, proof: proof)   // throws ShuffleError naming the failed check
/// ```
public struct VerifiableShuffle<Space: ShuffleCiphertextSpace>: Sendable {
    /// The ciphertext space, with its group and public key.
    public let space: Space
    /// The matrix shape.
    public let shape: ShuffleShape
    /// The commitment key of n generators.
    public let commitmentKey: ShuffleCommitmentKey<Space.Group>
    private let context: ArgumentContext<Space>

    /// The shuffle of `count` rows in `space`, with Tabella's shape (``ShuffleShape/tabella(count:rows:)``) of
    /// `rows` rows (the group's ``ShuffleShape/defaultRows(in:)`` when `nil`) and a commitment key derived from
    /// `context`.
    ///
    /// - Throws: the errors of the shape and of the key's derivation.
    public init(space: Space, context: [UInt8], count: Int, rows: Int? = nil) throws(ShuffleError) {
        let shape = try ShuffleShape.tabella(count: count, rows: rows ?? ShuffleShape.defaultRows(in: space.group))
        try self.init(space: space, shape: shape,
                      commitmentKey: .derive(in: space.group, context: context, size: shape.columns))
    }

    /// The shuffle of `shape.count` rows with a given commitment key: Swiss Post's derivation (an empty context
    /// and ``ShuffleShape/swissPost(count:)``), or a test's.
    ///
    /// - Throws: `ShuffleError` `.invalidCommitmentKey` when the key has fewer than n generators.
    public init(space: Space, shape: ShuffleShape, commitmentKey: ShuffleCommitmentKey<Space.Group>)
        throws(ShuffleError)
    {
        guard commitmentKey.size >= shape.columns else {
            throw ShuffleError(.invalidCommitmentKey, "a commitment key of \(commitmentKey.size) generators is "
                + "shorter than n = \(shape.columns)")
        }
        self.space = space
        self.shape = shape
        self.commitmentKey = commitmentKey
        self.context = ArgumentContext(space: space, key: commitmentKey)
    }

    // MARK: Validation

    /// Checks a list before it is mixed or verified: N rows, each of the space's width, no component the identity,
    /// no two rows equal. `name` ("input", "output") goes into the messages.
    ///
    /// - Throws: `ShuffleError` `.countMismatch`, `.widthMismatch`, `.identityComponent` or `.duplicateRow`,
    ///   naming the row and component.
    public func validate(_ rows: [Space.Row], name: String) throws(ShuffleError) -> [[Space.Group.Element]] {
        guard rows.count == shape.count else {
            throw ShuffleError(.countMismatch, "the \(name) list has \(rows.count) rows, not \(shape.count)")
        }
        var components = [[Space.Group.Element]]()
        components.reserveCapacity(rows.count + shape.padding)
        for (index, row) in rows.enumerated() {
            let parts = space.components(of: row)
            guard parts.count == space.componentCount else {
                throw ShuffleError(.widthMismatch, "\(name) row \(index) has \(parts.count) components, "
                    + "not \(space.componentCount) (width \(space.width))")
            }
            components.append(parts)
        }
        try checkEncodings(of: components, name: name)
        components += Array(repeating: space.identityComponents, count: shape.padding)
        return components
    }

    /// Finds identity components and equal rows on the rows' encodings, formed in batches on both cores.
    private func checkEncodings(of rows: [[Space.Group.Element]], name: String) throws(ShuffleError) {
        let group = space.group
        let size = group.elementByteCount
        let width = size * space.componentCount
        let encodings = ParallelWork.mapRanges(count: rows.count) { range in
            group.encodeAll(rows[range].flatMap { $0 })
        }
        let identity = group.encode(group.identity)
        var seen = [ArraySlice<UInt8>: Int]()
        seen.reserveCapacity(rows.count)
        for index in 0..<rows.count {
            let row = encodings[(index * width)..<((index + 1) * width)]
            for position in 0..<space.componentCount {
                let start = row.startIndex + position * size
                guard !row[start..<(start + size)].elementsEqual(identity) else {
                    let component = space.componentName(position)
                    throw ShuffleError(.identityComponent,
                                       "\(name) row \(index): component \(component) is the identity")
                }
            }
            if let earlier = seen.updateValue(index, forKey: row) {
                throw ShuffleError(.duplicateRow, "\(name) rows \(earlier) and \(index) are equal")
            }
        }
    }

    // MARK: Shuffle, prove, verify

    /// GenShuffle (algorithm 8.3): a uniformly random permutation (Fisher–Yates on `SecureRandom`) and a
    /// re-encryption of each row with fresh randomness on the constant-time paths. Both cores share the work.
    ///
    /// - Throws: the validation errors of the input.
    public func shuffle(
        _ input: [Space.Row], progress: @escaping @Sendable (Double) -> Void = { _ in }
    ) throws(ShuffleError) -> (output: [Space.Row], witness: ShuffleWitness) {
        let rows = try validate(input, name: "input")
        let count = shape.count
        var permutation = Array(0..<count)
        for index in stride(from: count - 1, to: 0, by: -1) {
            permutation.swapAt(index, Self.uniform(below: index + 1))
        }
        let field = space.group.scalars
        let randomness = (0..<count).map { _ in field.random(count: space.randomnessCount) }
        let output = reencrypt(rows, permutation: permutation, randomness: randomness, progress: progress)
        return (output, ShuffleWitness(permutation: permutation, randomness: randomness))
    }

    /// GetShuffleArgument (algorithm 8.11) for `output`, the shuffle of `input` by `witness`.
    ///
    /// - Throws: the validation errors of both lists; `ShuffleError` `.invalidWitness` when the witness does not
    ///   give `output` from `input`.
    public func prove(
        input: [Space.Row], output: [Space.Row], witness: ShuffleWitness,
        progress: @escaping @Sendable (Double) -> Void = { _ in }
    ) throws(ShuffleError) -> ShuffleArgument<Space.Group> {
        let statement = try statement(input: input, output: output)
        let count = shape.count
        guard witness.permutation.count == count, Set(witness.permutation) == Set(0..<count),
              witness.randomness.count == count,
              witness.randomness.allSatisfy({ $0.count == space.randomnessCount })
        else {
            throw ShuffleError(.invalidWitness, "the witness is not a permutation of \(count) rows with randomness")
        }
        let zero = space.group.scalars.zero
        let padded = Array(count..<(count + shape.padding))
        let permutation = witness.permutation + padded
        let randomness = witness.randomness
            + Array(repeating: Array(repeating: zero, count: space.randomnessCount), count: shape.padding)
        progress(0)
        defer { progress(1) }
        return context.proveShuffle(statement, permutation: permutation, randomness: randomness, progress: progress)
    }

    /// VerifyShuffle (algorithm 8.2): validates both lists and the argument's sizes, then every equation.
    ///
    /// - Throws: the validation errors of both lists; `ShuffleError` `.sizeMismatch` for an argument of the wrong
    ///   shape; `.verificationFailed` naming the sub-argument and equation that does not hold.
    public func verify(
        input: [Space.Row], output: [Space.Row], proof: ShuffleArgument<Space.Group>,
        progress: @escaping @Sendable (Double) -> Void = { _ in }
    ) throws(ShuffleError) {
        let statement = try statement(input: input, output: output)
        progress(0)
        defer { progress(1) }
        try context.verifyShuffle(proof, statement, progress: progress)
    }

    /// `output[i] = Enc(1; randomness[i]) · rows[permutation[i]]`, in parallel.
    private func reencrypt(
        _ rows: [[Space.Group.Element]], permutation: [Int], randomness: [[Scalar]],
        progress: @escaping @Sendable (Double) -> Void
    ) -> [Space.Row] {
        let space = self.space
        return ParallelWork.map(count: permutation.count, progress: progress) { index in
            space.row(components: space.multiply(
                space.encryptGeneratorPower(secret: nil, randomness: randomness[index]), rows[permutation[index]]))
        }
    }

    /// A uniformly random integer in `0..<bound`, by rejection of the top partial range of 64-bit values.
    private static func uniform(below bound: Int) -> Int {
        let limit = UInt64.max - UInt64.max % UInt64(bound)
        while true {
            let value = SecureRandom.uint64()
            if value < limit { return Int(value % UInt64(bound)) }
        }
    }

    /// The padded statement of two validated lists.
    private func statement(input: [Space.Row], output: [Space.Row]) throws(ShuffleError)
        -> ShuffleStatement<Space.Group>
    {
        ShuffleStatement(input: try validate(input, name: "input"), output: try validate(output, name: "output"),
                         m: shape.rows, n: shape.columns)
    }
}
