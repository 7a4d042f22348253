import TabellaGroups

/// Discrete logarithms to a fixed base in a bounded range, by baby-step giant-step: a table of `m ≈ √(bound + 1)`
/// powers of the base, then at most `m` giant steps per logarithm.
///
/// A tally's counts lie between 0 and the roll's total weight, so the table is sized by the roll; it is built once
/// per election key and reused for every count. Variable-time: for public values only (tallies, spoiled ballots).
public struct DiscreteLogTable<Group: PrimeOrderGroup>: Sendable {
    private let group: Group
    private let babySteps: [Group.Element: UInt64]
    private let giantStep: Group.Element
    private let stride: UInt64
    /// The largest logarithm the table finds.
    public let bound: UInt64

    /// Builds the table for logarithms of `base` in `0...bound`.
    public init(group: Group, base: Group.Element, bound: UInt64) {
        let stride = UInt64((Double(bound) + 1).squareRoot().rounded(.up))
        var babySteps = [Group.Element: UInt64](minimumCapacity: Int(stride))
        var power = group.identity
        for exponent in 0..<stride {
            // A base of small order repeats itself; the first (smallest) exponent is the one to keep.
            if babySteps[power] == nil { babySteps[power] = exponent }
            power = group.multiply(power, base)
        }
        self.group = group
        self.babySteps = babySteps
        self.giantStep = group.inverse(power)
        self.stride = stride
        self.bound = bound
    }

    /// The smallest x in `0...bound` with `base^x = element`, or `nil` when there is none.
    public func logarithm(of element: Group.Element) -> UInt64? {
        var current = element
        var giant: UInt64 = 0
        while giant * stride <= bound {
            if let baby = babySteps[current] {
                let value = giant * stride + baby
                return value <= bound ? value : nil
            }
            current = group.multiply(current, giantStep)
            giant += 1
        }
        return nil
    }
}
