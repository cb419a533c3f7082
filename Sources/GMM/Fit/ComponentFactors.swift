import Foundation

/// The parameters of a mixture laid out for the E-step: contiguous arrays, each covariance
/// replaced by its Cholesky factor, the constant part of every log-density folded into one number.
///
/// Shapes: `means` K × D, `cholesky` K × D × D (lower triangle, row-major), `inverseDiagonal`
/// K × D (1 / Lⱼⱼ, so the forward substitution multiplies instead of divides), `logConstant` K:
/// log πₖ − ½·D·log 2π − Σⱼ log Lⱼⱼ, so that
/// log πₖ N(x | μₖ, Σₖ) = logConstantₖ − ½‖Lₖ⁻¹(x − μₖ)‖².
struct ComponentFactors: Sendable {
    let components: Int
    let dimension: Int
    let means: [Double]
    let cholesky: [Double]
    let inverseDiagonal: [Double]
    let logConstant: [Double]

    /// Factors `parameters`; `iteration` only labels the error.
    ///
    /// - Throws: ``FitError/illDefinedCovariance(component:iteration:)`` when a covariance is not
    ///   positive definite.
    init(_ parameters: MixtureParameters, iteration: Int) throws {
        let k = parameters.components
        let d = parameters.dimension
        var means = [Double](), chol = [Double](), invDiag = [Double](), logConst = [Double]()
        means.reserveCapacity(k * d)
        chol.reserveCapacity(k * d * d)
        let log2pi = Foundation.log(2.0 * Double.pi)
        for c in 0 ..< k {
            guard let l = Cholesky.lower(parameters.covariances[c].flattenedRowMajor, dimension: d) else {
                throw FitError.illDefinedCovariance(component: c, iteration: iteration)
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
        self.means = means
        self.cholesky = chol
        self.inverseDiagonal = invDiag
        self.logConstant = logConst
    }

    /// Writes log πₖ N(x | μₖ, Σₖ) for k = 0..<K into `out`, for the D values at `x`.
    /// `scratch` holds D doubles.
    @inline(__always)
    func weightedLogDensities(_ x: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>,
                              scratch y: UnsafeMutablePointer<Double>,
                              means mu: UnsafePointer<Double>, cholesky l: UnsafePointer<Double>,
                              inverseDiagonal inv: UnsafePointer<Double>, logConstant lc: UnsafePointer<Double>) {
        let d = dimension
        if d == 2 {
            // The common case, unrolled: L = [a 0; b c], y₀ = (x₀−μ₀)/a, y₁ = (x₁−μ₁ − b·y₀)/c.
            let x0 = x[0], x1 = x[1]
            for c in 0 ..< components {
                let y0 = (x0 - mu[2 * c]) * inv[2 * c]
                let y1 = (x1 - mu[2 * c + 1] - l[4 * c + 2] * y0) * inv[2 * c + 1]
                out[c] = lc[c] - 0.5 * (y0 * y0 + y1 * y1)
            }
            return
        }
        for c in 0 ..< components {
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
}
