/// The M-step, for every covariance type (scikit-learn's `_estimate_gaussian_parameters`).
///
/// Nₖ = Σᵢ rᵢₖ + 10·ε (ε = 2.2e-16; the tiny floor keeps an emptied component from dividing by
/// zero, exactly as scikit-learn does), μₖ = Σᵢ rᵢₖ xᵢ / Nₖ, πₖ = Nₖ / Σⱼ Nⱼ, and the
/// covariances from the weighted scatters around the new means by the type's estimator in
/// ``CovarianceEstimation`` (for `full`: Σₖ = Σᵢ rᵢₖ (xᵢ − μₖ)(xᵢ − μₖ)ᵀ / Nₖ + reg_covar·I).
enum MaximizationStep {
    /// - Parameters:
    ///   - responsibilities: N × K, row-major.
    ///   - summary: Σᵢ rᵢₖ (K) and Σᵢ rᵢₖ xᵢ (K × D) from the E-step.
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
        let covariances = CovarianceEstimation.estimator(for: covarianceType)(scatter, nk, regCovar)
        var total = 0.0
        for v in nk { total += v }
        return MixtureParameters(weights: nk.map { $0 / total },
                                 means: (0 ..< k).map { Array(means[($0 * d) ..< (($0 + 1) * d)]) },
                                 covariances: covariances)
    }
}
