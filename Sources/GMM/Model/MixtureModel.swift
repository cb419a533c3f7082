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
    let threads: Int?

    /// Creates a model from parameters.
    ///
    /// - Parameters:
    ///   - parameters: the weights (K), means (K × D) and covariances (K × D × D).
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
        self.threads = threads
    }

    /// D, the dimension of the space.
    public var dimension: Int { parameters.dimension }

    /// K, the number of components.
    public var components: Int { parameters.components }

    /// One pass of the E-step over `rows` of `data` (all of them by default) at the model's
    /// parameters.
    private func evaluate(_ data: Dataset, rows: Range<Int>? = nil, _ outputs: ExpectationStep.Outputs) throws -> Double {
        guard data.dimension == parameters.dimension else {
            throw DataError.invalid("the data has \(data.dimension) dimensions but the model has \(parameters.dimension)")
        }
        let workspace = FitWorkspace(data: data, rows: rows, components: components, covarianceType: covarianceType, threads: threads)
        try workspace.load(parameters, iteration: 0)
        guard let mean = ExpectationStep.run(workspace, outputs: outputs) else {
            throw FitError.nonFiniteLikelihood(iteration: 0)
        }
        return mean
    }

    /// rᵢₖ = πₖ N(xᵢ | μₖ, Σₖ) / Σⱼ πⱼ N(xᵢ | μⱼ, Σⱼ), N × K row-major; each row sums to 1.
    /// (scikit-learn's `predict_proba`; ``predictProba(_:)`` is the same.)
    public func responsibilities(for data: Dataset) throws -> [Double] {
        var r = [Double](repeating: 0, count: data.count * components)
        try r.withUnsafeMutableBufferPointer {
            _ = try evaluate(data, .init(responsibilities: $0.baseAddress))
        }
        return r
    }

    /// The responsibilities of the samples `rows` of `data` only, `rows.count` × K row-major:
    /// the rows of ``responsibilities(for:)`` for those samples, bit for bit (every sample is
    /// computed on its own). For data too large to hold N × K numbers, read it in blocks.
    ///
    /// - Throws: `DataError` when the dimensions differ or `rows` is not within the data.
    public func responsibilities(for data: Dataset, rows: Range<Int>) throws -> [Double] {
        var r = [Double](repeating: 0, count: rows.count * components)
        try r.withUnsafeMutableBufferPointer { try responsibilities(for: data, rows: rows, into: $0) }
        return r
    }

    /// ``responsibilities(for:rows:)`` written into `output` (at least `rows.count` × K values),
    /// so a caller reading data in blocks reuses one buffer.
    ///
    /// - Throws: `DataError` when the dimensions differ, `rows` is not within the data or
    ///   `output` is too small.
    public func responsibilities(for data: Dataset, rows: Range<Int>, into output: UnsafeMutableBufferPointer<Double>) throws {
        guard rows.lowerBound >= 0, rows.upperBound <= data.count else {
            throw DataError.invalid("rows \(rows.lowerBound)..<\(rows.upperBound) of a data set of \(data.count) samples; ask for rows within 0..<\(data.count)")
        }
        guard output.count >= rows.count * components else {
            throw DataError.invalid("room for \(output.count) responsibilities, not the \(rows.count * components) of \(rows.count) rows × \(components) components")
        }
        guard !rows.isEmpty else { return }
        _ = try evaluate(data, rows: rows, .init(responsibilities: output.baseAddress))
    }

    /// log p(xᵢ) = log Σₖ πₖ N(xᵢ | μₖ, Σₖ) for every sample, N values.
    /// (scikit-learn's `score_samples`.)
    public func scoreSamples(_ data: Dataset) throws -> [Double] {
        var out = [Double](repeating: 0, count: data.count)
        try out.withUnsafeMutableBufferPointer {
            _ = try evaluate(data, .init(logLikelihoods: $0.baseAddress))
        }
        return out
    }

    /// The mean per-sample log-likelihood (1/N) Σᵢ log p(xᵢ). (scikit-learn's `score`.)
    public func score(_ data: Dataset) throws -> Double {
        try evaluate(data, .init())
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
