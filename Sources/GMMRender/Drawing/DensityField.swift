import Foundation
import GMM

/// The mixture drawn under the points of a 2-D plot: for every device pixel of the plot the
/// component with the largest responsibility, and the mixture density on a grid of every
/// ``densityStride``-th device pixel, with the density levels that enclose ``DensityLevels/masses``
/// of the mass.
///
/// Everything is of the projected (drawn) 2-D mixture Σₖ πₖ N(x | Aμₖ, AΣₖAᵀ). Each component
/// enters through its Cholesky factor L (Σ = L Lᵀ): log πₖN(x) = log πₖ − log 2π − log(L₁₁L₂₂)
/// − ½|L⁻¹(x − μ)|², with L⁻¹ applied by forward substitution, never an explicit inverse.
struct DensityField: Sendable {
    /// Device pixels of the plot: `columns` × `rows`, top row first, starting at device pixel
    /// (`x0`, `y0`).
    let x0: Int
    let y0: Int
    let columns: Int
    let rows: Int
    /// `rows` × `columns` indices of the most responsible component (255 where no component
    /// has a finite density), or empty when regions are not wanted.
    let owner: [UInt8]
    /// The density at device pixels (x0 + i · stride, y0 + j · stride): `densityRows` ×
    /// `densityColumns`, or empty when the density is not wanted.
    let density: [Double]
    let densityColumns: Int
    let densityRows: Int
    /// Thresholds t such that the region {f ≥ t} holds ``DensityLevels/masses`` of the mass,
    /// in the same order.
    let levels: [Double]

    /// The density grid's spacing in device pixels: a Gaussian's contours bend over tens of
    /// pixels, so straight pieces across 3 px cells look as smooth as 1 px ones, at a ninth of
    /// the exponentials.
    static let densityStride = 3

    /// One component's log-density terms, or nil for a covariance that is not positive definite.
    struct Factor {
        let mx, my, l11, l21, l22, logScale: Double

        init?(_ c: SceneComponent) {
            let a = c.covariance.xx, b = c.covariance.xy, d = c.covariance.yy
            guard a > 0, a.isFinite, c.mean.isFinite, c.weight > 0 else { return nil }
            let l11 = a.squareRoot(), l21 = b / l11
            let rest = d - l21 * l21
            guard rest > 0, rest.isFinite else { return nil }
            let l22 = rest.squareRoot()
            self.mx = c.mean.x
            self.my = c.mean.y
            self.l11 = l11
            self.l21 = l21
            self.l22 = l22
            logScale = log(c.weight) - log(2 * Double.pi) - log(l11 * l22)
        }

        /// log πₖ N(x, y).
        @inline(__always) func logDensity(_ x: Double, _ y: Double) -> Double {
            let z1 = (x - mx) / l11
            let z2 = (y - my - l21 * z1) / l22
            return logScale - 0.5 * (z1 * z1 + z2 * z2)
        }
    }

    /// Computes the field of `components` over the plot of `transform` at `scale` device pixels
    /// per logical pixel.
    init(components: [SceneComponent], transform: ViewTransform, scale: Double, regions: Bool, density: Bool) {
        let plot = transform.plot
        x0 = Int((plot.x * scale).rounded())
        y0 = Int((plot.y * scale).rounded())
        columns = max(0, Int((plot.maxX * scale).rounded()) - x0)
        rows = max(0, Int((plot.maxY * scale).rounded()) - y0)
        let factors = components.map(Factor.init)
        // Data coordinates of device pixel centres are affine in the pixel index.
        let w = transform.window
        let dx = 1 / (scale * transform.sx), dy = -1 / (scale * transform.sy)
        let ax = w.xmin + ((Double(x0) + 0.5) / scale - plot.x) / transform.sx
        let ay = w.ymax - ((Double(y0) + 0.5) / scale - plot.y) / transform.sy

        var owner = [UInt8]()
        let (columns, rows) = (self.columns, self.rows)
        let valid = factors.compactMap { $0 }
        let indices = factors.indices.filter { factors[$0] != nil }
        if regions {
            owner = [UInt8](repeating: 255, count: columns * rows)
            var terms = RowQuadratics(valid, x0: ax, dx: dx)
            let n = valid.count
            owner.withUnsafeMutableBufferPointer { out in
                for j in 0 ..< rows {
                    terms.start(y: ay + Double(j) * dy)
                    terms.withBuffers { value, difference, second in
                        for i in 0 ..< columns {
                            var best = -Double.infinity, index = 255
                            for k in 0 ..< n {
                                let v = value[k]
                                if v > best {
                                    best = v
                                    index = k
                                }
                                value[k] = v + difference[k]
                                difference[k] += second[k]
                            }
                            out[j * columns + i] = index < n ? UInt8(min(indices[index], 255)) : 255
                        }
                    }
                }
            }
        }
        self.owner = owner

        let s = Self.densityStride
        var grid = [Double]()
        if density {
            densityColumns = columns / s + 1
            densityRows = rows / s + 1
            levels = DensityLevels.thresholds(components: components, masses: DensityLevels.masses)
            grid = [Double](repeating: 0, count: densityColumns * densityRows)
            // Terms below this log-density add nothing visible: 1e-7 of the highest a term can
            // be, and e⁻⁸ of the lowest contour level, whichever is lower.
            let bound = valid.map { $0.logScale }.max() ?? 0
            let cutoff = min(bound - 16, (levels.min().map(log) ?? bound) - 8)
            var terms = RowQuadratics(valid, x0: ax, dx: dx * Double(s))
            let (dc, dr, n) = (densityColumns, densityRows, valid.count)
            grid.withUnsafeMutableBufferPointer { out in
                for j in 0 ..< dr {
                    terms.start(y: ay + Double(j * s) * dy)
                    terms.withBuffers { value, difference, second in
                        for i in 0 ..< dc {
                            var total = 0.0
                            for k in 0 ..< n {
                                let v = value[k]
                                if v > cutoff { total += exp(v) }
                                value[k] = v + difference[k]
                                difference[k] += second[k]
                            }
                            out[j * dc + i] = total
                        }
                    }
                }
            }
        } else {
            densityColumns = 0
            densityRows = 0
            levels = []
        }
        self.density = grid
    }
}

/// The density levels drawn as contours: the heights t whose upper set {x : f(x) ≥ t} holds a
/// given fraction of the mixture's mass (the highest-density regions), so "the 50 % contour"
/// means the same for any mixture.
enum DensityLevels {
    /// The fractions of the mass enclosed by the drawn contours, innermost last.
    static let masses = [0.95, 0.75, 0.5, 0.25]
    /// Monte Carlo samples per estimate: the enclosed mass of an estimated level is off by about
    /// √(m(1 − m)/M) ≤ 0.005 (one standard error) at M = 10,000 — a contour drawn 0.5 % of
    /// the mass too wide or narrow, well under a line width — for about a millisecond per
    /// snapshot.
    static let samples = 10_000
    /// Fixed, so the same mixture gives the same contours on every run.
    static let seed: UInt64 = 0x6D61_7373

    /// For each mass m, the (1 − m)-quantile of f(X) over X ~ the mixture: then P(f(X) ≥ t) = m.
    /// f(X) is sampled by drawing a component by weight and a point from it (x = μ + L z with z
    /// standard normal by Box–Muller). Components that are not positive definite are left out
    /// and the others' weights renormalised; no valid component gives no levels.
    static func thresholds(components: [SceneComponent], masses: [Double], samples: Int = samples, seed: UInt64 = seed) -> [Double] {
        let valid = components.compactMap { c in DensityField.Factor(c).map { (c.weight, $0) } }
        let total = valid.reduce(0) { $0 + $1.0 }
        guard total > 0, samples > 0 else { return [] }
        var cumulative = [Double]()
        var running = 0.0
        for (w, _) in valid {
            running += w / total
            cumulative.append(running)
        }
        var rng = SeededGenerator(seed: seed)
        // A uniform double in [0, 1) from the top 53 bits.
        func uniform() -> Double { Double(rng.next() >> 11) * 0x1p-53 }
        var values = [Double](repeating: 0, count: samples)
        var i = 0
        while i < samples {
            let u = uniform()
            var k = 0
            while k < valid.count - 1, u >= cumulative[k] { k += 1 }
            let f = valid[k].1
            // Box–Muller gives two independent normals per pair of uniforms: one point.
            let r = (-2 * log(1 - uniform())).squareRoot()
            let theta = 2 * Double.pi * uniform()
            let z1 = r * cos(theta), z2 = r * sin(theta)
            let x = f.mx + f.l11 * z1, y = f.my + f.l21 * z1 + f.l22 * z2
            // The drawn density uses the original weights (they sum to 1 for a fitted mixture).
            var density = 0.0
            for (_, g) in valid { density += exp(g.logDensity(x, y)) }
            values[i] = density
            i += 1
        }
        values.sort()
        return masses.map { m in
            values[min(values.count - 1, max(0, Int(((1 - m) * Double(values.count)).rounded(.down))))]
        }
    }
}

/// log πₖN(x, y) of every component along one row of pixels, advanced one pixel at a time
/// without a division or a square root: along a row, z = L⁻¹(x − μ) is affine in the pixel
/// index u, so the log-density c₀ + c₁u + c₂u² is updated by its first difference, which
/// itself grows by 2c₂ per step. Over a row of n pixels the rounding adds up to about n ulps of
/// the values, far below what moves a boundary or a contour by a pixel.
struct RowQuadratics {
    let factors: [DensityField.Factor]
    let x0: Double
    let dx: Double
    /// The current log-densities, one per factor.
    var value: [Double]
    var difference: [Double]
    var secondDifference: [Double]

    init(_ factors: [DensityField.Factor], x0: Double, dx: Double) {
        self.factors = factors
        self.x0 = x0
        self.dx = dx
        value = [Double](repeating: 0, count: factors.count)
        difference = value
        secondDifference = value
    }

    /// Positions every term at pixel 0 of the row at height `y`.
    mutating func start(y: Double) {
        for (k, f) in factors.enumerated() {
            let z1 = (x0 - f.mx) / f.l11, s1 = dx / f.l11
            let z2 = (y - f.my - f.l21 * z1) / f.l22, s2 = -f.l21 * s1 / f.l22
            let c2 = -0.5 * (s1 * s1 + s2 * s2)
            value[k] = f.logScale - 0.5 * (z1 * z1 + z2 * z2)
            difference[k] = -(z1 * s1 + z2 * s2) + c2
            secondDifference[k] = 2 * c2
        }
    }

    /// Runs `body` on the current values, first and second differences, which it advances
    /// pixel by pixel: value += difference, then difference += second difference.
    mutating func withBuffers<R>(_ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
                                          UnsafeBufferPointer<Double>) -> R) -> R {
        let second = secondDifference
        return value.withUnsafeMutableBufferPointer { v in
            difference.withUnsafeMutableBufferPointer { d in
                second.withUnsafeBufferPointer { body(v, d, $0) }
            }
        }
    }
}
