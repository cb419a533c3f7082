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
        guard d > 0, matrix.count == d * d else { return nil }
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: scratchCount(dimension: d))
        defer { scratch.deallocate() }
        var q = [Double](repeating: 0, count: d * d)
        let found = matrix.withUnsafeBufferPointer { f in
            q.withUnsafeMutableBufferPointer { out in
                guard let f = f.baseAddress, let out = out.baseAddress else { return false }
                return orthogonal(f, into: out, dimension: d, scratch: scratch)
            }
        }
        return found ? q : nil
    }

    /// The number of `Double`s of scratch ``orthogonal(_:into:dimension:scratch:)`` needs:
    /// Gᵀ and Vᵀ (D × D each) and the column norms (D).
    static func scratchCount(dimension d: Int) -> Int { 2 * d * d + d }

    /// Q for the D × D row-major F at `matrix`, written D × D row-major to `q` (which may not
    /// overlap `matrix`); `false` (with `q` unspecified) when F is not finite. `scratch` holds
    /// ``scratchCount(dimension:)`` values, overwritten.
    ///
    /// G and V are kept transposed, each column in consecutive memory, so a rotation and the
    /// sums over a column read contiguous values; every sum runs over the same terms in the same
    /// order as over row-major G and V.
    static func orthogonal(_ matrix: UnsafePointer<Double>, into q: UnsafeMutablePointer<Double>, dimension d: Int,
                           scratch: UnsafeMutablePointer<Double>) -> Bool {
        let g = scratch, v = scratch + d * d, norms = scratch + 2 * d * d
        for i in 0 ..< d {
            for j in 0 ..< d {
                g[j * d + i] = matrix[i * d + j]
                v[j * d + i] = i == j ? 1 : 0
            }
        }
        // Sweeps until every pair of columns is orthogonal to 1e-15 relative; Jacobi converges
        // quadratically, so a handful suffice.
        for _ in 0 ..< 60 {
            var rotated = false
            for p in 0 ..< d {
                let gp = g + p * d, vp = v + p * d
                for col in p + 1 ..< d {
                    let gq = g + col * d, vq = v + col * d
                    var alpha = 0.0, beta = 0.0, gamma = 0.0
                    for i in 0 ..< d {
                        let a = gp[i], b = gq[i]
                        alpha += a * a
                        beta += b * b
                        gamma += a * b
                    }
                    guard abs(gamma) > 1e-15 * (alpha * beta).squareRoot() else { continue }
                    rotated = true
                    let zeta = (beta - alpha) / (2 * gamma)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = c * t
                    for i in 0 ..< d {
                        let a = gp[i], b = gq[i]
                        gp[i] = c * a - s * b
                        gq[i] = s * a + c * b
                    }
                    for i in 0 ..< d {
                        let a = vp[i], b = vq[i]
                        vp[i] = c * a - s * b
                        vq[i] = s * a + c * b
                    }
                }
            }
            if !rotated { break }
        }
        return unitColumnsTimesVt(g, v, norms, into: q, dimension: d)
    }

    /// Q = P·Vᵀ from Gᵀ and Vᵀ (`g`, `v`, D × D, column j of G at `g + j·D`): the columns of G
    /// scaled to unit length, completed where one is (numerically) zero, then multiplied by Vᵀ.
    /// `false` when G is not finite. Overwrites `g` and `norms` (D).
    private static func unitColumnsTimesVt(_ g: UnsafeMutablePointer<Double>, _ v: UnsafeMutablePointer<Double>,
                                           _ norms: UnsafeMutablePointer<Double>, into q: UnsafeMutablePointer<Double>,
                                           dimension d: Int) -> Bool {
        var largest = 0.0
        for j in 0 ..< d {
            var s = 0.0
            for i in 0 ..< d { s += g[j * d + i] * g[j * d + i] }
            norms[j] = s.squareRoot()
            if j == 0 || norms[j] > largest { largest = norms[j] }
        }
        guard largest.isFinite else { return false }
        // Unit columns P; a column of (numerically) zero length — a zero singular value, where
        // any unit vector orthogonal to the others completes P, as LAPACK's SVD completes it —
        // is replaced by the standard basis vector with the largest part orthogonal to the
        // other columns, orthogonalised (Gram–Schmidt).
        let kept = (0 ..< d).filter { norms[$0] > 1e-13 * largest }
        for j in kept { for i in 0 ..< d { g[j * d + i] /= norms[j] } }
        // With F = 0 every column is completed: P = I, V = I, Q = I.
        var basis = kept
        for j in 0 ..< d where norms[j] <= 1e-13 * largest {
            var best = [Double](), bestNorm = -1.0
            for e in 0 ..< d {
                var candidate = [Double](repeating: 0, count: d)
                candidate[e] = 1
                for b in basis {
                    var dot = 0.0
                    for i in 0 ..< d { dot += candidate[i] * g[b * d + i] }
                    for i in 0 ..< d { candidate[i] -= dot * g[b * d + i] }
                }
                let n = candidate.reduce(0) { $0 + $1 * $1 }.squareRoot()
                if n > bestNorm { best = candidate.map { $0 / n }; bestNorm = n }
            }
            for i in 0 ..< d { g[j * d + i] = best[i] }
            norms[j] = 1
            basis.append(j)
        }
        // Q row i = Σₘ P[i][m]·(row m of Vᵀ), accumulated in m order.
        for i in 0 ..< d {
            let row = q + i * d
            for j in 0 ..< d { row[j] = 0 }
            for m in 0 ..< d {
                let pim = g[m * d + i], vm = v + m * d
                for j in 0 ..< d { row[j] += pim * vm[j] }
            }
        }
        return true
    }
}
