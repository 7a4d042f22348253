/// Each feature's split candidates (distinct quantiles of its values) and each row's bin under them: bin `k` holds
/// the values below cut `k` and at or above cut `k − 1`.
struct QuantileBins {
    /// The cuts of each feature, ascending.
    let cuts: [[Double]]
    /// The bin of each row, per feature.
    let bins: [[UInt8]]

    var featureCount: Int { cuts.count }

    /// The bins of `rows` (at least one, all of one width) under at most `count` bins per feature (2 to 256:
    /// a bin index is one byte).
    init(rows: [[Double]], bins count: Int) {
        let width = rows[0].count
        var cuts = [[Double]]()
        var bins = [[UInt8]]()
        for feature in 0..<width {
            let values = rows.map { $0[feature] }.sorted()
            var featureCuts = [Double]()
            for k in 1..<count {
                let cut = values[k * values.count / count]
                if cut > values[0], cut != featureCuts.last { featureCuts.append(cut) }
            }
            cuts.append(featureCuts)
            bins.append(rows.map { row in
                var low = 0, high = featureCuts.count
                while low < high {
                    let middle = (low + high) / 2
                    if row[feature] < featureCuts[middle] { high = middle } else { low = middle + 1 }
                }
                return UInt8(low)
            })
        }
        self.cuts = cuts
        self.bins = bins
    }
}
