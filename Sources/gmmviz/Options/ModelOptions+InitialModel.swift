import GMM

extension ModelOptions {
    /// The explicit initial model when `--weights` or `--covariances` go with `--means`: the
    /// points with the weights (default equal) and the covariances (default identity), each
    /// matrix in rows of the means' dimension. `nil` for means alone, which start EM as
    /// ``Initialization/means(_:)``. The library checks it as a whole.
    var initialParameters: MixtureParameters? {
        guard let points = means?.points, weights != nil || covariances != nil else { return nil }
        let k = points.count, d = points.first?.count ?? 0
        return MixtureParameters(weights: weights?.values ?? Array(repeating: 1.0 / Double(k), count: k),
                                 means: points,
                                 covariances: covariances?.matrices(dimension: d) ?? MixtureParameters(means: points).covariances)
    }
}
