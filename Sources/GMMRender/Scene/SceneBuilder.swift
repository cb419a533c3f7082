import GMM

/// Builds the scene of each snapshot of a fit: projects the data and the trails once, then
/// makes one ``Scene`` per snapshot on demand.
///
/// A value type holding only arrays, so one builder can be shared by frames rendered in parallel.
public struct SceneBuilder: Sendable {
    public let history: FitHistory
    public let data: Dataset
    public let options: RenderOptions
    /// N points projected onto `options.axes`, computed as they are read (``PointCloud``).
    public let points: PointCloud
    /// K × (n + 1) projected means, one row per component over all snapshots.
    let meanPaths: [[Point2]]
    let projection: Projection
    /// The names of the drawn axes, the same on every scene.
    public let axisLabels: Scene.AxisLabels
    /// What the line and pairs views keep fixed over the animation.
    let views: FixedViewParts
    /// How many points a fixed window leaves out, the same on every scene.
    let pointsOutside: Int
    /// How finely the frames show the model, for notes that report only what shows.
    let precision: DisplayPrecision
    /// The k-means run drawn beside the EM (``comparing(_:)``), or nil for EM alone.
    public internal(set) var comparison: KMeansHistory?
    /// K × (steps) projected centroids of ``comparison``.
    var centrePaths: [[Point2]] = []
    /// One builder per run drawn side by side (``showingStarts(_:)``), in run order, or none.
    public internal(set) var starts: [SceneBuilder] = []
    /// How the runs of ``starts`` group into optima.
    public internal(set) var optima: Optima?

    /// Checks that `history` describes `data`: a fit of data of as many columns and samples.
    ///
    /// - Throws: ``RenderError/historyDimension(history:data:)``;
    ///   ``RenderError/historySamples(history:data:)`` when the history was fitted on another
    ///   number of samples than the data has (another data set, or a part of it). A builder
    ///   itself draws a history on any data of its dimension, a sample of the fitted data say;
    ///   this is the check for a history read back with the data it claims to describe.
    public static func check(_ history: FitHistory, describes data: Dataset) throws {
        try checkDimension(history, data)
        guard history.samples == data.count else {
            throw RenderError.historySamples(history: history.samples, data: data.count)
        }
    }

    private static func checkDimension(_ history: FitHistory, _ data: Dataset) throws {
        guard history.dimensions == data.dimension else {
            throw RenderError.historyDimension(history: history.dimensions, data: data.dimension)
        }
    }

    /// - Throws: ``RenderError`` when the options are invalid for the data or the history does
    ///   not describe this data (dimension or component counts disagree).
    public init(history: FitHistory, data: Dataset, options: RenderOptions) throws {
        try options.validate(dimension: data.dimension)
        try options.validatePins(points: data.count)
        try Self.checkDimension(history, data)
        for snapshot in history.snapshots {
            let p = snapshot.parameters
            guard p.components == history.components, p.means.count == p.components, p.covariances.count == p.components,
                  p.means.allSatisfy({ $0.count == data.dimension }),
                  p.covariances.allSatisfy({ $0.count == data.dimension && $0.allSatisfy { $0.count == data.dimension } }) else {
                throw RenderError.invalidScene("snapshot \(snapshot.iteration) does not hold \(history.components) components of dimension \(data.dimension) (weights K, means K × D, covariances K × D × D)")
            }
        }
        let names = Self.columnNames(data)
        let projection: Projection
        switch options.view {
        case .plane:
            projection = Projection(axes: options.axes)
            axisLabels = Scene.AxisLabels(x: names[options.axes.x], y: names[options.axes.y])
        case .pca:
            let pca = try PrincipalAxes(data: data)
            projection = Projection(rows: pca.axes, center: pca.center)
            func title(_ i: Int) -> String {
                "principal axis \(i + 1) (\(Ticks.formatted(100 * pca.varianceShares[i], decimals: 1)) % of variance)"
            }
            axisLabels = Scene.AxisLabels(x: title(0), y: title(1))
        case let .line(column):
            var unit = [Double](repeating: 0, count: data.dimension)
            unit[column] = 1
            projection = Projection(rows: [unit, [Double](repeating: 0, count: data.dimension)],
                                    center: [Double](repeating: 0, count: data.dimension))
            axisLabels = Scene.AxisLabels(x: names[column], y: "density")
        case let .pairs(columns):
            projection = Projection(axes: RenderOptions.Axes(x: columns[0], y: columns[1]))
            axisLabels = Scene.AxisLabels(x: names[columns[0]], y: names[columns[1]])
        }
        self.history = history
        self.data = data
        self.options = options
        self.projection = projection
        points = PointCloud(data: data, projection: projection)
        meanPaths = (0 ..< history.components).map { k in
            history.snapshots.map { projection.mean($0.parameters.means[k]) }
        }
        views = try FixedViewParts(history: history, data: data, options: options, names: names)
        pointsOutside = options.windowCoverage(of: data)?.outside ?? 0
        precision = Self.precision(options: options, points: points, view: views.view(index: 0, parameters: history.snapshots[0].parameters, interpolated: false))
    }

    /// How finely frames of `options` draw: pixels per data unit along each drawn coordinate,
    /// from the layout the frames will have. A view drawn in a part of the plot (a curve
    /// panel, a cell of the matrix) is measured on the whole plot's width or a whole cell, so
    /// a change never counts as smaller than it is drawn.
    static func precision(options: RenderOptions, points: PointCloud, view: SceneView) -> DisplayPrecision {
        let sigma = options.sigmas.max() ?? 2
        guard let skeleton = try? Scene(points: points, responsibilities: [], components: []),
              let layout = try? FrameLayout(options: options, scene: skeleton) else {
            return DisplayPrecision(pixelsPerUnit: [.infinity, .infinity], sigma: sigma)
        }
        let plot = layout.plot
        switch view {
        case .plane, .comparison, .starts:
            return DisplayPrecision(pixelsPerUnit: [layout.transform.sx, layout.transform.sy], sigma: sigma)
        case let .line(line):
            return DisplayPrecision(pixelsPerUnit: [plot.width / (line.xmax - line.xmin)], sigma: sigma)
        case let .matrix(m):
            let cell = FrameDrawer.cell(row: 0, column: 0, of: m.diagonal.count, in: plot)
            return DisplayPrecision(pixelsPerUnit: m.diagonal.map { max(cell.width, cell.height) / ($0.xmax - $0.xmin) }, sigma: sigma)
        }
    }

    /// Column names from the CSV header, or x₁, x₂, … where there is none.
    static func columnNames(_ data: Dataset) -> [String] {
        (0 ..< data.dimension).map { column in
            if let names = data.columnNames, column < names.count, !names[column].isEmpty { return names[column] }
            let subscripts = Array("₀₁₂₃₄₅₆₇₈₉")
            return "x" + String(String(column + 1).compactMap { $0.wholeNumberValue.map { subscripts[$0] } })
        }
    }

    /// n + 1: the number of snapshots, hence of plain frames.
    public var snapshotCount: Int { history.snapshots.count }

    /// The scene of snapshot `index`: its parameters, and the responsibilities of the data under
    /// them (the E-step that the next iteration would start with).
    public func scene(at index: Int) throws -> Scene {
        try checkIndex(index)
        var scene = try defersResponsibilities
            ? deferredScene(index: index, parameters: history.snapshots[index].parameters, colouring: deferred(index))
            : scene(at: index, responsibilities: responsibilities(at: index))
        scene.note = iterationNote(at: index)
        return scene
    }

    /// The scene of snapshot `index` with responsibilities supplied by the caller (N × K,
    /// row-major) — e.g. those of snapshot `index + 1`'s E-step for an "after E-step" frame.
    public func scene(at index: Int, responsibilities: [Double], caption: String? = nil) throws -> Scene {
        try checkIndex(index)
        return try scene(index: index, parameters: history.snapshots[index].parameters,
                         responsibilities: responsibilities, caption: caption)
    }

    /// A scene at snapshot `index`'s place in the timeline (trail, header, inset) showing any
    /// parameters — e.g. an interpolation between two snapshots, with `progress` between their
    /// iterations.
    public func scene(at index: Int, parameters: MixtureParameters, responsibilities: [Double],
                      caption: String? = nil, progress: Double? = nil) throws -> Scene {
        try checkIndex(index)
        guard parameters.components == history.components, parameters.dimension == data.dimension else {
            throw RenderError.invalidScene("parameters of \(parameters.components) components in \(parameters.dimension) dimensions for a fit of \(history.components) in \(data.dimension)")
        }
        return try scene(index: index, parameters: parameters,
                         responsibilities: responsibilities, caption: caption, progress: progress)
    }

    /// A frame between snapshots `a` and `b`: `parameters` (an interpolation of the two) are
    /// drawn, with `responsibilities` colouring the points, but every number the frame prints —
    /// iteration, log-likelihood, weights, the inset's curve — is that of a real snapshot: `a`
    /// while `fraction` < ½ (the iteration being left), `b` from ½ on (the one being reached).
    /// The trails run through snapshot `a` and end at the drawn means.
    public func tweenScene(from a: Int, to b: Int, fraction: Double, parameters: MixtureParameters,
                           responsibilities: [Double]) throws -> Scene {
        try tween(from: a, to: b, fraction: fraction, parameters: parameters) { index in
            try scene(index: index, parameters: parameters, responsibilities: responsibilities, caption: nil)
        }
    }

    /// The frame between snapshots `a` and `b` as above, its points coloured by `colouring` as
    /// the frame is drawn.
    func tweenScene(from a: Int, to b: Int, fraction: Double, parameters: MixtureParameters,
                    colouring: DeferredResponsibilities) throws -> Scene {
        try tween(from: a, to: b, fraction: fraction, parameters: parameters) { index in
            try deferredScene(index: index, parameters: parameters, colouring: colouring)
        }
    }

    private func tween(from a: Int, to b: Int, fraction: Double, parameters: MixtureParameters,
                       base: (Int) throws -> Scene) throws -> Scene {
        try checkIndex(a)
        try checkIndex(b)
        guard parameters.components == history.components, parameters.dimension == data.dimension else {
            throw RenderError.invalidScene("parameters of \(parameters.components) components in \(parameters.dimension) dimensions for a fit of \(history.components) in \(data.dimension)")
        }
        let reported = fraction < 0.5 ? a : b
        let components = projection.components(parameters)
        var scene = try base(reported)
        scene.trails = meanPaths.indices.map { k in Array(meanPaths[k][0 ... a]) + [components[k].mean] }
        scene.view = views.view(index: a, parameters: parameters, interpolated: true)
        scene.displayedWeights = history.snapshots[reported].parameters.weights
        scene.note = nil
        scene.banner = nil
        scene.stage = .tween(from: a, to: b, fraction: fraction)
        return scene
    }

    /// The largest distance, in data units of the drawn axes, that a mean moved between two
    /// snapshots.
    public func maximumMeanMove(from a: Int, to b: Int) -> Double {
        meanPaths.map { path in
            let p = path[a], q = path[b]
            return ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
        }.max() ?? 0
    }

    /// K projected components of `parameters`.
    public func components(of parameters: MixtureParameters) -> [SceneComponent] {
        projection.components(parameters)
    }

    /// Whether this builder's scenes leave the points' responsibilities to be computed as the
    /// frame is drawn (``DeferredResponsibilities``): when the points become a density image
    /// on a single plot, where each point's responsibilities are read once, into its pixel.
    /// The pairs and 1-D views and the side-by-side panels keep them stored.
    public var defersResponsibilities: Bool {
        guard options.showPoints, FrameDrawer.drawsDensity(options: options, count: data.count),
              comparison == nil, starts.isEmpty else { return false }
        switch options.view {
        case .plane, .pca: return true
        case .line, .pairs: return false
        }
    }

    /// The scene of snapshot `index`'s place in the timeline showing `parameters`, its points
    /// coloured as `colouring` computes when drawn (or not assigned yet, without it).
    func deferredScene(index: Int, parameters: MixtureParameters, colouring: DeferredResponsibilities?,
                       progress: Double? = nil) throws -> Scene {
        try scene(index: index, parameters: parameters, responsibilities: [], caption: nil, progress: progress,
                  deferred: colouring, assigned: colouring != nil)
    }

    private func scene(index: Int, parameters: MixtureParameters, responsibilities: [Double],
                       caption: String?, progress: Double? = nil,
                       deferred: DeferredResponsibilities? = nil, assigned: Bool = true) throws -> Scene {
        let components = projection.components(parameters)
        let snapshot = history.snapshots[index]
        var trails = meanPaths.map { Array($0[0 ... index]) }
        if progress != nil {
            // An interpolated frame: the trail ends where the drawn mean is.
            for k in trails.indices { trails[k].append(components[k].mean) }
        }
        var scene = try Scene(points: points, responsibilities: responsibilities, deferredResponsibilities: deferred,
                              components: components,
                              trails: trails, iteration: snapshot.iteration, iterationCount: history.iterations,
                              logLikelihood: snapshot.logLikelihood,
                              logLikelihoods: history.snapshots.map(\.logLikelihood),
                              converged: history.converged && index == history.snapshots.count - 1,
                              caption: caption, axisLabels: axisLabels, progress: progress, pointsAssigned: assigned)
        scene.view = views.view(index: index, parameters: parameters, interpolated: progress != nil)
        scene.pointsOutsideWindow = pointsOutside
        markStarved(&scene, index: index)
        if index == history.snapshots.count - 1 { scene.banner = options.finalBanner }
        return scene
    }

    func checkIndex(_ index: Int) throws {
        guard history.snapshots.indices.contains(index) else {
            throw RenderError.invalidScene("snapshot \(index) does not exist; the history holds snapshots 0…\(history.snapshots.count - 1)")
        }
    }
}

extension Scene {
    /// The scene of one snapshot of a fit. To render many snapshots, make one ``SceneBuilder``
    /// and call ``SceneBuilder/scene(at:)`` so the data is projected once.
    public init(history: FitHistory, data: Dataset, snapshotIndex: Int, options: RenderOptions) throws {
        self = try SceneBuilder(history: history, data: data, options: options).scene(at: snapshotIndex)
    }
}
