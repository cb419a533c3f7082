import Foundation

/// Cholesky factorisation of small symmetric positive definite matrices.
///
/// The EM never inverts a covariance: it factors Σ = L·Lᵀ and solves L·y = x − μ by forward
/// substitution, so that (x − μ)ᵀ Σ⁻¹ (x − μ) = ‖y‖² and log |Σ| = 2 Σⱼ log Lⱼⱼ.
enum Cholesky {
    /// Writes the lower-triangular factor L of the D × D matrix `a` (entry (i, j) is
    /// `a(i, j)`) into `l`, D × D row-major, zeros above the diagonal. Returns `false` when `a`
    /// is not numerically positive definite (a pivot ≤ 0 or not finite — the same test LAPACK's
    /// `potrf` applies, which is what scikit-learn's failure message reports).
    @inline(__always)
    static func factor(dimension d: Int, into l: UnsafeMutablePointer<Double>, _ a: (Int, Int) -> Double) -> Bool {
        l.update(repeating: 0, count: d * d)
        for j in 0 ..< d {
            var pivot = a(j, j)
            for m in 0 ..< j { pivot -= l[j * d + m] * l[j * d + m] }
            guard pivot > 0, pivot.isFinite else { return false }
            let ljj = pivot.squareRoot()
            l[j * d + j] = ljj
            for i in (j + 1) ..< d {
                var s = a(i, j)
                for m in 0 ..< j { s -= l[i * d + m] * l[j * d + m] }
                l[i * d + j] = s / ljj
            }
        }
        return true
    }

    /// The lower-triangular factor L of the D × D row-major matrix `a`, or `nil` when `a` is not
    /// numerically positive definite.
    static func lower(_ a: [Double], dimension d: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: d * d)
        let ok = l.withUnsafeMutableBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return d == 0 }
            return factor(dimension: d, into: p) { a[$0 * d + $1] }
        }
        return ok ? l : nil
    }
}

extension Cholesky {
    /// Replaces the D × D row-major `b` by L⁻¹ B for the lower-triangular factor `l`, column by
    /// column by forward substitution.
    static func solveLower(_ l: [Double], _ b: inout [Double], dimension d: Int) {
        for column in 0 ..< d {
            for i in 0 ..< d {
                var s = b[i * d + column]
                for k in 0 ..< i { s -= l[i * d + k] * b[k * d + column] }
                b[i * d + column] = s / l[i * d + i]
            }
        }
    }
}

extension Array where Element == [Double] {
    /// A D × D nested matrix flattened row-major.
    var flattenedRowMajor: [Double] { flatMap { $0 } }
}
