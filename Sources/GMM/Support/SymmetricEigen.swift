/// Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations.
enum SymmetricEigen {
    /// The eigenvalues (D, unordered) and eigenvectors (D × D row-major, eigenvector k in
    /// column k) of the symmetric `matrix` (D × D row-major). Sweeps until every off-diagonal
    /// entry is below 1e-15 of the matrix's norm (at most 100 sweeps; Jacobi converges
    /// quadratically, so a handful suffice for the D ≤ 64 of a fit).
    static func decompose(_ matrix: [Double], dimension d: Int) -> (values: [Double], vectors: [Double]) {
        var a = matrix
        var v = [Double](repeating: 0, count: d * d)
        for i in 0 ..< d { v[i * d + i] = 1 }
        let norm = a.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for _ in 0 ..< 100 {
            var off = 0.0
            for p in 0 ..< d { for q in p + 1 ..< d { off += a[p * d + q] * a[p * d + q] } }
            if off.squareRoot() <= 1e-15 * norm { break }
            for p in 0 ..< d {
                for q in p + 1 ..< d where a[p * d + q] != 0 {
                    let theta = (a[q * d + q] - a[p * d + p]) / (2 * a[p * d + q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0 ..< d {
                        let akp = a[k * d + p], akq = a[k * d + q]
                        a[k * d + p] = c * akp - s * akq
                        a[k * d + q] = s * akp + c * akq
                    }
                    for k in 0 ..< d {
                        let apk = a[p * d + k], aqk = a[q * d + k]
                        a[p * d + k] = c * apk - s * aqk
                        a[q * d + k] = s * apk + c * aqk
                    }
                    for k in 0 ..< d {
                        let vkp = v[k * d + p], vkq = v[k * d + q]
                        v[k * d + p] = c * vkp - s * vkq
                        v[k * d + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0 ..< d).map { a[$0 * d + $0] }, v)
    }
}

extension SymmetricEigen {
    /// The eigenvalues in decreasing order (D) and their eigenvectors (D × D row-major,
    /// eigenvector k in column k) of the symmetric D × D row-major `matrix` — the order
    /// LAPACK's SVD gives mclust's orientation models.
    static func decreasing(_ matrix: [Double], dimension d: Int) -> (values: [Double], vectors: [Double]) {
        let (values, vectors) = decompose(matrix, dimension: d)
        let order = (0 ..< d).sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var sorted = [Double](repeating: 0, count: d * d)
        for (column, k) in order.enumerated() {
            for i in 0 ..< d { sorted[i * d + column] = vectors[i * d + k] }
        }
        return (order.map { values[$0] }, sorted)
    }
}
