/// Where EM starts.
///
/// The random starts (``kMeans``, ``kMeansPlusPlus``, ``random``, ``randomFromData``,
/// ``kMeansScaled``, and ``hierarchical``'s subsample of large data) draw
/// from ``SeededGenerator`` seeded by ``FitOptions/seed`` (each restart of
/// ``FitOptions/runs`` from a seed derived from it), so the same seed gives the same start.
/// They do not reproduce numpy's random streams: the same data and seed give a start of the same
/// kind as scikit-learn's, not the same numbers.
public enum Initialization: Sendable, Equatable {
    /// The given parameters, used as they are (validated first; their covariances must have the
    /// fit's covariance type's structure — see ``CovarianceType``).
    case parameters(MixtureParameters)
    /// The given means (K × D) with identity covariances and equal weights — the notebook's start.
    case means([[Double]])
    /// Lloyd's k-means (`KMeans`: at most 300 iterations, tolerance 1e-4 relative to the mean
    /// feature variance) from k-means++ seeds, then the parameters estimated from the hard
    /// k-means labels — scikit-learn's default `init_params="kmeans"`. Beyond a million
    /// samples k-means runs on a uniform sample of a million, and every sample joins its nearest
    /// centre, so the start costs a few EM iterations at any N.
    case kMeans
    /// k-means++ seeding (scikit-learn's greedy variant: 2 + ⌊ln K⌋ candidates per seed, the one
    /// that lowers the potential most is kept), then every sample assigned to its nearest seed
    /// and the parameters estimated from those hard responsibilities, as scikit-learn's
    /// `init_params="k-means++"`. Beyond a million samples the seeds are drawn from a uniform
    /// sample of a million, so the start costs a few EM iterations at any N.
    case kMeansPlusPlus
    /// Random responsibilities: N × K uniform draws, each row divided by its sum, and the
    /// parameters estimated from them — scikit-learn's `init_params="random"`. (All means start
    /// near the data's centre; EM separates them.)
    case random
    /// K distinct samples drawn uniformly as seeds, then as ``kMeansPlusPlus`` from the seeds on.
    /// (scikit-learn's `random_from_data` keeps reg_covar·I as the initial covariance, which draws
    /// as invisible ellipses; gmmviz estimates them from the nearest-seed assignment instead.)
    case randomFromData
    /// A deliberately poor start for teaching: the means bunched in the corner of the data's
    /// smallest values, half a standard deviation apart along its principal axis (plus a small
    /// seeded jitter), every covariance as broad as the data (its per-column variances), equal
    /// weights. EM takes many visible iterations to drag the components across the data, as in
    /// the classic animations of EM on Old Faithful.
    case bunched
    /// mclust's start: model-based agglomerative hierarchical clustering with unconstrained
    /// covariances (``HierarchicalClustering``) of the data scaled as mclust scales it
    /// (``HierarchicalClustering/transformed(_:)``), cut into K clusters, and the parameters
    /// estimated from those hard labels on the original data. Data of more than
    /// ``hierarchicalSubsample`` samples is clustered through a subsample of that many drawn
    /// with the seed (mclust's `subset`), and the parameters estimated from the subsample.
    /// Deterministic below that size, so restarts repeat it and it runs once.
    case hierarchical
    /// Lloyd's k-means as ``kMeans``, but on the columns standardised to mean 0 and standard
    /// deviation 1, so that a column of large numbers does not decide the clusters alone; the
    /// parameters are then estimated from the hard labels on the original data.
    case kMeansScaled

    /// The number of samples ``hierarchical`` clusters at most, mclust's default `subset`.
    public static let hierarchicalSubsample = 2000

    /// Whether the start draws random numbers, so that restarts with other seeds differ.
    public var isRandom: Bool {
        switch self {
        case .parameters, .means, .hierarchical: return false
        case .kMeans, .kMeansPlusPlus, .random, .randomFromData, .bunched, .kMeansScaled: return true
        }
    }

    /// Whether the start is computed from the data (rather than given), so that it suits any K.
    public var isDataDriven: Bool {
        switch self {
        case .parameters, .means: return false
        case .kMeans, .kMeansPlusPlus, .random, .randomFromData, .bunched, .hierarchical, .kMeansScaled: return true
        }
    }
}

extension Initialization {
    /// The initial parameters for `components` components of `covarianceType` on `data`,
    /// drawing from `seed`.
    func initialParameters(components k: Int, covarianceType: CovarianceType, data: Dataset,
                           options: FitOptions, seed: UInt64) throws -> MixtureParameters {
        var rng = SeededGenerator(seed: seed)
        let type = covarianceType
        switch self {
        case let .parameters(p):
            try p.validate(components: k, dimension: data.dimension)
            if let problem = type.structureProblem(p.covariances) { throw FitError.invalidInitialModel(problem) }
            return p
        case let .means(means):
            let p = MixtureParameters(means: means)
            try p.validate(components: k, dimension: data.dimension)
            return p
        case .kMeans:
            let labels = try KMeans.startLabels(data: data, components: k, rng: &rng, threads: options.threads)
            return Seeding.parametersFromLabels(labels, components: k, data: data, covarianceType: type, regCovar: options.regCovar)
        case .kMeansPlusPlus:
            let labels = try KMeans.seedLabels(data: data, components: k, rng: &rng, threads: options.threads)
            return Seeding.parametersFromLabels(labels, components: k, data: data, covarianceType: type, regCovar: options.regCovar)
        case .randomFromData:
            let seeds = try Seeding.randomDistinct(data: data, components: k, rng: &rng)
            return Seeding.parametersFromLabels(Seeding.nearestSeedLabels(seeds, data: data), components: k, data: data,
                                                covarianceType: type, regCovar: options.regCovar)
        case .bunched:
            return Seeding.bunched(components: k, data: data, covarianceType: type, regCovar: options.regCovar, rng: &rng)
        case .random:
            return Seeding.parametersFromRandomResponsibilities(components: k, data: data, covarianceType: type,
                                                                regCovar: options.regCovar, rng: &rng)
        case .hierarchical:
            return try HierarchicalStart(data: data, seed: seed).parameters(components: k, covarianceType: type, regCovar: options.regCovar)
        case .kMeansScaled:
            let scaled = data.standardised()
            let seeds = try Seeding.kMeansPlusPlus(data: scaled, components: k, rng: &rng)
            let labels = KMeans.labels(data: scaled, seeds: seeds, work: ChunkedWork(samples: data.count, threads: options.threads))
            return Seeding.parametersFromLabels(labels, components: k, data: data, covarianceType: type, regCovar: options.regCovar)
        }
    }
}

extension MixtureParameters {
    /// Checks shapes, weights and covariances against K and D.
    ///
    /// - Throws: ``FitError/invalidInitialModel(_:)`` naming the first problem.
    public func validate(components k: Int, dimension d: Int) throws {
        func fail(_ problem: ModelProblem) -> FitError { .invalidInitialModel(problem) }
        guard weights.count == k else { throw fail(.count(of: .weights, given: weights.count, components: k)) }
        guard means.count == k else { throw fail(.count(of: .means, given: means.count, components: k)) }
        guard covariances.count == k else { throw fail(.count(of: .covariances, given: covariances.count, components: k)) }
        for (c, m) in means.enumerated() where m.count != d {
            throw fail(.meanDimension(mean: c, coordinates: m.count, dimension: d))
        }
        for (c, m) in means.enumerated() where !m.allSatisfy(\.isFinite) {
            throw fail(.meanNotFinite(mean: c))
        }
        for (c, w) in weights.enumerated() where !(w > 0 && w.isFinite) {
            throw fail(.weightNotPositive(weight: c, value: w))
        }
        let sum = weights.reduce(0, +)
        guard abs(sum - 1) <= 1e-6 else { throw fail(.weightsSum(sum)) }
        for (c, cov) in covariances.enumerated() {
            guard cov.count == d, cov.allSatisfy({ $0.count == d }) else {
                throw fail(.covariance(c, .notSquare(dimension: d)))
            }
            for i in 0 ..< d {
                for j in 0 ..< d where !(cov[i][j].isFinite && abs(cov[i][j] - cov[j][i]) <= 1e-9 * max(1, abs(cov[i][j]))) {
                    throw fail(.covariance(c, .notSymmetric(row: i, column: j)))
                }
            }
            guard Cholesky.lower(cov.flattenedRowMajor, dimension: d) != nil else {
                throw fail(.covariance(c, .notPositiveDefinite))
            }
        }
    }
}
