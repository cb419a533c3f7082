import Foundation

/// Model choice by information criterion: fits every K in a range for every covariance type
/// and ranks the fits by BIC (lower is better), as scikit-learn's
/// "Gaussian Mixture Model Selection" example does.
///
/// ```swift
/// let selection = ModelSelection(components: 1 ... 8, covarianceTypes: CovarianceType.allCases)
/// let result = try selection.run(data)
/// print(result.best.components, result.best.covarianceType)
/// ```
///
/// Every (type, K) is fitted from each of ``starts`` with the same ``options`` (seed included),
/// and the fit of highest final log-likelihood is kept (the earlier start on a tie), so the
/// result is reproducible. The default starts are scikit-learn's (``Initialization/kMeans``)
/// and mclust's (``Initialization/hierarchical``): on data whose columns differ in scale,
/// k-means often stops in a poor local optimum that the hierarchical start avoids, and the
/// other way round on well-separated round clusters. A fit that fails from every start — say
/// a component collapses at a large K with `regCovar` 0 — is recorded as failed (with the
/// first start's error) and left out of the ranking.
///
/// A fit with a component that collapsed onto too few points, its covariance held positive
/// definite only by `regCovar` (``RegularisedSingularity``), is kept in the list but not chosen:
/// its BIC measures the regulariser, not the data, and falls without bound as `regCovar` does.
/// Among a candidate's starts the fit of highest likelihood that is not singular is kept. Only when
/// every fit is singular is the choice made among them
/// (``ModelSelectionResult/ranksSingularFits``).
public struct ModelSelection: Sendable {
    /// The starts of every fit when none is chosen: k-means, then the hierarchical start.
    public static let defaultStarts: [Initialization] = [.kMeans, .hierarchical]

    /// The numbers of components to try, lowest ≥ 1.
    public var components: ClosedRange<Int>
    /// The covariance types to try, each once.
    public var covarianceTypes: [CovarianceType]
    /// The data-driven starts of every fit (explicit means would fix K); the best fit is kept.
    public var starts: [Initialization]
    /// EM settings shared by every fit.
    public var options: FitOptions
    /// Whether each fit that is not singular is carried on from its maximum without
    /// `options.regCovar`, so that BIC ranks maxima of the likelihood itself, as mclust's do.
    /// The continuation's snapshots are appended to the fit's history; a continuation that
    /// breaks down, or leaves a component narrower than a ninth of the regulariser, marks the
    /// fit singular and keeps it as fitted. On by default; off keeps every fit regularised
    /// throughout, as scikit-learn's are.
    public var releasesRegularisation: Bool

    public init(components: ClosedRange<Int>, covarianceTypes: [CovarianceType] = [.full],
                starts: [Initialization] = ModelSelection.defaultStarts, options: FitOptions = FitOptions(),
                releasesRegularisation: Bool = true) {
        self.components = components
        self.covarianceTypes = covarianceTypes
        self.starts = starts
        self.options = options
        self.releasesRegularisation = releasesRegularisation
    }

    /// A selection whose every fit starts from `initialization` alone.
    public init(components: ClosedRange<Int>, covarianceTypes: [CovarianceType] = [.full],
                initialization: Initialization, options: FitOptions = FitOptions(), releasesRegularisation: Bool = true) {
        self.init(components: components, covarianceTypes: covarianceTypes, starts: [initialization], options: options,
                  releasesRegularisation: releasesRegularisation)
    }

    /// Checks the settings before any data is seen: every K of the range within
    /// 1...``GaussianMixture/maxComponents``, at least one covariance type, data-driven starts
    /// only (at least one) and the options. ``run(_:)`` checks them first.
    ///
    /// - Throws: ``FitError/outOfRange(_:value:allowed:)`` for a range reaching below 1 or
    ///   above the cap, ``FitError/noCovarianceTypes``, ``FitError/selectionNeedsDataDrivenStart``
    ///   for an explicit start or none, or the options' error.
    public func validate() throws {
        let allowed = 1 ... GaussianMixture.maxComponents
        for k in [components.lowerBound, components.upperBound] where !allowed.contains(k) {
            throw FitError.outOfRange(.components, value: k, allowed: allowed)
        }
        guard !covarianceTypes.isEmpty else { throw FitError.noCovarianceTypes }
        guard !starts.isEmpty, starts.allSatisfy(\.isDataDriven) else { throw FitError.selectionNeedsDataDrivenStart }
        try options.validate()
    }

    /// Fits every (type, K) pair, types in the given order (each once) and K ascending within
    /// each; the hierarchical start's tree is built once for all of them.
    ///
    /// - Throws: what ``validate()`` throws; the first fit's error when no fit succeeds.
    public func run(_ data: Dataset) throws -> ModelSelectionResult {
        try validate()
        var seen = Set<CovarianceType>()
        var candidates = [ModelCandidate]()
        var hierarchy: HierarchicalStart?
        let singularity = RegularisedSingularity(regCovar: options.regCovar)
        for type in covarianceTypes where seen.insert(type).inserted {
            for k in components {
                let gmm = GaussianMixture(components: k, covarianceType: type, options: options)
                var fits = [FitResult]()
                var firstError: FitError?
                for start in starts {
                    do {
                        if start == .hierarchical {
                            let tree = try hierarchy ?? HierarchicalStart(data: data, seed: options.seed)
                            hierarchy = tree
                            let initial = try tree.parameters(components: k, covarianceType: type, regCovar: options.regCovar)
                            fits.append(try gmm.fit(data, initialization: .parameters(initial)))
                        } else {
                            fits.append(try gmm.fit(data, initialization: start))
                        }
                    } catch let error as FitError {
                        if firstError == nil { firstError = error }
                    }
                }
                // The fit of highest likelihood that is not singular (the earlier start on a
                // tie), else the highest: the starts are checked, and the kept one finished,
                // in that order, so a candidate usually costs one check and one continuation.
                let order = fits.indices.sorted {
                    let a = fits[$0].history.final.logLikelihood, b = fits[$1].history.final.logLikelihood
                    return a > b || (a == b && $0 < $1)
                }
                var best: (fit: FitResult, singularComponent: Int?)?
                for i in order {
                    let finished = try finish(fits[i], data: data, singularity: singularity)
                    if best == nil || finished.singularComponent == nil { best = finished }
                    if finished.singularComponent == nil { break }
                }
                let outcome: Result<FitResult, FitError>
                if let best { outcome = .success(best.fit) } else { outcome = .failure(firstError ?? .noCovarianceTypes) }
                candidates.append(ModelCandidate(covarianceType: type, components: k, samples: data.count, dimension: data.dimension,
                                                 outcome: outcome, singularComponent: best?.singularComponent))
            }
        }
        return try ModelSelectionResult(candidates: candidates)
    }

}

/// One (covariance type, K) fit of a ``ModelSelection``.
public struct ModelCandidate: Sendable {
    public let covarianceType: CovarianceType
    /// K.
    public let components: Int
    /// The fit, or why it failed.
    public let outcome: Result<FitResult, FitError>
    /// Free parameters p (``MixtureModel/numberOfParameters``).
    public let numberOfParameters: Int
    /// Mean per-sample log-likelihood of the fitted model on the data; nil for a failed fit.
    public let logLikelihood: Double?
    /// −2·N·logLikelihood + p·ln N (scikit-learn's `bic`; lower is better); nil when failed.
    public let bic: Double?
    /// −2·N·logLikelihood + 2p (scikit-learn's `aic`; lower is better); nil when failed.
    public let aic: Double?
    /// The first component (0-based) whose covariance is singular but for `regCovar`
    /// (``RegularisedSingularity``); nil for a regular or failed fit.
    public let singularComponent: Int?

    /// Whether the fit has a component held positive definite only by `regCovar`.
    public var isSingular: Bool { singularComponent != nil }

    init(covarianceType: CovarianceType, components: Int, samples n: Int, dimension: Int,
         outcome: Result<FitResult, FitError>, singularComponent: Int? = nil) {
        self.covarianceType = covarianceType
        self.components = components
        self.outcome = outcome
        self.singularComponent = singularComponent
        numberOfParameters = covarianceType.numberOfParameters(components: components, dimension: dimension)
        if case let .success(result) = outcome {
            // The final snapshot's score is the model's score(data): the same E-step, the same bits.
            let ll = result.history.final.logLikelihood
            logLikelihood = ll
            let p = Double(result.model.numberOfParameters)
            bic = -2 * ll * Double(n) + p * Foundation.log(Double(n))
            aic = -2 * ll * Double(n) + 2 * p
        } else {
            logLikelihood = nil
            bic = nil
            aic = nil
        }
    }

    /// The fit when it succeeded.
    public var result: FitResult? {
        if case let .success(r) = outcome { return r }
        return nil
    }
}

/// Every candidate of a ``ModelSelection`` and the chosen one.
public struct ModelSelectionResult: Sendable {
    /// Types in the order asked, K ascending within each.
    public let candidates: [ModelCandidate]
    /// The index in ``candidates`` of the lowest BIC among the ranked fits (ties: fewer
    /// parameters, then the earlier).
    public let bestIndex: Int
    /// Whether every fit that succeeded is singular (``ModelCandidate/isSingular``), so that
    /// the choice was made among singular fits; otherwise they are not ranked.
    public let ranksSingularFits: Bool

    /// The candidate with the lowest BIC among the ranked fits.
    public var best: ModelCandidate { candidates[bestIndex] }

    /// Whether `candidate` took part in the choice: it was fitted, and it is not singular
    /// unless every fit is.
    public func isRanked(_ candidate: ModelCandidate) -> Bool {
        candidate.bic != nil && (ranksSingularFits || !candidate.isSingular)
    }

    /// - Throws: the first candidate's error when none succeeded.
    init(candidates: [ModelCandidate]) throws {
        let ranksSingular = !candidates.contains { $0.bic != nil && !$0.isSingular }
        var best: Int?
        for (i, c) in candidates.enumerated() where ranksSingular || !c.isSingular {
            guard let bic = c.bic else { continue }
            if let b = best, let current = candidates[b].bic {
                if bic < current || (bic == current && c.numberOfParameters < candidates[b].numberOfParameters) { best = i }
            } else {
                best = i
            }
        }
        guard let best else {
            if case let .failure(error)? = candidates.first?.outcome { throw error }
            // A range of K is never empty, so only an empty list of types leaves no candidate.
            throw FitError.noCovarianceTypes
        }
        self.candidates = candidates
        self.bestIndex = best
        ranksSingularFits = ranksSingular
    }
}
