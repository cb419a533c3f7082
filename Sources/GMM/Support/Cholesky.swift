import Foundation

/// Cholesky factorisation of small symmetric positive definite matrices, stored row-major.
///
/// The EM never inverts a covariance: it factors Σ = L·Lᵀ and solves L·y = x − μ by forward
/// substitution, so that (x − μ)ᵀ Σ⁻¹ (x − μ) = ‖y‖² and log |Σ| = 2 Σⱼ log Lⱼⱼ.
enum Cholesky {
    /// The lower-triangular factor L of the D × D row-major matrix `a`, or `nil` when `a` is not
    /// numerically positive definite (a pivot ≤ 0 or not finite — the same test LAPACK's `potrf`
    /// applies, which is what scikit-learn's failure message reports).
    static func lower(_ a: [Double], dimension d: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: d * d)
        for j in 0 ..< d {
            var pivot = a[j * d + j]
            for m in 0 ..< j { pivot -= l[j * d + m] * l[j * d + m] }
            guard pivot > 0, pivot.isFinite else { return nil }
            let ljj = pivot.squareRoot()
            l[j * d + j] = ljj
            for i in (j + 1) ..< d {
                var s = a[i * d + j]
                for m in 0 ..< j { s -= l[i * d + m] * l[j * d + m] }
                l[i * d + j] = s / ljj
            }
        }
        return l
    }
}

extension Array where Element == [Double] {
    /// A D × D nested matrix flattened row-major.
    var flattenedRowMajor: [Double] { flatMap { $0 } }
}
