extension Contest {
    /// The most one option's encrypted value may be: 1 (selected), or for a ranked contest the number of ranks a
    /// voter may give (the option's rank; 0 leaves it unranked).
    public var optionLimit: Int { kind == .ranked ? maximumSelections : 1 }

    /// The range that the option values of a valid ballot add up to: for a ranked contest ranks 1 … r for r
    /// within the selection limits, so from `1 + … + min` to `1 + … + max`; for a write-in contest at most one
    /// listed option (the answer may be written instead).
    public var totalRange: ClosedRange<Int> {
        switch kind {
        case .ranked: triangle(minimumSelections)...triangle(maximumSelections)
        // The answer may be written instead of chosen; a missing answer is counted as blank after the mix.
        case .writeIn: 0...min(1, options.count)
        default: minimumSelections...maximumSelections
        }
    }

    /// Checks one voter's values for this contest: one per option; each 0 or 1 within the selection limits, or,
    /// for a ranked contest, the ranks 1 … r (each once, r within the limits) on r of the options and 0 on the
    /// others.
    ///
    /// - Throws: ``ElectionError`` `.outOfRange` naming the contest and what is wrong.
    public func validateChoices(_ values: [Int]) throws(ElectionError) {
        let name = "contest \"\(id)\""
        guard values.count == options.count else {
            throw ElectionError(.outOfRange, "\(name) needs one value per option (\(options.count)), not "
                + "\(values.count)")
        }
        guard values.allSatisfy({ (0...optionLimit).contains($0) }) else {
            throw ElectionError(.outOfRange, "\(name) takes values from 0 to \(optionLimit) per option")
        }
        let given = values.filter { $0 != 0 }
        let counts = kind == .writeIn ? totalRange : minimumSelections...maximumSelections
        guard counts.contains(given.count) else {
            throw ElectionError(.outOfRange, "\(name) takes \(counts.lowerBound) to \(counts.upperBound) "
                + "\(kind == .ranked ? "ranked options" : "selections"), not \(given.count)")
        }
        if kind == .ranked, given.sorted() != Array(stride(from: 1, through: given.count, by: 1)) {
            throw ElectionError(.outOfRange, "\(name) needs the ranks 1 to \(given.count), each once, not "
                + "\(given.sorted())")
        }
    }

    /// The option values of a ballot that chooses the options at `chosen` (indices), in that order: 1 for each
    /// chosen option, or in a ranked contest its rank (its position in `chosen`, from 1); 0 for the others.
    public func values(choosing chosen: [Int]) -> [Int] {
        options.indices.map { option in
            guard let position = chosen.firstIndex(of: option) else { return 0 }
            return kind == .ranked ? position + 1 : 1
        }
    }

    /// The ranking that ranked values give: option indices, best first.
    public static func ranking(fromRanks ranks: [Int]) -> [Int] {
        ranks.indices.filter { ranks[$0] != 0 }.sorted { ranks[$0] < ranks[$1] }
    }

    private func triangle(_ count: Int) -> Int { count * (count + 1) / 2 }
}
