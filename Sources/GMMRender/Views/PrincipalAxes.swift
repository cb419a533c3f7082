import Foundation
import GMM

/// The first two principal axes of a data set: the unit eigenvectors of its covariance matrix
/// with the two largest eigenvalues, and each axis's share of the total variance.
///
/// Coordinates on the axes are A (x − x̄) with A's rows the two eigenvectors, as scikit-learn's
/// `PCA.transform` computes them. Each eigenvector's sign is fixed so that its largest-magnitude
/// entry is positive, so the same data always gives the same picture.
public struct PrincipalAxes: Sendable, Equatable {
    /// The two axes, each a unit vector of length D.
    public let axes: [[Double]]
    /// The data's column means x̄.
    public let center: [Double]
    /// λ₁ / Σλ and λ₂ / Σλ.
    public let varianceShares: [Double]

    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` for data of fewer than two columns.
    public init(data: Dataset) throws {
        let d = data.dimension, n = data.count
        guard d >= 2 else {
            throw RenderError.invalidOption(.view, value: "pca", fix: "principal axes need at least two columns but the data has \(d)")
        }
        var mean = [Double](repeating: 0, count: d)
        for i in 0 ..< n {
            for (j, v) in data[sample: i].enumerated() { mean[j] += v }
        }
        mean = mean.map { $0 / Double(max(n, 1)) }
        // The covariance with divisor N − 1 (the scale does not change the axes or the shares).
        var c = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        for i in 0 ..< n {
            let row = data[sample: i].enumerated().map { $0.element - mean[$0.offset] }
            for a in 0 ..< d {
                for b in a ..< d { c[a][b] += row[a] * row[b] }
            }
        }
        for a in 0 ..< d {
            for b in a ..< d {
                c[a][b] /= Double(max(n - 1, 1))
                c[b][a] = c[a][b]
            }
        }
        let (values, vectors) = Self.symmetricEigen(c)
        let order = values.indices.sorted { values[$0] > values[$1] }
        let total = values.reduce(0) { $0 + max($1, 0) }
        axes = order.prefix(2).map { k in
            let v = vectors.map { $0[k] }
            let largest = v.indices.max { abs(v[$0]) < abs(v[$1]) } ?? 0
            return v[largest] < 0 ? v.map { -$0 } : v
        }
        center = mean
        varianceShares = order.prefix(2).map { total > 0 ? max(values[$0], 0) / total : 0 }
    }

    /// Eigenvalues and eigenvectors (as the columns of the returned matrix) of a symmetric
    /// matrix, by cyclic Jacobi rotations until the off-diagonal part is below 1e-15 of the
    /// matrix's size: each rotation is orthogonal, so the eigenvectors stay orthonormal to
    /// rounding, and the result is accurate to a few ulps for the small D drawn here.
    static func symmetricEigen(_ m: [[Double]]) -> ([Double], [[Double]]) {
        var a = m
        let d = a.count
        var v = (0 ..< d).map { i in (0 ..< d).map { $0 == i ? 1.0 : 0.0 } }
        let scale = a.joined().reduce(0) { $0 + $1 * $1 }
        for _ in 0 ..< 100 {
            var off = 0.0
            for p in 0 ..< d { for q in 0 ..< d where p != q { off += a[p][q] * a[p][q] } }
            if off <= 1e-30 * scale || off == 0 { break }
            for p in 0 ..< d - 1 {
                for q in p + 1 ..< d where a[p][q] != 0 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0 ..< d {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0 ..< d {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0 ..< d {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0 ..< d).map { a[$0][$0] }, v)
    }
}
