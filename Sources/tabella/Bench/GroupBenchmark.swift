import TabellaGroups

/// One line of a group benchmark: Tabella's figure for an operation, and what it is compared with.
struct BenchRow: Encodable {
    /// The operation measured.
    let operation: String
    /// Tabella's time per operation, in microseconds.
    let microseconds: Double
    /// What the figure is compared with, if anything.
    let comparedWith: String?
    /// The reference's time per operation, in microseconds.
    let referenceMicroseconds: Double?
    /// How the ratio reads, e.g. "ours/reference" or "reference/ours".
    let ratioMeaning: String?
    /// The ratio.
    let ratio: Double?
}

/// The measurements of one group.
struct GroupBenchResult: Encodable {
    /// The group's name.
    let group: String
    /// Its rows, in a fixed order.
    let rows: [BenchRow]
}

/// Measures the operations of one ``PrimeOrderGroup`` with random inputs.
struct GroupBenchmark<G: PrimeOrderGroup> {
    let group: G
    /// Multi-exponentiation terms.
    let terms: Int
    /// Scale for iteration counts, so that slow groups and quick runs stay short.
    let iterations: Int

    /// Tabella's operations, named `secret`, `public`, `fixedPublic`, `fixedSecret`, `generatorSecret`,
    /// `generatorPublic`, `multiPower` (the whole product of ``terms`` powers), `secretMultiPower` (the same
    /// product with the exponents secret, over a table of the bases built beforehand), `decode` and `hash`.
    func operations() -> [Stopwatch.Operation] {
        let field = group.scalars
        let bases = (0..<iterations).map { _ in group.generatorPower(public: field.random()) }
        let exponents = (0..<iterations).map { _ in field.random() }
        let table = group.fixedBase(bases[0])
        let manyBases = (0..<terms).map { index in bases[index % bases.count] }
        let manyExponents = (0..<terms).map { _ in field.random() }
        let secretTable = group.secretMultiPowerTable(manyBases)
        let encodings = bases.map(group.encode)
        let key = SecureRandom.bytes(count: 32)
        return [
            Stopwatch.Operation(name: "secret", iterations: iterations) { index in
                _ = group.power(bases[index], secret: exponents[index])
            },
            Stopwatch.Operation(name: "public", iterations: iterations) { index in
                _ = group.power(bases[index], public: exponents[index])
            },
            Stopwatch.Operation(name: "fixedPublic", iterations: iterations) { index in
                _ = group.power(table, public: exponents[index])
            },
            Stopwatch.Operation(name: "fixedSecret", iterations: iterations) { index in
                _ = group.power(table, secret: exponents[index])
            },
            Stopwatch.Operation(name: "generatorSecret", iterations: iterations) { index in
                _ = group.generatorPower(secret: exponents[index])
            },
            Stopwatch.Operation(name: "generatorPublic", iterations: iterations) { index in
                _ = group.generatorPower(public: exponents[index])
            },
            Stopwatch.Operation(name: "multiPower", iterations: 1) { _ in
                _ = group.multiPower(manyBases, manyExponents)
            },
            Stopwatch.Operation(name: "secretMultiPower", iterations: 1) { _ in
                _ = group.multiPower(secretTable, secret: manyExponents)
            },
            Stopwatch.Operation(name: "decode", iterations: iterations) { index in
                _ = try? group.decode(encodings[index])
            },
            Stopwatch.Operation(name: "hash", iterations: iterations * 20) { index in
                var input = ElectionGuardHashInput(domain: 0x20)
                input.append(element: bases[index % bases.count], of: group)
                _ = ElectionGuardHash.hash(key: key, input)
            },
        ]
    }
}
