import Foundation

/// The parameters of a mixture laid out for the E-step: contiguous arrays, each covariance
/// replaced by its Cholesky factor, the constant part of every log-density folded into one number.
///
/// Shapes: `means` K × D, `cholesky` K × D × D (lower triangle, row-major), `inverseDiagonal`
/// K × D (1 / Lⱼⱼ, so the forward substitution multiplies instead of divides), `logConstant` K:
/// log πₖ − ½·D·log 2π − Σⱼ log Lⱼⱼ, so that
/// log πₖ N(x | μₖ, Σₖ) = logConstantₖ − ½‖Lₖ⁻¹(x − μₖ)‖².
///
/// Per covariance type (scikit-learn's `_compute_precision_cholesky`):
/// - full: a Cholesky factorisation per component;
/// - tied: one factorisation of the shared matrix, repeated for every component;
/// - diag, spherical: no factorisation — L = diag(√σ²), which is what a Cholesky
///   factorisation of a diagonal matrix gives, bit for bit; a variance ≤ 0 is ill-defined.
struct ComponentFactors: Sendable {
    let components: Int
    let dimension: Int
    let covarianceType: CovarianceType
    let means: [Double]
    let cholesky: [Double]
    let inverseDiagonal: [Double]
    let logConstant: [Double]

    /// Factors `parameters`, whose covariances must have `covarianceType`'s structure;
    /// `iteration` only labels the error.
    ///
    /// - Throws: ``FitError/illDefinedCovariance(component:iteration:)`` when a covariance is not
    ///   positive definite.
    init(_ parameters: MixtureParameters, covarianceType: CovarianceType = .full, iteration: Int) throws {
        let k = parameters.components
        let d = parameters.dimension
        var means = [Double](), chol = [Double](), invDiag = [Double](), logConst = [Double]()
        means.reserveCapacity(k * d)
        chol.reserveCapacity(k * d * d)
        let log2pi = Foundation.log(2.0 * Double.pi)
        var shared: [Double]?
        for c in 0 ..< k {
            let l: [Double]
            switch covarianceType {
            case .full:
                guard let f = Cholesky.lower(parameters.covariances[c].flattenedRowMajor, dimension: d) else {
                    throw FitError.illDefinedCovariance(component: c, iteration: iteration)
                }
                l = f
            case .tied:
                if let shared {
                    l = shared
                } else {
                    guard let f = Cholesky.lower(parameters.covariances[c].flattenedRowMajor, dimension: d) else {
                        throw FitError.illDefinedCovariance(component: c, iteration: iteration)
                    }
                    shared = f
                    l = f
                }
            case .diag, .spherical:
                var f = [Double](repeating: 0, count: d * d)
                for j in 0 ..< d {
                    let v = parameters.covariances[c][j][j]
                    guard v > 0, v.isFinite else { throw FitError.illDefinedCovariance(component: c, iteration: iteration) }
                    f[j * d + j] = v.squareRoot()
                }
                l = f
            }
            var logDet = 0.0
            for j in 0 ..< d {
                logDet += Foundation.log(l[j * d + j])
                invDiag.append(1.0 / l[j * d + j])
            }
            means += parameters.means[c]
            chol += l
            logConst.append(Foundation.log(parameters.weights[c]) - 0.5 * Double(d) * log2pi - logDet)
        }
        self.components = k
        self.dimension = d
        self.covarianceType = covarianceType
        self.means = means
        self.cholesky = chol
        self.inverseDiagonal = invDiag
        self.logConstant = logConst
    }

    /// Writes log πₖ N(x | μₖ, Σₖ) for k = 0..<K into `out`, for the D values at `x`, with the
    /// covariance type's kernel. `scratch` holds D doubles.
    @inline(__always)
    func weightedLogDensities(_ x: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>,
                              scratch y: UnsafeMutablePointer<Double>,
                              means mu: UnsafePointer<Double>, cholesky l: UnsafePointer<Double>,
                              inverseDiagonal inv: UnsafePointer<Double>, logConstant lc: UnsafePointer<Double>) {
        switch covarianceType {
        case .full, .tied:
            Self.triangularLogDensities(x, out, y, components, dimension, mu, l, inv, lc)
        case .diag:
            Self.diagonalLogDensities(x, out, y, components, dimension, mu, l, inv, lc)
        case .spherical:
            Self.sphericalLogDensities(x, out, y, components, dimension, mu, l, inv, lc)
        }
    }

    // The three kernels share one signature (scikit-learn's `_estimate_log_gaussian_prob`
    // branches): sample x (D), output (K), scratch (D), K, D, means (K × D), Cholesky factors
    // (K × D × D), their inverse diagonals (K × D) and the log constants (K).

    /// full and tied: forward substitution y = L⁻¹(x − μ), then ‖y‖².
    @inline(__always)
    static func triangularLogDensities(_ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>,
                                       _ y: UnsafeMutablePointer<Double>, _ k: Int, _ d: Int,
                                       _ mu: UnsafePointer<Double>, _ l: UnsafePointer<Double>,
                                       _ inv: UnsafePointer<Double>, _ lc: UnsafePointer<Double>) {
        if d == 2 {
            // The common case, unrolled: L = [a 0; b c], y₀ = (x₀−μ₀)/a, y₁ = (x₁−μ₁ − b·y₀)/c.
            let x0 = x[0], x1 = x[1]
            for c in 0 ..< k {
                let y0 = (x0 - mu[2 * c]) * inv[2 * c]
                let y1 = (x1 - mu[2 * c + 1] - l[4 * c + 2] * y0) * inv[2 * c + 1]
                out[c] = lc[c] - 0.5 * (y0 * y0 + y1 * y1)
            }
            return
        }
        for c in 0 ..< k {
            let m = mu + c * d, lk = l + c * d * d, ik = inv + c * d
            var quad = 0.0
            for j in 0 ..< d {
                var s = x[j] - m[j]
                for t in 0 ..< j { s -= lk[j * d + t] * y[t] }
                let yj = s * ik[j]
                y[j] = yj
                quad += yj * yj
            }
            out[c] = lc[c] - 0.5 * quad
        }
    }

    /// diag: Σⱼ ((xⱼ − μⱼ)/σⱼ)², no substitution.
    @inline(__always)
    static func diagonalLogDensities(_ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>,
                                     _ y: UnsafeMutablePointer<Double>, _ k: Int, _ d: Int,
                                     _ mu: UnsafePointer<Double>, _ l: UnsafePointer<Double>,
                                     _ inv: UnsafePointer<Double>, _ lc: UnsafePointer<Double>) {
        for c in 0 ..< k {
            let m = mu + c * d, ik = inv + c * d
            var quad = 0.0
            for j in 0 ..< d {
                let t = (x[j] - m[j]) * ik[j]
                quad += t * t
            }
            out[c] = lc[c] - 0.5 * quad
        }
    }

    /// spherical: ‖x − μ‖² / σ², one scaling per component.
    @inline(__always)
    static func sphericalLogDensities(_ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>,
                                      _ y: UnsafeMutablePointer<Double>, _ k: Int, _ d: Int,
                                      _ mu: UnsafePointer<Double>, _ l: UnsafePointer<Double>,
                                      _ inv: UnsafePointer<Double>, _ lc: UnsafePointer<Double>) {
        for c in 0 ..< k {
            let m = mu + c * d
            let precision = inv[c * d] * inv[c * d]
            var s = 0.0
            for j in 0 ..< d {
                let t = x[j] - m[j]
                s += t * t
            }
            out[c] = lc[c] - 0.5 * (s * precision)
        }
    }
}
