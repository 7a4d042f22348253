import TabellaGroups

/// A list of public bases prepared for constant-time multi-exponentiations with secret exponents: split into
/// contiguous chunks, each with its group table (``PrimeOrderGroup/secretMultiPowerTable(_:)``), built and used in
/// parallel (``ParallelWork``). One value serves every product over the bases, such as every commitment under a
/// commitment key or every diagonal product of a row of ciphertexts.
struct SecretPowerTables<Group: PrimeOrderGroup>: Sendable {
    /// The group.
    let group: Group
    /// The bases of each chunk.
    private let ranges: [Range<Int>]
    /// The table of each chunk.
    private let tables: [Group.SecretMultiPowerTable]

    /// The tables of `bases`.
    init(_ bases: [Group.Element], in group: Group) {
        let chunks = max(1, min(bases.count, ParallelWork.chunkCount))
        let chunkRanges = (0..<chunks).map { ($0 * bases.count / chunks)..<(($0 + 1) * bases.count / chunks) }
        self.group = group
        ranges = chunkRanges
        tables = ParallelWork.map(count: chunks) { group.secretMultiPowerTable(Array(bases[chunkRanges[$0]])) }
    }

    /// `∏ bases[i]^exponents[i]` over the first `exponents.count` bases, in constant time, the chunks in parallel.
    func product(secret exponents: [Scalar]) -> Group.Element {
        let (group, ranges, tables) = (self.group, self.ranges, self.tables)
        let used = ranges.indices.filter { ranges[$0].lowerBound < exponents.count }
        let partial = ParallelWork.map(count: used.count) { position in
            let chunk = used[position]
            let range = ranges[chunk].clamped(to: 0..<exponents.count)
            return group.multiPower(tables[chunk], secret: Array(exponents[range]))
        }
        return group.product(partial)
    }
}
