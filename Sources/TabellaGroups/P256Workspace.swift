/// P-256 arithmetic in Swift as an ``ExponentiationWorkspace``: bases are affine points, running products
/// Jacobian points, and Pippenger's buckets are filled in affine coordinates with batched inversions.
struct P256Workspace: ExponentiationWorkspace {
    /// In field multiplications: a Jacobian addition costs about 16, a mixed one 11, a doubling 8, and an affine
    /// addition into a bucket about 6.5 (its share of a batched inversion, 3, plus the slope and the new point).
    /// Negating a point is free.
    var costs: ExponentiationCosts {
        ExponentiationCosts(multiply: 16, multiplyByBase: 11, square: 8, placement: 6.5,
                            inversion: ExponentiationCosts.Inversion(perBase: 0, fixed: 0))
    }

    func makeIdentity() -> P256JacobianPoint { .infinity }

    func value(of base: P256AffinePoint) -> P256JacobianPoint { P256JacobianPoint(base) }

    func copy(_ value: P256JacobianPoint) -> P256JacobianPoint { value }

    func multiply(_ accumulator: inout P256JacobianPoint, by factor: P256JacobianPoint) { accumulator.add(factor) }

    func multiply(_ accumulator: inout P256JacobianPoint, byBase factor: P256AffinePoint) { accumulator.add(factor) }

    func square(_ accumulator: inout P256JacobianPoint) { accumulator.double() }

    func inverses(of bases: [P256AffinePoint]) -> [P256AffinePoint] { bases.map(\.negated) }

    /// Each bucket's points are summed pairwise in rounds, every round in affine coordinates with one inversion
    /// for all its additions (Montgomery's trick), until each bucket holds one point or none.
    func bucketProducts(
        _ placements: [BucketPlacement], bases: [P256AffinePoint], inverses: [P256AffinePoint], bucketCount: Int
    ) -> [P256JacobianPoint?] {
        // Sort the points by bucket: bucket b owns points[starts[b] ..< starts[b] + lengths[b]].
        var starts = [Int](repeating: 0, count: bucketCount + 1)
        for placement in placements { starts[placement.bucket + 1] += 1 }
        for bucket in 0..<bucketCount { starts[bucket + 1] += starts[bucket] }
        var lengths = (0..<bucketCount).map { starts[$0 + 1] - starts[$0] }
        var points = [P256AffinePoint](repeating: P256AffinePoint(x: .zero, y: .zero), count: placements.count)
        var next = starts
        for placement in placements {
            points[next[placement.bucket]] = placement.inverted ? inverses[placement.base] : bases[placement.base]
            next[placement.bucket] += 1
        }
        var denominators = [P256FieldElement](repeating: .zero, count: placements.count / 2)
        points.withUnsafeMutableBufferPointer { points in
            starts.withUnsafeBufferPointer { starts in
                lengths.withUnsafeMutableBufferPointer { lengths in
                    denominators.withUnsafeMutableBufferPointer { denominators in
                        while Self.sumPairs(points, starts: starts, lengths: lengths, denominators: denominators) {}
                    }
                }
            }
        }
        return (0..<bucketCount).map { lengths[$0] == 1 ? P256JacobianPoint(points[starts[$0]]) : nil }
    }

    /// One round: replaces the points 2k and 2k + 1 of every bucket by their sum, packed to the front of the
    /// bucket (an odd last point moves along; P + (−P) vanishes). Returns false when no bucket had two points.
    private static func sumPairs(
        _ points: UnsafeMutableBufferPointer<P256AffinePoint>, starts: UnsafeBufferPointer<Int>,
        lengths: UnsafeMutableBufferPointer<Int>, denominators: UnsafeMutableBufferPointer<P256FieldElement>
    ) -> Bool {
        var count = 0
        for bucket in 0..<lengths.count where lengths[bucket] >= 2 {
            let start = starts[bucket]
            for pair in 0..<lengths[bucket] / 2 {
                let denominator = P256AffinePoint.sumDenominator(points[start + 2 * pair], points[start + 2 * pair + 1])
                denominators[count] = denominator ?? .zero
                count += 1
            }
        }
        guard count > 0 else { return false }
        P256FieldElement.invertAll(UnsafeMutableBufferPointer(rebasing: denominators[0..<count]))
        var index = 0
        for bucket in 0..<lengths.count where lengths[bucket] >= 2 {
            let start = starts[bucket]
            let length = lengths[bucket]
            var kept = 0
            for pair in 0..<length / 2 {
                let inverse = denominators[index]
                index += 1
                guard !inverse.isZero else { continue }
                points[start + kept] = P256AffinePoint.sum(
                    points[start + 2 * pair], points[start + 2 * pair + 1], inverseDenominator: inverse)
                kept += 1
            }
            if length % 2 == 1 {
                points[start + kept] = points[start + length - 1]
                kept += 1
            }
            lengths[bucket] = kept
        }
        return true
    }
}
