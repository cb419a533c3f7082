/// Which fits are singular but for the regulariser: a component that closed onto fewer points
/// than its covariance needs (one point, two points in a plane, points that share a value in
/// one column), so that its covariance is, in some direction, `regCovar` and next to nothing
/// else, and its likelihood would grow without bound as `regCovar` shrank.
///
/// Such a fit's log-likelihood, and so its BIC, measures `regCovar` rather than the data.
/// mclust, which does not regularise, reports these fits as singular (`NA`) and leaves them out
/// of its choice; scikit-learn's `bic` ranks them, so on a few dozen samples its lowest BIC is
/// often a K = 8 full model with more free parameters than samples. ``ModelSelection`` flags
/// them and chooses among the others.
///
/// The test asks the model itself: from the fitted model's responsibilities, its M-step is
/// taken once more with a regulariser ``weakening`` times `regCovar`, giving Σₖ′ beside the
/// fitted Σₖ. Component k is singular when Σₖ′ shrinks to ``shrinkage`` of Σₖ or less in some
/// direction v (vᵀΣₖ′v ≤ 0.1·vᵀΣₖv, the least generalised eigenvalue of (Σₖ′, Σₖ)): the
/// regulariser supplies nine tenths of the component's variance there or more. The model's
/// own M-step keeps its constraints in the test: a point alone in an equal-volume model keeps
/// the common volume and is not singular; the same point in a full model is. Units do not
/// enter: a tight cluster in large units has variances far above `regCovar` and does not
/// shrink. Where every column varies by less than `regCovar`, every fit is singular, as it is:
/// the regulariser shapes them all. A collapsed component shrinks about a thousandfold.
public struct RegularisedSingularity: Sendable {
    /// The factor applied to `regCovar` in the test's M-step.
    public static let weakening = 1e-3
    /// The largest fraction of a component's fitted variance, in some direction, that is left
    /// without nine tenths of the regulariser for the component to count as singular.
    public static let shrinkage = 0.1

    /// The regulariser of the fits checked.
    public let regCovar: Double

    /// The check for fits made with `regCovar`; nil when it is 0 (a fit whose covariance
    /// collapses then fails instead).
    public init?(regCovar: Double) {
        guard regCovar > 0, regCovar.isFinite else { return nil }
        self.regCovar = regCovar
    }

    /// The first component of `model`, fitted to `data` with the check's `regCovar`, that is
    /// singular but for the regulariser, or nil.
    ///
    /// - Throws: the model's error when its responsibilities cannot be computed.
    public func singularComponent(of model: MixtureModel, data: Dataset, threads: Int? = nil) throws -> Int? {
        let k = model.components, d = data.dimension
        guard d == model.dimension, data.count > 0 else { return nil }
        let responsibilities = try model.responsibilities(for: data)
        let summary = ExpectationSummary(responsibilities: responsibilities, data: data, components: k)
        let weaker = responsibilities.withUnsafeBufferPointer { r in
            MaximizationStep.run(data: data, responsibilities: r, summary: summary,
                                 components: k, covarianceType: model.covarianceType, regCovar: regCovar * Self.weakening,
                                 work: ChunkedWork(samples: data.count, threads: threads))
        }
        return (0 ..< k).first { Self.shrinks(weaker.covariances[$0], from: model.parameters.covariances[$0]) }
    }

    /// The first component of `model`, a fit made without a regulariser, that is narrower in
    /// some direction than a ninth of `regCovar` (the test above with Σₖ + regCovar·I as the
    /// fitted covariance and Σₖ as the weaker one), or nil.
    public func collapsedComponent(of model: MixtureModel) -> Int? {
        model.parameters.covariances.indices.first { c in
            let own = model.parameters.covariances[c]
            let regularised = own.indices.map { i in own[i].indices.map { j in own[i][j] + (i == j ? regCovar : 0) } }
            return Self.shrinks(own, from: regularised)
        }
    }

    /// Whether `weaker` is at most ``shrinkage`` of `fitted` in some direction (both D × D;
    /// `fitted` positive definite), or is not a finite matrix: the least generalised
    /// eigenvalue of (`weaker`, `fitted`) is at most ``shrinkage``.
    public static func shrinks(_ weaker: [[Double]], from fitted: [[Double]]) -> Bool {
        let d = fitted.count
        let a = weaker.flattenedRowMajor
        guard weaker.count == d, a.count == d * d, a.allSatisfy(\.isFinite) else { return true }
        guard let l = Cholesky.lower(fitted.flattenedRowMajor, dimension: d) else { return false }
        // M = L⁻¹ A L⁻ᵀ: Y = L⁻¹ A, then M = L⁻¹ Yᵀ (A is symmetric).
        var y = a
        Cholesky.solveLower(l, &y, dimension: d)
        var m = [Double](repeating: 0, count: d * d)
        for i in 0 ..< d { for j in 0 ..< d { m[i * d + j] = y[j * d + i] } }
        Cholesky.solveLower(l, &m, dimension: d)
        for i in 0 ..< d { for j in 0 ..< i { let s = (m[i * d + j] + m[j * d + i]) / 2; m[i * d + j] = s; m[j * d + i] = s } }
        let least = SymmetricEigen.decompose(m, dimension: d).values.min() ?? 1
        return least <= shrinkage
    }
}
