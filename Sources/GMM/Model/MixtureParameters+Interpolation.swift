extension MixtureParameters {
    /// The mixture a fraction `t` of the way from `self` to `other` (t = 0 gives `self`,
    /// t = 1 gives `other`), for smooth animation between two EM snapshots.
    ///
    /// Weights and means move linearly (weights keep summing to 1). Covariances move through
    /// their Cholesky factors, Σ(t) = L(t)·L(t)ᵀ with L(t) = (1 − t)·L₀ + t·L₁: both factors are
    /// lower triangular with positive diagonals, so L(t) is too, and Σ(t) stays symmetric
    /// positive definite for every t in [0, 1] — a straight line between covariances would too,
    /// but the factor path turns ellipses instead of shrinking them through a thin shape.
    ///
    /// - Throws: ``FitError/invalidInitialModel(_:)`` when the two mixtures differ in shape, or
    ///   ``FitError/illDefinedCovariance(component:iteration:)`` when a covariance is not positive
    ///   definite.
    public func interpolated(to other: MixtureParameters, fraction t: Double) throws -> MixtureParameters {
        guard components == other.components, dimension == other.dimension else {
            throw FitError.invalidInitialModel(.shapeMismatch(components: components, dimension: dimension,
                                                              otherComponents: other.components, otherDimension: other.dimension))
        }
        let d = dimension
        func mix(_ a: Double, _ b: Double) -> Double { a + (b - a) * t }
        var covariances = [[[Double]]]()
        covariances.reserveCapacity(components)
        for k in 0 ..< components {
            guard let l0 = Cholesky.lower(self.covariances[k].flattenedRowMajor, dimension: d),
                  let l1 = Cholesky.lower(other.covariances[k].flattenedRowMajor, dimension: d) else {
                throw FitError.illDefinedCovariance(component: k, iteration: 0)
            }
            let l = zip(l0, l1).map { mix($0, $1) }
            var sigma = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
            for i in 0 ..< d {
                for j in 0 ... i {
                    var s = 0.0
                    for m in 0 ... j { s += l[i * d + m] * l[j * d + m] }
                    sigma[i][j] = s
                    sigma[j][i] = s
                }
            }
            covariances.append(sigma)
        }
        return MixtureParameters(weights: zip(weights, other.weights).map { mix($0, $1) },
                                 means: zip(means, other.means).map { zip($0, $1).map { mix($0, $1) } },
                                 covariances: covariances)
    }
}
