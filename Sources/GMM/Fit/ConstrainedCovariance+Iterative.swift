import Foundation

/// The models whose M-step has no closed form and alternates between volume and shape (VEI,
/// VEV) or volume and matrix (VEE), as mclust's `msvei`, `msvev` and `msvee` do. Each block
/// minimises the expected complete-data negative log-likelihood with the other held, so the
/// objective never increases; it is convex in the logarithms of volumes and shape, so the
/// alternation finds the one minimum from any start, and starts afresh at every M-step.
extension ConstrainedCovariance {
    /// VEI, Σₖ = λₖ·A with A diagonal, |A| = 1. With wₖⱼ = (Wₖ)ⱼⱼ, from A = I and λ = 1:
    /// λₖ = Σⱼ (wₖⱼ / Aⱼ) / (D·Nₖ), then Aⱼ = Σₖ wₖⱼ / λₖ scaled to determinant 1, until no
    /// λₖ or Aⱼ moves by more than ``innerTolerance`` relative (|new − old| / (1 + new)).
    static func vei(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double, _: [[[Double]]]?) -> [[[Double]]] {
        let k = scatter.components, d = scatter.dimension
        let w = (0 ..< k).map { diagonalScatter(scatter, $0, nk[$0], regCovar) }
        var shape = [Double](repeating: 1, count: d)
        var volume = [Double](repeating: 1, count: k)
        for _ in 0 ..< innerIterationLimit {
            let oldShape = shape, oldVolume = volume
            for c in 0 ..< k {
                var s = 0.0
                for j in 0 ..< d { s += w[c][j] / shape[j] }
                volume[c] = s / (Double(d) * nk[c])
            }
            for j in 0 ..< d {
                var s = 0.0
                for c in 0 ..< k { s += w[c][j] / volume[c] }
                shape[j] = s
            }
            let g = exp(logGeometricMean(shape))
            shape = shape.map { $0 / g }
            guard shape.allSatisfy({ $0 > 0 && $0.isFinite }), volume.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                return undefined(components: k, dimension: d)
            }
            if relativeChange(shape, oldShape, volume, oldVolume) <= innerTolerance { break }
        }
        return volume.map { v in diagonalMatrix(shape.map { v * $0 }) }
    }

    /// VEV, Σₖ = λₖ·Dₖ A Dₖᵀ. With Wₖ = Lₖ Ωₖ Lₖᵀ (eigenvalues ωₖ in decreasing order), Dₖ = Lₖ
    /// and, from A = Σₖ Ωₖ scaled to determinant 1: λₖ = Σⱼ (ωₖⱼ / Aⱼ) / (D·Nₖ), then
    /// Aⱼ = Σₖ ωₖⱼ / λₖ scaled to determinant 1 — VEI's alternation on the eigenvalues — until
    /// no λₖ or Aⱼ moves by more than ``innerTolerance`` relative.
    static func vev(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double, _: [[[Double]]]?) -> [[[Double]]] {
        let k = scatter.components, d = scatter.dimension
        let eigen = (0 ..< k).map { SymmetricEigen.decreasing(scatterMatrix(scatter, $0, nk[$0], regCovar), dimension: d) }
        var shape = [Double](repeating: 0, count: d)
        for e in eigen { for j in 0 ..< d { shape[j] += e.values[j] } }
        var g = exp(logGeometricMean(shape))
        shape = shape.map { $0 / g }
        var volume = [Double](repeating: .infinity, count: k)
        for _ in 0 ..< innerIterationLimit {
            let oldShape = shape, oldVolume = volume
            for c in 0 ..< k {
                var s = 0.0
                for j in 0 ..< d { s += eigen[c].values[j] / shape[j] }
                volume[c] = s / (Double(d) * nk[c])
            }
            for j in 0 ..< d {
                var s = 0.0
                for c in 0 ..< k { s += eigen[c].values[j] / volume[c] }
                shape[j] = s
            }
            g = exp(logGeometricMean(shape))
            shape = shape.map { $0 / g }
            guard shape.allSatisfy({ $0 > 0 && $0.isFinite }), volume.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                return undefined(components: k, dimension: d)
            }
            if relativeChange(shape, oldShape, volume, oldVolume) <= innerTolerance { break }
        }
        return (0 ..< k).map { compose(volume: volume[$0], orientation: eigen[$0].vectors, shape: shape, dimension: d) }
    }

    /// VEE, Σₖ = λₖ·C with |C| = 1. From λ = 1: C = Σₖ Wₖ / λₖ scaled to determinant 1, then
    /// λₖ = tr(Wₖ C⁻¹) / (D·Nₖ), until the objective D·N + D·Σₖ Nₖ log λₖ changes by no more
    /// than ``innerTolerance`` relative (|new − old| / (1 + |new|)).
    static func vee(_ scatter: WeightedScatter, _ nk: [Double], _ regCovar: Double, _: [[[Double]]]?) -> [[[Double]]] {
        let k = scatter.components, d = scatter.dimension
        let w = (0 ..< k).map { scatterMatrix(scatter, $0, nk[$0], regCovar) }
        let total = nk.reduce(0, +)
        var volume = [Double](repeating: 1, count: k)
        var c = [Double](repeating: 0, count: d * d)
        var previous = Double.greatestFiniteMagnitude / 2
        for _ in 0 ..< innerIterationLimit {
            c = [Double](repeating: 0, count: d * d)
            for m in 0 ..< k { for j in 0 ..< d * d { c[j] += w[m][j] / volume[m] } }
            guard let l = Cholesky.lower(c, dimension: d) else { return undefined(components: k, dimension: d) }
            var logDet = 0.0
            for j in 0 ..< d { logDet += 2 * log(l[j * d + j]) }
            let g = exp(logDet / Double(d))
            c = c.map { $0 / g }
            // C⁻¹ = (L Lᵀ / g)⁻¹: tr(Wₖ C⁻¹) = g · tr(L⁻¹ Wₖ L⁻ᵀ).
            for m in 0 ..< k {
                volume[m] = g * traceOfWhitened(w[m], lower: l, dimension: d) / (Double(d) * nk[m])
            }
            guard volume.allSatisfy({ $0 > 0 && $0.isFinite }) else { return undefined(components: k, dimension: d) }
            var target = total * Double(d)
            for m in 0 ..< k { target += Double(d) * log(volume[m]) * nk[m] }
            let change = abs(target - previous) / (1 + abs(target))
            previous = target
            if change <= innerTolerance { break }
        }
        return volume.map { v in nested(c.map { v * $0 }, dimension: d) }
    }

    /// tr(L⁻¹ W L⁻ᵀ) for the lower-triangular L and the symmetric W (D × D row-major): the sum
    /// of the squared entries of L⁻¹·R for any W = R Rᵀ, here computed as Σⱼ (L⁻¹ W L⁻ᵀ)ⱼⱼ by
    /// two triangular solves.
    static func traceOfWhitened(_ w: [Double], lower l: [Double], dimension d: Int) -> Double {
        // Y = L⁻¹ W (column by column), then Z = L⁻¹ Yᵀ; tr Z = tr(L⁻¹ W L⁻ᵀ).
        var y = w
        Cholesky.solveLower(l, &y, dimension: d)
        var trace = 0.0
        var z = [Double](repeating: 0, count: d)
        for col in 0 ..< d {
            // Column col of Z = L⁻¹ (row col of Y)ᵀ; only its entry col is needed, but the solve
            // needs the entries before it.
            for i in 0 ... col {
                var s = y[col * d + i]
                for m in 0 ..< i { s -= l[i * d + m] * z[m] }
                z[i] = s / l[i * d + i]
            }
            trace += z[col]
        }
        return trace
    }

    /// The largest relative change |new − old| / (1 + new) over two pairs of vectors.
    static func relativeChange(_ a: [Double], _ oldA: [Double], _ b: [Double], _ oldB: [Double]) -> Double {
        var err = 0.0
        for (x, y) in zip(a, oldA) { err = max(err, abs(x - y) / (1 + x)) }
        for (x, y) in zip(b, oldB) { err = max(err, abs(x - y) / (1 + x)) }
        return err.isNaN ? .infinity : err
    }
}
