import GMM

extension SceneBuilder {
    /// This builder with `kmeans` drawn beside the EM: every scene from
    /// ``comparisonScene(_:)`` then shows both algorithms side by side, k-means at the step
    /// that matches the EM's (an assignment for an E-step, a centroid update for an M-step),
    /// holding its last state once it has converged. The centroids' Voronoi cells are drawn
    /// for two-column data, where the plot is the whole space k-means assigns in.
    ///
    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` for a view other than the plane or
    ///   PCA; ``RenderError/invalidScene(_:)`` when the run does not describe this data (K
    ///   centroids of dimension D, N labels).
    public func comparing(_ kmeans: KMeansHistory) throws -> SceneBuilder {
        switch options.view {
        case .plane, .pca: break
        case .line, .pairs:
            throw RenderError.invalidOption(.view, value: options.view.name, fix: "k-means is compared with EM on the plane or the PCA view, of two or more columns")
        }
        guard kmeans.components == history.components, kmeans.dimensions == data.dimension, kmeans.samples == data.count else {
            throw RenderError.invalidScene("a k-means run of \(kmeans.components) centroids in \(kmeans.dimensions) dimensions on \(kmeans.samples) samples beside a fit of \(history.components) components in \(data.dimension) on \(data.count)")
        }
        var builder = self
        builder.comparison = kmeans
        let d = data.dimension
        builder.centrePaths = (0 ..< kmeans.components).map { c in
            kmeans.steps.map { projection.mean($0.centre(c, dimension: d)) }
        }
        return builder
    }

    /// `scene` (a scene of this builder's EM, named by its ``Scene/stage``) with the k-means
    /// panel beside it; `scene` itself when there is nothing to compare.
    public func comparisonScene(_ scene: Scene) -> Scene {
        guard let kmeans = comparison, case .plane = scene.view else { return scene }
        let last = kmeans.iterations
        let stage = scene.stage ?? .snapshot(scene.iteration)
        // The k-means step shown, the labels colouring the points, the centroids drawn.
        var step: Int, labelStep: Int?, centres: [Point2]? = nil
        var kmeansHeading: ComparisonHeading, emHeading: ComparisonHeading
        let held = ComparisonHeading(name: "k-means · converged at iteration \(last)", action: "its centroids stay")
        switch stage {
        case .initial:
            (step, labelStep) = (0, nil)
            kmeansHeading = ComparisonHeading(name: "k-means · start", action: "the same initial centres as EM's means")
            emHeading = ComparisonHeading(name: "EM · start", action: "the initial model")
        case let .snapshot(i):
            (step, labelStep) = (min(i, last), min(i, last))
            kmeansHeading = i == 0 ? ComparisonHeading(name: "k-means · start", action: "each point with its nearest centroid")
                : i > last ? held : ComparisonHeading(name: "k-means · iteration \(i)", action: "centroids at their points' means")
            emHeading = ComparisonHeading(name: "EM · iteration \(i)", action: i == 0 ? "the initial model" : "the model after its M-step")
        case let .eStep(i):
            (step, labelStep) = (min(i - 1, last), min(i - 1, last))
            kmeansHeading = i > last ? held : ComparisonHeading(name: "k-means · iteration \(i) · assignment", action: "each point assigned to its nearest centroid")
            emHeading = ComparisonHeading(name: "EM · iteration \(i) · E-step", action: "each point's shares recomputed")
        case let .mStep(i):
            (step, labelStep) = (min(i, last), min(i - 1, last))
            kmeansHeading = i > last ? held : ComparisonHeading(name: "k-means · iteration \(i) · update", action: "each centroid moved to its points' mean")
            emHeading = ComparisonHeading(name: "EM · iteration \(i) · M-step", action: "weights, means, covariances refitted")
        case let .tween(a, b, f):
            let (ja, jb) = (min(a, last), min(b, last))
            (step, labelStep) = f < 0.5 ? (ja, ja) : (jb, jb)
            centres = centrePaths.map { path in
                Point2(x: path[ja].x + (path[jb].x - path[ja].x) * f, y: path[ja].y + (path[jb].y - path[ja].y) * f)
            }
            kmeansHeading = a >= last ? held : ComparisonHeading(name: "k-means · iteration \(a) → \(b)", action: "centroids moving")
            emHeading = ComparisonHeading(name: "EM · iteration \(a) → \(b)", action: "the model moving")
        }
        let drawn = centres ?? centrePaths.map { $0[step] }
        var trails = centrePaths.map { Array($0[0 ... step]) }
        if centres != nil { for k in trails.indices { trails[k].append(drawn[k]) } }
        var result = scene
        result.view = .comparison(ComparisonScene(centres: drawn, labels: labelStep.map { kmeans.steps[$0].labels } ?? [],
                                                  trails: trails, drawsCells: data.dimension == 2, kmeansHeading: kmeansHeading, emHeading: emHeading))
        return result
    }
}
