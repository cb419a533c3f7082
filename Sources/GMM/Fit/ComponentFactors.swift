import Foundation

/// The parameters of a mixture laid out for the E-step: contiguous buffers, each covariance
/// replaced by its Cholesky factor, the constant part of every log-density folded into one number.
///
/// Shapes: `means` K × D, `cholesky` K × D × D (lower triangle, row-major), `inverseDiagonal`
/// K × D (1 / Lⱼⱼ, so the forward substitution multiplies instead of divides), `logConstant` K:
/// log πₖ − ½·D·log 2π − Σⱼ log Lⱼⱼ, so that
/// log πₖ N(x | μₖ, Σₖ) = logConstantₖ − ½‖Lₖ⁻¹(x − μₖ)‖².
///
/// Per storage of the covariance type (scikit-learn's `_compute_precision_cholesky`; mclust's
/// other models are stored as one of these, see ``CovarianceType``):
/// - full: a Cholesky factorisation per component;
/// - tied: one factorisation of the shared matrix, copied to every component;
/// - diag, spherical: no factorisation — L = diag(√σ²), which is what a Cholesky
///   factorisation of a diagonal matrix gives, bit for bit; a variance ≤ 0 is ill-defined.
///
/// The buffers belong to a ``FitWorkspace`` and are overwritten in place by every
/// ``load(_:iteration:)``, so refactoring the parameters each iteration allocates nothing.
struct ComponentFactors {
    let components: Int
    let dimension: Int
    let covarianceType: CovarianceType
    let means: UnsafeMutablePointer<Double>
    let cholesky: UnsafeMutablePointer<Double>
    let inverseDiagonal: UnsafeMutablePointer<Double>
    let logConstant: UnsafeMutablePointer<Double>

    init(components k: Int, dimension d: Int, covarianceType: CovarianceType) {
        components = k
        dimension = d
        self.covarianceType = covarianceType
        means = .allocate(count: k * d, filledWith: 0)
        cholesky = .allocate(count: k * d * d, filledWith: 0)
        inverseDiagonal = .allocate(count: k * d, filledWith: 0)
        logConstant = .allocate(count: k, filledWith: 0)
    }

    /// Frees the buffers; called once by the owning workspace.
    func deallocate() {
        means.deallocate()
        cholesky.deallocate()
        inverseDiagonal.deallocate()
        logConstant.deallocate()
    }

    /// Factors `parameters` (K components of dimension D, covariances with `covarianceType`'s
    /// structure) into the buffers; `iteration` only labels the error.
    ///
    /// - Throws: ``FitError/illDefinedCovariance(component:iteration:)`` when a covariance is not
    ///   positive definite.
    func load(_ parameters: MixtureParameters, iteration: Int) throws {
        let k = components, d = dimension
        let log2pi = Foundation.log(2.0 * Double.pi)
        for c in 0 ..< k {
            let l = cholesky + c * d * d
            let cov = parameters.covariances[c]
            switch covarianceType.storage {
            case .full:
                guard Cholesky.factor(dimension: d, into: l, { cov[$0][$1] }) else {
                    throw FitError.illDefinedCovariance(component: c, iteration: iteration)
                }
            case .tied:
                if c == 0 {
                    guard Cholesky.factor(dimension: d, into: l, { cov[$0][$1] }) else {
                        throw FitError.illDefinedCovariance(component: c, iteration: iteration)
                    }
                } else {
                    l.update(from: cholesky, count: d * d)
                }
            case .diag, .spherical:
                l.update(repeating: 0, count: d * d)
                for j in 0 ..< d {
                    let v = cov[j][j]
                    guard v > 0, v.isFinite else { throw FitError.illDefinedCovariance(component: c, iteration: iteration) }
                    l[j * d + j] = v.squareRoot()
                }
            }
            var logDet = 0.0
            for j in 0 ..< d {
                logDet += Foundation.log(l[j * d + j])
                inverseDiagonal[c * d + j] = 1.0 / l[j * d + j]
                means[c * d + j] = parameters.means[c][j]
            }
            logConstant[c] = Foundation.log(parameters.weights[c]) - 0.5 * Double(d) * log2pi - logDet
        }
    }
}
