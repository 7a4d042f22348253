/// A non-negative rational number, as quorums and thresholds are written ("2/3", "1/2"), compared exactly.
public struct Fraction: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The numerator.
    public let numerator: UInt64
    /// The denominator, never zero.
    public let denominator: UInt64

    /// `numerator / denominator`.
    ///
    /// - Throws: ``ElectionError`` `.outOfRange` for a zero denominator.
    public init(_ numerator: UInt64, _ denominator: UInt64) throws(ElectionError) {
        guard denominator > 0 else { throw ElectionError(.outOfRange, "a fraction's denominator must not be zero") }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Zero.
    public static let zero = try! Fraction(0, 1)

    /// Whether `part / whole` is at least this fraction (false when `whole` is zero and the fraction is not zero).
    public func isReached(by part: UInt64, of whole: UInt64) -> Bool {
        // part / whole ≥ n / d  ⇔  part · d ≥ n · whole, computed in 128 bits.
        compare(part, whole) >= 0
    }

    /// Whether `part / whole` is strictly more than this fraction.
    public func isExceeded(by part: UInt64, of whole: UInt64) -> Bool {
        whole > 0 && compare(part, whole) > 0
    }

    /// `floor(value · self)`, saturating at `UInt64.max`.
    public func floor(of value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: numerator)
        guard product.high < denominator else { return .max }
        return denominator.dividingFullWidth(product).quotient
    }

    private func compare(_ part: UInt64, _ whole: UInt64) -> Int {
        let left = part.multipliedFullWidth(by: denominator)
        let right = numerator.multipliedFullWidth(by: whole)
        if left.high != right.high { return left.high < right.high ? -1 : 1 }
        if left.low != right.low { return left.low < right.low ? -1 : 1 }
        return 0
    }

    /// `numerator/denominator`.
    public var description: String { "\(numerator)/\(denominator)" }

    private enum CodingKeys: String, CodingKey { case numerator, denominator }

    /// Reads `{"numerator": n, "denominator": d}`, rejecting a zero denominator.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(try container.decode(UInt64.self, forKey: .numerator),
                      try container.decode(UInt64.self, forKey: .denominator))
    }
}
