import GMM

/// Projection of D-dimensional model quantities onto the drawing plane.
///
/// Either two data columns — the marginal of N(μ, Σ) on columns (a, b) is
/// N((μₐ, μ_b), [[Σₐₐ, Σₐ_b], [Σ_bₐ, Σ_b_b]]), a selection that cannot fail — or a general
/// affine map p = A (x − c) with A of 2 × D: N(μ, Σ) goes to N(A (μ − c), A Σ Aᵀ) exactly.
struct Projection: Sendable, Equatable {
    /// The two 0-based columns, horizontal then vertical (used when `map` is nil).
    let axes: RenderOptions.Axes
    /// The rows of A (two vectors of length D) and the centre c, for a general map.
    let map: (rows: [[Double]], center: [Double])?

    init(axes: RenderOptions.Axes) {
        self.axes = axes
        map = nil
    }

    /// p = A (x − c) with `rows` = the two rows of A.
    init(rows: [[Double]], center: [Double]) {
        axes = RenderOptions.Axes(x: 0, y: 1)
        map = (rows, center)
    }

    static func == (a: Projection, b: Projection) -> Bool {
        a.axes == b.axes && a.map?.rows == b.map?.rows && a.map?.center == b.map?.center
    }

    func point(_ row: ArraySlice<Double>) -> Point2 {
        guard let map else { return Point2(x: row[row.startIndex + axes.x], y: row[row.startIndex + axes.y]) }
        var x = 0.0, y = 0.0
        for (j, v) in row.enumerated() {
            let centred = v - map.center[j]
            x += map.rows[0][j] * centred
            y += map.rows[1][j] * centred
        }
        return Point2(x: x, y: y)
    }

    func mean(_ mean: [Double]) -> Point2 {
        point(mean[...])
    }

    /// The 2 × 2 covariance of the projection, symmetrised (Σ from a fit is symmetric up to
    /// rounding).
    func covariance(_ sigma: [[Double]]) -> Covariance2 {
        guard let map else {
            return Covariance2(xx: sigma[axes.x][axes.x],
                               xy: 0.5 * (sigma[axes.x][axes.y] + sigma[axes.y][axes.x]),
                               yy: sigma[axes.y][axes.y])
        }
        // A Σ Aᵀ entry by entry: (A Σ Aᵀ)ᵤᵥ = Σᵢⱼ Aᵤᵢ Σᵢⱼ Aᵥⱼ.
        func entry(_ u: [Double], _ v: [Double]) -> Double {
            var total = 0.0
            for i in sigma.indices {
                var row = 0.0
                for j in sigma[i].indices { row += sigma[i][j] * v[j] }
                total += u[i] * row
            }
            return total
        }
        let a = map.rows[0], b = map.rows[1]
        return Covariance2(xx: entry(a, a), xy: 0.5 * (entry(a, b) + entry(b, a)), yy: entry(b, b))
    }

    /// K projected components of `parameters`.
    func components(_ parameters: MixtureParameters) -> [SceneComponent] {
        (0 ..< parameters.components).map { k in
            SceneComponent(weight: parameters.weights[k], mean: mean(parameters.means[k]),
                           covariance: covariance(parameters.covariances[k]))
        }
    }

    /// N projected points of `data`.
    func points(_ data: Dataset) -> [Point2] {
        points(data, rows: 0 ..< data.count)
    }

    /// The rows `rows` of `data` projected.
    func points(_ data: Dataset, rows: Range<Int>) -> [Point2] {
        guard map == nil else { return rows.map { point(data[sample: $0]) } }
        let d = data.dimension, ax = axes.x, ay = axes.y
        return data.values.withUnsafeBufferPointer { v in
            rows.map { Point2(x: v[$0 * d + ax], y: v[$0 * d + ay]) }
        }
    }
}
