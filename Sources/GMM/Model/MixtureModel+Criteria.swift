import Foundation

/// Information criteria for choosing K and the covariance type, with scikit-learn's
/// conventions: both are −2 × the total log-likelihood plus a penalty, so **lower is better**.
extension MixtureModel {
    /// The number of free parameters p: the covariances' (K·D(D+1)/2 full, D(D+1)/2 tied,
    /// K·D diag, K spherical), K·D means and K − 1 weights — scikit-learn's `_n_parameters()`.
    public var numberOfParameters: Int {
        covarianceType.numberOfParameters(components: components, dimension: dimension)
    }

    /// The Bayesian information criterion on `data`: −2·N·score(data) + p·ln N, where score is
    /// the mean per-sample log-likelihood. Lower is better. (scikit-learn's `bic(X)`, evaluated
    /// in the same order of operations.)
    public func bic(_ data: Dataset) throws -> Double {
        let score = try score(data)
        return -2 * score * Double(data.count) + Double(numberOfParameters) * Foundation.log(Double(data.count))
    }

    /// The Akaike information criterion on `data`: −2·N·score(data) + 2p. Lower is better.
    /// (scikit-learn's `aic(X)`.)
    public func aic(_ data: Dataset) throws -> Double {
        let score = try score(data)
        return -2 * score * Double(data.count) + 2 * Double(numberOfParameters)
    }
}
