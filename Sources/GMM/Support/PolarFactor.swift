/// The orthogonal polar factor of a small square matrix: for F = P·B·Rᵀ (its singular value
/// decomposition), Q = P·Rᵀ, the orthogonal matrix nearest to F.
///
/// Computed by one-sided Jacobi rotations (Hestenes 1958): columns of G = F·V are rotated in
/// pairs until every pair is orthogonal, so G = P·B and F = P·B·Vᵀ; then Q = (G with each
/// column scaled to unit length)·Vᵀ. One-sided Jacobi works on F itself, not on FᵀF, so it
/// keeps the accuracy of small singular values that forming FᵀF would square away.
enum PolarFactor {
    /// Q = P·Rᵀ for the D × D row-major `matrix`, D × D row-major; `nil` when F is not finite.
    /// For a singular F the polar factor is not unique; this gives one of them (the identity for
    /// F = 0, as LAPACK's SVD does).
    static func orthogonal(_ matrix: [Double], dimension d: Int) -> [Double]? {
        var g = matrix
        var v = [Double](repeating: 0, count: d * d)
        for i in 0 ..< d { v[i * d + i] = 1 }
        // Sweeps until every pair of columns is orthogonal to 1e-15 relative; Jacobi converges
        // quadratically, so a handful suffice.
        for _ in 0 ..< 60 {
            var rotated = false
            for p in 0 ..< d {
                for q in p + 1 ..< d {
                    var alpha = 0.0, beta = 0.0, gamma = 0.0
                    for i in 0 ..< d {
                        let gp = g[i * d + p], gq = g[i * d + q]
                        alpha += gp * gp
                        beta += gq * gq
                        gamma += gp * gq
                    }
                    guard abs(gamma) > 1e-15 * (alpha * beta).squareRoot() else { continue }
                    rotated = true
                    let zeta = (beta - alpha) / (2 * gamma)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = c * t
                    for i in 0 ..< d {
                        let gp = g[i * d + p], gq = g[i * d + q]
                        g[i * d + p] = c * gp - s * gq
                        g[i * d + q] = s * gp + c * gq
                        let vp = v[i * d + p], vq = v[i * d + q]
                        v[i * d + p] = c * vp - s * vq
                        v[i * d + q] = s * vp + c * vq
                    }
                }
            }
            if !rotated { break }
        }
        // Unit columns P; a column of (numerically) zero length — a zero singular value, where
        // any unit vector orthogonal to the others completes P, as LAPACK's SVD completes it —
        // is replaced by the standard basis vector with the largest part orthogonal to the
        // other columns, orthogonalised (Gram–Schmidt).
        var norms = (0 ..< d).map { j in (0 ..< d).reduce(0.0) { $0 + g[$1 * d + j] * g[$1 * d + j] }.squareRoot() }
        guard let largest = norms.max(), largest.isFinite else { return nil }
        let kept = (0 ..< d).filter { norms[$0] > 1e-13 * largest }
        for j in kept { for i in 0 ..< d { g[i * d + j] /= norms[j] } }
        // With F = 0 every column is completed: P = I, V = I, Q = I.
        var basis = kept
        for j in 0 ..< d where norms[j] <= 1e-13 * largest {
            var best = [Double](), bestNorm = -1.0
            for e in 0 ..< d {
                var v = [Double](repeating: 0, count: d)
                v[e] = 1
                for b in basis {
                    var dot = 0.0
                    for i in 0 ..< d { dot += v[i] * g[i * d + b] }
                    for i in 0 ..< d { v[i] -= dot * g[i * d + b] }
                }
                let n = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
                if n > bestNorm { best = v.map { $0 / n }; bestNorm = n }
            }
            for i in 0 ..< d { g[i * d + j] = best[i] }
            norms[j] = 1
            basis.append(j)
        }
        var q = [Double](repeating: 0, count: d * d)
        for i in 0 ..< d {
            for j in 0 ..< d {
                var s = 0.0
                for m in 0 ..< d { s += g[i * d + m] * v[j * d + m] }
                q[i * d + j] = s
            }
        }
        return q
    }
}
