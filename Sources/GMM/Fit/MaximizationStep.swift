/// The M-step, for every covariance type (scikit-learn's `_estimate_gaussian_parameters`).
///
/// Nₖ = Σᵢ rᵢₖ + 10·ε (ε = 2.2e-16; the tiny floor keeps an emptied component from dividing by
/// zero, exactly as scikit-learn does), μₖ = Σᵢ rᵢₖ xᵢ / Nₖ, πₖ = Nₖ / Σⱼ Nⱼ, and the
/// covariances from the weighted scatters around the new means by the type's estimator in
/// ``CovarianceEstimation`` (for `full`: Σₖ = Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ / Nₖ + reg_covar·I).
enum MaximizationStep {
    /// How much larger the shifted second moment Σᵢ rᵢₖ (xᵢⱼ − cₖⱼ)² may be than the scatter
    /// Sₖⱼⱼ around the new mean before the shifted sums are refused (see ``run(_:regCovar:)``).
    /// The rounding error of Sₖ is at most this factor times that of a two-pass sum: 16 leaves
    /// it below 1e-14 relative, six orders inside the 1e-8 agreement with scikit-learn.
    static let shiftedSumsTolerance = 16.0

    /// The M-step from the statistics of a fused pass (``ExpectationStep``), which were taken
    /// around cₖ (the workspace's shift): Rₖ = Σ r, Fₖ = Σ r (x − c), Gₖ = Σ r (x − c)(x − c)ᵀ.
    ///
    /// Σ r x = Fₖ + Rₖ cₖ gives the means, and with δ = Fₖ / Nₖ (the new mean minus cₖ) the
    /// scatter around the new mean is Sₖ = Gₖ − Fₖ δᵀ − δ Fₖᵀ + Rₖ δ δᵀ. That is the textbook
    /// shifted-data formula for a variance: exact in exact arithmetic, and as accurate as the
    /// two-pass sum when cₖ lies near the new mean, because the shifted moments are then not
    /// much larger than the scatter. (Sₖ is stationary in δ at Fₖ / Rₖ, so the rounding of δ
    /// itself does not matter to first order.) In the fit cₖ is the previous mean, which after
    /// the first iterations moves by a fraction of a standard deviation per step.
    ///
    /// Call ``meansNeedingExactPass(_:)`` first: when the subtraction would lose digits, the pass
    /// must be repeated with the statistics taken around the new means.
    static func run(_ ws: FitWorkspace, regCovar: Double) -> MixtureParameters {
        let m = moments(ws)
        let start = CovarianceEstimation.startsFromPreviousModel(ws.covarianceType) ? ws.factors.covariances() : nil
        return parameters(nk: m.nk, means: m.means,
                          scatter: WeightedScatter(components: ws.components, dimension: ws.dimension,
                                                   diagonalOnly: m.diagonalOnly, values: m.scatter),
                          covarianceType: ws.covarianceType, regCovar: regCovar, start: start)
    }

    /// The new means (K × D) when the shifted sums of the last pass would cancel — some
    /// diagonal Gₖⱼⱼ above ``shiftedSumsTolerance`` × Sₖⱼⱼ, as after a start far from the data —
    /// otherwise `nil`. The caller then takes the statistics again around these means (the same
    /// responsibilities, recomputed), which is scikit-learn's two-pass estimate: there Fₖ ≈ 0
    /// and Gₖ is the scatter itself.
    static func meansNeedingExactPass(_ ws: FitWorkspace) -> [Double]? {
        let m = moments(ws)
        return m.cancels ? m.means : nil
    }

    private static func moments(_ ws: FitWorkspace)
        -> (nk: [Double], means: [Double], scatter: [Double], diagonalOnly: Bool, cancels: Bool) {
        let k = ws.components, d = ws.dimension
        let diagonalOnly = CovarianceEstimation.needsDiagonalOnly(ws.covarianceType)
        let tri = diagonalOnly ? d : d * (d + 1) / 2
        let floor = 10 * Double.ulpOfOne
        var nk = [Double](repeating: 0, count: k)
        var means = [Double](repeating: 0, count: k * d)
        var scatter = [Double](repeating: 0, count: k * tri)
        var cancels = false
        for c in 0 ..< k {
            let stats = ws.statistics(c)
            let r = stats[0], first = stats + 1, second = stats + 1 + d
            let n = r + floor
            nk[c] = n
            let centre = ws.shift + c * d
            for j in 0 ..< d { means[c * d + j] = (first[j] + r * centre[j]) / n }
            func around(_ j: Int, _ t: Int, _ g: Double) -> Double {
                let dj = first[j] / n, dt = first[t] / n
                return ((g - first[j] * dt) - dj * first[t]) + r * dj * dt
            }
            func check(_ g: Double, _ s: Double) {
                if !(g == 0 || g <= shiftedSumsTolerance * s) { cancels = true }
            }
            if diagonalOnly {
                for j in 0 ..< d {
                    let s = around(j, j, second[j])
                    check(second[j], s)
                    scatter[c * tri + j] = s
                }
            } else {
                var idx = 0
                for j in 0 ..< d {
                    for t in j ..< d {
                        let s = around(j, t, second[idx])
                        if t == j { check(second[idx], s) }
                        scatter[c * tri + idx] = s
                        idx += 1
                    }
                }
            }
        }
        return (nk, means, scatter, diagonalOnly, cancels)
    }

    /// The M-step from explicit responsibilities (the initialisations' hard or random ones),
    /// with the two-pass scatter around the new means.
    ///
    /// - Parameters:
    ///   - responsibilities: N × K, row-major.
    ///   - summary: Σᵢ rᵢₖ (K) and Σᵢ rᵢₖ xᵢ (K × D).
    static func run(data: Dataset, responsibilities: UnsafeBufferPointer<Double>, summary: ExpectationSummary,
                    components k: Int, covarianceType: CovarianceType, regCovar: Double,
                    work: ChunkedWork) -> MixtureParameters {
        let d = data.dimension
        let floor = 10 * Double.ulpOfOne
        let nk = summary.responsibilitySums.map { $0 + floor }
        var means = [Double](repeating: 0, count: k * d)
        for c in 0 ..< k {
            for j in 0 ..< d { means[c * d + j] = summary.weightedSums[c * d + j] / nk[c] }
        }
        let scatter = WeightedScatter(data: data, responsibilities: responsibilities, means: means, components: k,
                                      diagonalOnly: CovarianceEstimation.needsDiagonalOnly(covarianceType), work: work)
        return parameters(nk: nk, means: means, scatter: scatter, covarianceType: covarianceType, regCovar: regCovar,
                          start: nil)
    }

    /// Weights, means (K × D flat) and the type's covariances from Nₖ and the scatters; `start`
    /// is the previous model's covariances for the estimates that iterate from it.
    static func parameters(nk: [Double], means: [Double], scatter: WeightedScatter,
                                   covarianceType: CovarianceType, regCovar: Double,
                                   start: [[[Double]]]?) -> MixtureParameters {
        let k = nk.count, d = scatter.dimension
        let covariances = CovarianceEstimation.estimator(for: covarianceType)(scatter, nk, regCovar, start)
        var total = 0.0
        for v in nk { total += v }
        return MixtureParameters(weights: nk.map { $0 / total },
                                 means: (0 ..< k).map { Array(means[($0 * d) ..< (($0 + 1) * d)]) },
                                 covariances: covariances)
    }
}

/// Σᵢ rᵢₖ and Σᵢ rᵢₖ xᵢ of explicit responsibilities, what the initialisations' M-step starts from.
struct ExpectationSummary: Sendable {
    /// Σᵢ rᵢₖ, K values (without scikit-learn's 10·ε, which the M-step adds).
    var responsibilitySums: [Double]
    /// Σᵢ rᵢₖ xᵢ, K × D row-major.
    var weightedSums: [Double]
}

extension ExpectationSummary {
    /// The sums of the N × K row-major `responsibilities` of `data`, accumulated sample by
    /// sample, component by component.
    init(responsibilities: [Double], data: Dataset, components k: Int) {
        let d = data.dimension
        var sums = [Double](repeating: 0, count: k), weighted = [Double](repeating: 0, count: k * d)
        for i in 0 ..< data.count {
            for c in 0 ..< k {
                let r = responsibilities[i * k + c]
                sums[c] += r
                for j in 0 ..< d { weighted[c * d + j] += r * data.values[i * d + j] }
            }
        }
        self.init(responsibilitySums: sums, weightedSums: weighted)
    }
}
