import GMM

/// Projection of D-dimensional model quantities onto two data columns.
///
/// The marginal of N(μ, Σ) on columns (a, b) is N((μₐ, μ_b), [[Σₐₐ, Σₐ_b], [Σ_bₐ, Σ_b_b]]), so a
/// projection is a selection, never a computation that can fail.
struct Projection: Sendable, Equatable {
    /// The two 0-based columns, horizontal then vertical.
    let axes: RenderOptions.Axes

    func point(_ row: ArraySlice<Double>) -> Point2 {
        Point2(x: row[row.startIndex + axes.x], y: row[row.startIndex + axes.y])
    }

    func mean(_ mean: [Double]) -> Point2 {
        Point2(x: mean[axes.x], y: mean[axes.y])
    }

    /// The 2 × 2 sub-matrix, symmetrised (Σ from a fit is symmetric up to rounding).
    func covariance(_ sigma: [[Double]]) -> Covariance2 {
        Covariance2(xx: sigma[axes.x][axes.x],
                    xy: 0.5 * (sigma[axes.x][axes.y] + sigma[axes.y][axes.x]),
                    yy: sigma[axes.y][axes.y])
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
        var out = [Point2]()
        out.reserveCapacity(data.count)
        let d = data.dimension
        data.values.withUnsafeBufferPointer { v in
            for i in 0 ..< data.count {
                out.append(Point2(x: v[i * d + axes.x], y: v[i * d + axes.y]))
            }
        }
        return out
    }
}
