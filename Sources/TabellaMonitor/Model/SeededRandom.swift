import RealModule

/// A reproducible pseudo-random generator (SplitMix64) for the synthetic elections: the same seed gives the same
/// election on every machine. Never used for anything secret.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in (0, 1), never exactly 0.
    public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992
    }

    /// An exponential value of rate `rate`.
    public mutating func exponential(rate: Double) -> Double {
        -Double.log(uniform()) / rate
    }

    /// A standard normal value (Box–Muller).
    public mutating func normal() -> Double {
        (-2 * Double.log(uniform())).squareRoot() * Double.cos(2 * Double.pi * uniform())
    }

    /// A gamma value of shape `shape` and mean 1 (Marsaglia–Tsang; boosted for shapes below 1).
    public mutating func gammaUnitMean(shape: Double) -> Double {
        if shape < 1 {
            return gammaUnitMean(shape: shape + 1) * (shape + 1) / shape * Double.pow(uniform(), 1 / shape)
        }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            let v = Double.pow(1 + c * x, 3)
            guard v > 0 else { continue }
            if Double.log(uniform()) < 0.5 * x * x + d - d * v + d * Double.log(v) { return d * v / shape }
        }
    }

    /// A Poisson count of mean `mean` (by inversion for small means, a normal approximation above 500).
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 500 { return max(0, Int((mean + mean.squareRoot() * normal()).rounded())) }
        let limit = Double.exp(-mean)
        var product = uniform()
        var count = 0
        while product > limit {
            product *= uniform()
            count += 1
        }
        return count
    }
}
