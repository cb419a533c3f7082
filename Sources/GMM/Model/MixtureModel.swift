/// A Gaussian mixture with fixed parameters: responsibilities, labels and log-likelihoods for
/// any data of the same dimension.
///
/// Every computation runs in log space through the covariances' Cholesky factors, on all
/// cores, with results independent of the number of threads.
public struct MixtureModel: Sendable {
    /// The mixture's parameters (validated, positive definite covariances).
    public let parameters: MixtureParameters
    /// The covariance structure the parameters have; it sets ``numberOfParameters`` and so
    /// BIC and AIC, and picks the log-density kernel.
    public let covarianceType: CovarianceType
    let factors: ComponentFactors
    let threads: Int?

    /// Creates a model from parameters.
    ///
    /// - Parameters:
    ///   - covarianceType: the structure of `parameters.covariances` (K full D × D matrices
    ///     whatever the type: diagonal for `.diag`, σ²·I for `.spherical`, one repeated matrix
    ///     for `.tied`).
    ///   - threads: worker threads; `nil` uses every core.
    /// - Throws: ``FitError/invalidInitialModel(_:)`` for malformed parameters or covariances
    ///   without the type's structure.
    public init(_ parameters: MixtureParameters, covarianceType: CovarianceType = .full, threads: Int? = nil) throws {
        try parameters.validate(components: parameters.components, dimension: parameters.dimension)
        if let problem = covarianceType.structureProblem(parameters.covariances) {
            throw FitError.invalidInitialModel(problem)
        }
        self.parameters = parameters
        self.covarianceType = covarianceType
        self.factors = try ComponentFactors(parameters, covarianceType: covarianceType, iteration: 0)
        self.threads = threads
    }

    /// D, the dimension of the space.
    public var dimension: Int { parameters.dimension }

    /// K, the number of components.
    public var components: Int { parameters.components }

    func checked(_ data: Dataset) throws -> ChunkedWork {
        guard data.dimension == parameters.dimension else {
            throw DataError.invalid("the data has \(data.dimension) dimensions but the model has \(parameters.dimension)")
        }
        return ChunkedWork(samples: data.count, threads: threads)
    }

    /// rᵢₖ = πₖ N(xᵢ | μₖ, Σₖ) / Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ), N × K row-major; each row sums to 1.
    /// (scikit-learn's `predict_proba`; ``predictProba(_:)`` is the same.)
    public func responsibilities(for data: Dataset) throws -> [Double] {
        let work = try checked(data)
        var r = [Double](repeating: 0, count: data.count * components)
        let summary = r.withUnsafeMutableBufferPointer {
            ExpectationStep.run(data: data, factors: factors, work: work, responsibilities: $0.baseAddress)
        }
        guard summary != nil else { throw FitError.nonFiniteLikelihood(iteration: 0) }
        return r
    }

    /// log p(xᵢ) = log Σₖ πₖ N(xᵢ | μₖ, Σₖ) for every sample, N values.
    /// (scikit-learn's `score_samples`.)
    public func scoreSamples(_ data: Dataset) throws -> [Double] {
        let work = try checked(data)
        var out = [Double](repeating: 0, count: data.count)
        let summary = out.withUnsafeMutableBufferPointer {
            ExpectationStep.run(data: data, factors: factors, work: work, responsibilities: nil, logLikelihoods: $0.baseAddress)
        }
        guard summary != nil else { throw FitError.nonFiniteLikelihood(iteration: 0) }
        return out
    }

    /// The mean per-sample log-likelihood (1/N) Σᵢ log p(xᵢ). (scikit-learn's `score`.)
    public func score(_ data: Dataset) throws -> Double {
        let work = try checked(data)
        guard let summary = ExpectationStep.run(data: data, factors: factors, work: work, responsibilities: nil) else {
            throw FitError.nonFiniteLikelihood(iteration: 0)
        }
        return summary.meanLogLikelihood
    }

    /// scikit-learn's name for ``responsibilities(for:)``: N × K row-major, rows summing to 1.
    public func predictProba(_ data: Dataset) throws -> [Double] {
        try responsibilities(for: data)
    }

    /// The most responsible component of every sample (0-based), N labels; ties go to the lower
    /// index. (scikit-learn's `predict`.)
    public func predict(_ data: Dataset) throws -> [Int] {
        let r = try responsibilities(for: data)
        let k = components
        return (0 ..< data.count).map { i in
            var best = 0
            for c in 1 ..< k where r[i * k + c] > r[i * k + best] { best = c }
            return best
        }
    }
}

/// The responsibilities of `parameters`' components for every sample of `data`:
/// N × K row-major, each row summing to 1.
public func responsibilities(of data: Dataset, under parameters: MixtureParameters) throws -> [Double] {
    try MixtureModel(parameters).responsibilities(for: data)
}
