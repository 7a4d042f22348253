import RealModule

/// The probability distributions the detectors test against, in log space where tails get small.
public enum Distributions {
    /// `log P(X = k)` for X Poisson with mean `mean` (> 0).
    public static func poissonLogPMF(_ k: Int, mean: Double) -> Double {
        Double(k) * Double.log(mean) - mean - Double.logGamma(Double(k) + 1)
    }

    /// `log P(X = k)` for X negative binomial with mean `mean` and size (dispersion) `size`: variance
    /// `mean + mean² / size`. A size of infinity is the Poisson.
    public static func negativeBinomialLogPMF(_ k: Int, mean: Double, size: Double) -> Double {
        guard size.isFinite else { return poissonLogPMF(k, mean: mean) }
        let x = Double(k)
        let p = size / (size + mean)
        return Double.logGamma(x + size) - Double.logGamma(size) - Double.logGamma(x + 1)
            + size * Double.log(p) + x * Double.log(onePlus: -p)
    }

    /// `P(X ≥ k)` for X negative binomial (Poisson when `size` is infinite), summed from the pmf.
    ///
    /// Sums the lower part when `k` is below the mean and the upper tail otherwise, so that neither side loses
    /// precision to cancellation.
    public static func upperTail(_ k: Int, mean: Double, size: Double) -> Double {
        guard k > 0 else { return 1 }
        if Double(k) <= mean {
            var below = 0.0
            for j in 0..<k { below += Double.exp(negativeBinomialLogPMF(j, mean: mean, size: size)) }
            return max(0, 1 - below)
        }
        var tail = 0.0
        var j = k
        while true {
            let term = Double.exp(negativeBinomialLogPMF(j, mean: mean, size: size))
            tail += term
            if term < tail * 1e-12 || j > k + 100_000 { break }
            j += 1
        }
        return min(1, tail)
    }

    /// The smallest count `k` with `P(X ≥ k) ≤ alpha`: the count at which a one-sided test of size `alpha` alarms.
    public static func upperCriticalCount(alpha: Double, mean: Double, size: Double) -> Int {
        let spread = (mean + (size.isFinite ? mean * mean / size : 0)).squareRoot()
        var k = max(1, Int((mean + spread).rounded(.up)))
        var tail = upperTail(k, mean: mean, size: size)
        while tail > alpha {
            tail -= Double.exp(negativeBinomialLogPMF(k, mean: mean, size: size))
            k += 1
            if tail <= alpha { break }
            // Recompute now and then to keep the running subtraction from drifting.
            if k % 64 == 0 { tail = upperTail(k, mean: mean, size: size) }
        }
        return k
    }

    /// `P(Z ≤ z)` for Z standard normal.
    public static func normalCDF(_ z: Double) -> Double {
        0.5 * Double.erfc(-z / 2.0.squareRoot())
    }

    /// The `p` quantile of the standard normal (Acklam's rational approximation refined by one Newton step).
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1")
        let a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.3577518672690,
                 -30.66479806614716, 2.506628277459239]
        let b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
                 -13.28068155288572]
        let c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
                 4.374664141464968, 2.938163982698783]
        let d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * Double.log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5
            let r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * Double.log(onePlus: -p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let error = normalCDF(x) - p
        let density = Double.exp(-x * x / 2) / (2 * Double.pi).squareRoot()
        x -= error / density
        return x
    }

    /// `P(X ≥ x)` for X chi-squared with `degrees` degrees of freedom: the upper regularised incomplete gamma
    /// function Q(degrees / 2, x / 2).
    public static func chiSquaredUpperTail(_ x: Double, degrees: Int) -> Double {
        regularizedGammaQ(Double(degrees) / 2, x / 2)
    }

    /// `P(X ≥ k)` for X binomial with `trials` trials of probability `p`.
    public static func binomialUpperTail(_ k: Int, trials: Int, p: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= trials else { return 0 }
        let logP = Double.log(p), logQ = Double.log(onePlus: -p)
        let logChooseN = Double.logGamma(Double(trials) + 1)
        var tail = 0.0
        for j in k...trials {
            let logChoose = logChooseN - Double.logGamma(Double(j) + 1) - Double.logGamma(Double(trials - j) + 1)
            tail += Double.exp(logChoose + Double(j) * logP + Double(trials - j) * logQ)
        }
        return min(1, tail)
    }

    /// Q(a, x) = Γ(a, x) / Γ(a), by its series below `a + 1` and its continued fraction above.
    static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let logPrefix = a * Double.log(x) - x - Double.logGamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return max(0, 1 - sum * Double.exp(logPrefix))
        }
        // Lentz's method for the continued fraction of Γ(a, x).
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return min(1, Double.exp(logPrefix) * h)
    }
}
