extension Seeding {
    /// The step between consecutive bunched means along the data's principal axis, in standard
    /// deviations of each column: ½ (at most 1.5 over all K means). Near enough that every
    /// component starts in one corner, far enough apart that EM's first steps already pull
    /// them in different directions: closer means start EM at the saddle where all
    /// components are equal, whose log-likelihood barely changes, so the stopping rule ends
    /// the fit there, with one broad Gaussian.
    static let bunchedStep = 0.5
    /// The largest distance between the first and the last bunched mean, in standard deviations.
    static let bunchedSpan = 1.5
    /// The seeded spread of each bunched mean, in standard deviations of each column: 0.05,
    /// small beside the step, so restarts differ without changing the picture.
    static let bunchedJitter = 0.05

    /// A deliberately poor start, for teaching: the K means bunched in the corner of the
    /// smallest values of every column — mean k at the corner plus k steps of ``bunchedStep``
    /// standard deviations along the data's first principal axis (of the standardised data,
    /// found by power iteration, N × D per step), plus a seeded ``bunchedJitter`` — every
    /// covariance the data's per-column variances (broad, axis-aligned ellipses as wide as the
    /// data; for spherical components their average times the identity), equal weights. EM
    /// then drags the components from the corner across the data over many iterations, the
    /// start of the classic animations of EM on Old Faithful. Means K × D, covariances K × D × D.
    static func bunched(components k: Int, data: Dataset, covarianceType: CovarianceType, regCovar: Double,
                        rng: inout SeededGenerator) -> MixtureParameters {
        let n = Double(data.count), d = data.dimension
        var mean = [Double](repeating: 0, count: d)
        var lowest = [Double](repeating: .infinity, count: d)
        for i in 0 ..< data.count {
            for (j, v) in data[sample: i].enumerated() {
                mean[j] += v / n
                lowest[j] = min(lowest[j], v)
            }
        }
        var variance = [Double](repeating: 0, count: d)
        for i in 0 ..< data.count {
            for (j, v) in data[sample: i].enumerated() { variance[j] += (v - mean[j]) * (v - mean[j]) / n }
        }
        // A constant column has no spread to be broad in; unit variance keeps the matrix valid.
        variance = variance.map { $0 + regCovar > 0 ? $0 + regCovar : 1 }
        let deviation = variance.map { $0.squareRoot() }
        let axis = principalAxis(data: data, mean: mean, deviation: deviation)
        let step = k > 1 ? min(bunchedStep, bunchedSpan / Double(k - 1)) : 0
        let means = (0 ..< k).map { c in
            (0 ..< d).map { j in
                lowest[j] + (Double(c) * step * axis[j] + bunchedJitter * rng.nextNormal()) * deviation[j]
            }
        }
        if covarianceType.storage == .spherical {
            let average = variance.reduce(0, +) / Double(d)
            variance = [Double](repeating: average, count: d)
        }
        let covariance = (0 ..< d).map { row in (0 ..< d).map { row == $0 ? variance[row] : 0 } }
        return MixtureParameters(weights: [Double](repeating: 1 / Double(k), count: k), means: means,
                                 covariances: [[[Double]]](repeating: covariance, count: k))
    }

    /// The unit first principal axis of the standardised data (column j centred on `mean[j]`
    /// and divided by `deviation[j]`), by 50 steps of power iteration v ← Zᵀ(Zv) from the
    /// diagonal, signed so its components sum to ≥ 0: it points from the corner of the
    /// smallest values into the data when the columns grow together, as Old Faithful's do.
    /// Never forms the D × D correlation matrix. The diagonal itself when Z·v vanishes.
    static func principalAxis(data: Dataset, mean: [Double], deviation: [Double]) -> [Double] {
        let d = data.dimension
        let diagonal = [Double](repeating: 1 / Double(d).squareRoot(), count: d)
        var v = diagonal
        for _ in 0 ..< 50 {
            var next = [Double](repeating: 0, count: d)
            for i in 0 ..< data.count {
                let x = data[sample: i]
                var projection = 0.0
                for (j, value) in x.enumerated() { projection += (value - mean[j]) / deviation[j] * v[j] }
                for (j, value) in x.enumerated() { next[j] += projection * (value - mean[j]) / deviation[j] }
            }
            let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0, norm.isFinite else { return diagonal }
            v = next.map { $0 / norm }
        }
        return v.reduce(0, +) < 0 ? v.map { -$0 } : v
    }
}
