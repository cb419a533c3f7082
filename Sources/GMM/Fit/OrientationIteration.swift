import Foundation

/// The inner iteration of EVE's and VVE's M-step (see `ConstrainedCovariance.eve`): the common
/// orientation D by Browne & McNicholas's two majorisation–minimisation steps, then the shapes
/// Aₖ, volumes and objective, in one block of memory allocated once per M-step.
///
/// Memory (each matrix D × D row-major, `Double`): the scatters Wₖ (K matrices); Hₖ = Wₖ·D
/// (K matrices); the shapes Aₖ (K × D); the volumes (K); D; F, the matrix whose polar factor an
/// MM step takes; that factor; gₖ = diag(Dᵀ Wₖ D) (D); and the polar factor's scratch.
///
/// Each step does the arithmetic of the textbook loops term for term and in the same order —
/// Σₘ runs over m = 0, 1, … from 0 — only arranged so the innermost loops run along rows. Hₖ
/// serves twice: the shapes need diag(Dᵀ Hₖ), and the next MM 1 needs Dᵀ Wₖ, which is Hₖᵀ
/// exactly because Wₖ is exactly symmetric. An iteration thus costs two products Wₖ·D per
/// component and two polar factors.
struct OrientationIteration: ~Copyable {
    private let k: Int, d: Int
    private let base: UnsafeMutablePointer<Double>
    private let w: UnsafeMutablePointer<Double>, h: UnsafeMutablePointer<Double>
    private let a: UnsafeMutablePointer<Double>, volume: UnsafeMutablePointer<Double>
    private let o: UnsafeMutablePointer<Double>, f: UnsafeMutablePointer<Double>, q: UnsafeMutablePointer<Double>
    private let g: UnsafeMutablePointer<Double>, polar: UnsafeMutablePointer<Double>

    /// Loads the K scatters Wₖ (D × D row-major each), the starting orientation D (D × D
    /// row-major, axis m in column m) and the K starting shapes (D each).
    init(scatters: [[Double]], orientation: [Double], shapes: [[Double]], dimension d: Int) {
        let k = scatters.count, dd = d * d
        self.k = k
        self.d = d
        base = .allocate(capacity: 2 * k * dd + k * d + k + 3 * dd + d + PolarFactor.scratchCount(dimension: d))
        w = base
        h = w + k * dd
        a = h + k * dd
        volume = a + k * d
        o = volume + k
        f = o + dd
        q = f + dd
        g = q + dd
        polar = g + d
        for c in 0 ..< k {
            for j in 0 ..< dd { w[c * dd + j] = scatters[c][j] }
            for j in 0 ..< d { a[c * d + j] = shapes[c][j] }
            volume[c] = 1
        }
        for j in 0 ..< dd { o[j] = orientation[j] }
    }

    deinit { base.deallocate() }

    /// D (D × D row-major, axis m in column m).
    var orientation: [Double] { Array(UnsafeBufferPointer(start: o, count: d * d)) }
    /// The K shapes Aₖ (D each, determinant 1).
    var shapes: [[Double]] { (0 ..< k).map { Array(UnsafeBufferPointer(start: a + $0 * d, count: d)) } }
    /// The K volumes: |gₖ|^{1/D} with gₖ = diag(Dᵀ Wₖ D), over Nₖ for VVE (`equalVolume` false).
    var volumes: [Double] { Array(UnsafeBufferPointer(start: volume, count: k)) }

    /// Runs at most `limit` iterations (see `ConstrainedCovariance.eve` for the steps and the
    /// stopping rule) with ωₖ the largest eigenvalue of Wₖ and Nₖ the responsibility sums (K
    /// each); the last objective Σₖ tr(Dᵀ Wₖ D Aₖ⁻¹), or `nil` when a polar factor or a shape
    /// is not finite or a shape falls below the inner tolerance.
    mutating func iterate(omega: [Double], nk: [Double], equalVolume: Bool, limit: Int) -> Double? {
        let dd = d * d, tolerance = ConstrainedCovariance.innerTolerance
        for c in 0 ..< k { times(w + c * dd, o, into: h + c * dd) }
        var previous = Double.greatestFiniteMagnitude / 2, objective = 0.0
        for _ in 0 ..< limit {
            // MM 1 on Dᵀ: F[i][j] = Σₖ ((Dᵀ Wₖ)[i][j] − ωₖ D[j][i]) / Aₖ[i].
            f.update(repeating: 0, count: dd)
            for c in 0 ..< k {
                let hc = h + c * dd, ac = a + c * d, om = omega[c]
                for i in 0 ..< d {
                    let ai = ac[i], fi = f + i * d
                    for j in 0 ..< d { fi[j] += (hc[j * d + i] - om * o[j * d + i]) / ai }
                }
            }
            guard PolarFactor.orthogonal(f, into: q, dimension: d, scratch: polar) else { return nil }
            for i in 0 ..< d { for j in 0 ..< d { o[i * d + j] = q[j * d + i] } }
            // MM 2 on D: F[i][j] = Σₖ (Wₖ D)[i][j] / Aₖ[j] − αₖ (Wₖ D)[i][j], αₖ = maxⱼ 1 / Aₖ[j].
            f.update(repeating: 0, count: dd)
            for c in 0 ..< k {
                let hc = h + c * dd, ac = a + c * d
                var alpha = 1 / ac[0]
                for j in 1 ..< d where 1 / ac[j] > alpha { alpha = 1 / ac[j] }
                times(w + c * dd, o, into: hc)
                for i in 0 ..< d {
                    let hi = hc + i * d, fi = f + i * d
                    for j in 0 ..< d {
                        let s = hi[j]
                        fi[j] += s / ac[j] - alpha * s
                    }
                }
            }
            guard PolarFactor.orthogonal(f, into: q, dimension: d, scratch: polar) else { return nil }
            o.update(from: q, count: dd)
            // Shapes, volumes and the objective, from Hₖ = Wₖ D for the new D.
            objective = 0
            for c in 0 ..< k {
                let hc = h + c * dd, ac = a + c * d
                times(w + c * dd, o, into: hc)
                for j in 0 ..< d {
                    var s = 0.0
                    for row in 0 ..< d { s += o[row * d + j] * hc[row * d + j] }
                    g[j] = equalVolume ? s : s / nk[c]
                }
                var logSum = 0.0
                for j in 0 ..< d { logSum += g[j] > 0 ? log(g[j]) : .nan }
                let gm = exp(logSum / Double(d))
                volume[c] = gm
                for j in 0 ..< d {
                    ac[j] = g[j] / gm
                    guard ac[j] >= tolerance && ac[j].isFinite else { return nil }
                }
                for j in 0 ..< d { objective += (equalVolume ? g[j] : g[j] * nk[c]) / ac[j] }
            }
            let change = abs(objective - previous) / (1 + abs(objective))
            previous = objective
            if change <= tolerance { break }
        }
        return objective
    }

    /// `out` = `m`·`x` for D × D row-major matrices, each entry Σₜ m[i][t]·x[t][j] summed in t
    /// order from 0, accumulated a row at a time.
    private func times(_ m: UnsafeMutablePointer<Double>, _ x: UnsafeMutablePointer<Double>,
                       into out: UnsafeMutablePointer<Double>) {
        for i in 0 ..< d {
            let row = out + i * d
            row.update(repeating: 0, count: d)
            for t in 0 ..< d {
                let mit = m[i * d + t], xt = x + t * d
                for j in 0 ..< d { row[j] += mit * xt[j] }
            }
        }
    }
}
