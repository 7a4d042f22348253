import TabellaGroups

/// Lagrange interpolation at zero over participant ids: the weights that turn `t` shares of a degree-`t−1`
/// polynomial into its value at 0.
public enum LagrangeCoefficients {
    /// `λᵢ = ∏_(j≠i) j / (j − i)` for each id in `indices` (distinct, nonzero modulo q).
    public static func atZero(_ indices: [Int], scalars: ScalarField) -> [Scalar] {
        indices.map { i in
            let x = scalars.scalar(UInt64(i))
            var numerator = scalars.one
            var denominator = scalars.one
            for j in indices where j != i {
                let y = scalars.scalar(UInt64(j))
                numerator = scalars.multiply(numerator, y)
                denominator = scalars.multiply(denominator, scalars.subtract(y, x))
            }
            // Distinct ids below q make every denominator nonzero.
            return scalars.multiply(numerator, scalars.inverse(denominator)!)
        }
    }
}
