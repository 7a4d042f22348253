import TabellaGroups

/// The Fiat–Shamir hashing of the shuffle argument: the recursive hash of the Swiss Post specification (§4.2)
/// over the statement and the prover's messages, turned into a challenge scalar.
///
/// Every challenge of every sub-argument hashes the context prefix `(p, q, pk, ck)` (for elliptic-curve groups
/// `(name, q, pk, ck)`) and then the sub-argument's whole statement and first messages, as the specification lists
/// them: the input and output ciphertext lists, all commitments, the product b. Nothing a verifier relies on is
/// left out of the hash (the weak Fiat–Shamir attack on Helios hashed only the commitments).
struct ShuffleHashing<Group: PrimeOrderGroup>: Sendable {
    /// The group.
    let group: Group
    /// `(p, q, pk, ck)`, the values every challenge starts with.
    let prefix: [HashableValue]

    /// The hashing of a statement under public key `publicKey` and commitment key `commitmentKey`.
    init(group: Group, publicKey: HashableValue, commitmentKey: ShuffleCommitmentKey<Group>) {
        self.group = group
        let order = HashableValue.integer(bigEndian: group.scalars.modulus)
        let modulus: HashableValue = if let integers = group as? IntegerGroup {
            .integer(bigEndian: integers.modulus)
        } else {
            .string(group.name)
        }
        let key = HashableValue.list(Self.values([commitmentKey.h] + commitmentKey.generators, in: group))
        prefix = [modulus, order, publicKey, key]
    }

    /// The hashable values of elements: an integer-group element as the integer it stands for (as the Swiss Post
    /// specification hashes a `GqElement`), any other element as its canonical encoding (a byte array).
    static func values(_ elements: [Group.Element], in group: Group) -> [HashableValue] {
        if let integers = elements as? [IntegerGroup.Element] { return integers.map(HashableValue.element) }
        let bytes = group.encodeAll(elements)
        let width = group.elementByteCount
        return (0..<elements.count).map { .bytes(Array(bytes[$0 * width..<($0 + 1) * width])) }
    }

    /// The hashable list of elements.
    func list(_ elements: [Group.Element]) -> HashableValue { .list(Self.values(elements, in: group)) }

    /// The hashable value of one element.
    func value(_ element: Group.Element) -> HashableValue { Self.values([element], in: group)[0] }

    /// The hashable list of ciphertexts, each the list of its components.
    func ciphertexts(_ rows: [[Group.Element]]) -> HashableValue { .list(ciphertextDigests(rows)) }

    /// Each ciphertext's list of components as a precomputed digest, the encodings and digests formed on both
    /// cores: a list of them hashes as the list of the ciphertexts does.
    func ciphertextDigests(_ rows: [[Group.Element]]) -> [HashableValue] {
        let group = self.group
        let length = bitLength
        return ParallelWork.mapRanges(count: rows.count) { range in
            let chunk = Array(rows[range])
            let width = chunk.first?.count ?? 0
            let flat = Self.values(chunk.flatMap { $0 }, in: group)
            return (0..<chunk.count).map { index in
                try! RecursiveHash.precompute(.list(Array(flat[index * width..<(index + 1) * width])),
                                              bitLength: length)
            }
        }
    }

    /// `value` as a precomputed digest for this hashing's challenges.
    func precomputed(_ value: HashableValue) -> HashableValue {
        try! RecursiveHash.precompute(value, bitLength: bitLength)
    }

    /// The length of the challenges' SHAKE-256 hash, or `nil` for SHA3-256 (see ``challenge(leading:_:)``).
    private var bitLength: Int? { group.scalars.bitCount > 256 ? nil : RecursiveHash.minimumBitLength }

    /// The challenge for `values` after the prefix, with `leading` values before the prefix (the specification
    /// puts `"1"` and `c_B` first in some challenges).
    ///
    /// In groups whose order q has more than 256 bits the challenge is the SHA3-256 recursive hash read as an
    /// integer (ByteArrayToInteger, below q), as the specification does. In smaller groups (P-256, ristretto255)
    /// a 256-bit integer may exceed q, so the challenge is the 512-bit SHAKE-256 recursive hash
    /// (RecursiveHashOfLength) reduced modulo q, with a bias below 2⁻²⁵⁰.
    func challenge(leading: [HashableValue] = [], _ values: [HashableValue]) -> Scalar {
        let all = leading + prefix + values
        let field = group.scalars
        guard let bitLength else { return try! field.scalar(bigEndian: RecursiveHash.hash(all)) }
        return field.reduce(bigEndian: try! RecursiveHash.hash(all, bitLength: bitLength))
    }
}
