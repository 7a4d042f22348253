import TabellaGroups

/// Vector arithmetic modulo q for the shuffle argument.
extension ScalarField {
    /// `(1, x, x², …, x^{count−1})`.
    func powers(of x: Scalar, count: Int) -> [Scalar] {
        var result = [Scalar]()
        result.reserveCapacity(count)
        var power = one
        for _ in 0..<count {
            result.append(power)
            power = multiply(power, x)
        }
        return result
    }

    /// The component-wise sum `a + b`.
    func add(_ a: [Scalar], _ b: [Scalar]) -> [Scalar] { zip(a, b).map { add($0, $1) } }

    /// The component-wise product `a ∘ b`.
    func multiply(_ a: [Scalar], _ b: [Scalar]) -> [Scalar] { zip(a, b).map { multiply($0, $1) } }

    /// `x · a`.
    func scale(_ a: [Scalar], by x: Scalar) -> [Scalar] { a.map { multiply($0, x) } }

    /// `Σ a_i · b_i`.
    func dot(_ a: [Scalar], _ b: [Scalar]) -> Scalar { zip(a, b).reduce(zero) { add($0, multiply($1.0, $1.1)) } }

    /// `Σ weights_i · vectors_i`, the vectors of equal length.
    func combine(_ vectors: [[Scalar]], weights: [Scalar]) -> [Scalar] {
        var result = [Scalar](repeating: zero, count: vectors.first?.count ?? 0)
        for (vector, weight) in zip(vectors, weights) { result = add(result, scale(vector, by: weight)) }
        return result
    }

    /// The product of all values (one for none).
    func product(_ values: [Scalar]) -> Scalar { values.reduce(one) { multiply($0, $1) } }
}

/// The bilinear map ⋆ of the Bayer–Groth arguments (StarMap, algorithm 8.10):
/// `a ⋆ b = Σ_j a_j · b_j · y^{j+1}` modulo q.
public struct BilinearMap: Sendable {
    /// The scalar field.
    public let field: ScalarField
    /// `(y, y², …, y^n)`.
    private let weights: [Scalar]

    /// The map defined by y on vectors of length `length`.
    public init(y: Scalar, length: Int, in field: ScalarField) {
        self.field = field
        weights = Array(field.powers(of: y, count: length + 1).dropFirst())
    }

    /// `a ⋆ b`; both vectors have the map's length.
    public func callAsFunction(_ a: [Scalar], _ b: [Scalar]) -> Scalar {
        precondition(a.count == weights.count && b.count == weights.count, "⋆ of vectors of the wrong length")
        return field.dot(field.multiply(a, b), weights)
    }
}
