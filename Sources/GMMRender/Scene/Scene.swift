/// Everything drawn on one frame, in data units, already projected onto the two drawn axes.
///
/// Built from a fit by ``SceneBuilder`` or from parts with ``init(points:responsibilities:components:trails:iteration:iterationCount:logLikelihood:logLikelihoods:converged:caption:axisLabels:progress:pointsAssigned:responsibilityChange:ghostComponents:displayedWeights:note:)``.
/// Responsibilities and components are independent, so a frame may show the responsibilities of
/// a new E-step over the ellipses of the old M-step, or an interpolation between two snapshots.
public struct Scene: Sendable, Equatable {
    /// N points in data units (the two drawn columns).
    public var points: PointCloud
    /// N × K responsibilities, row-major: point i's row is `responsibilities[i*K ..< (i+1)*K]`;
    /// empty when the points are not assigned yet, or when ``deferredResponsibilities``
    /// computes them as the frame is drawn.
    public var responsibilities: [Double]
    /// The responsibilities computed block by block when the frame is drawn, for a density
    /// image of many points (``DeferredResponsibilities``), or `nil` when ``responsibilities``
    /// holds them.
    public var deferredResponsibilities: DeferredResponsibilities?
    /// K components: weight, projected mean and projected covariance.
    public var components: [SceneComponent]
    /// K trails (or none): the projected means of snapshots 0…i, oldest first.
    public var trails: [[Point2]]
    /// The iteration shown, 0 for the initial model.
    public var iteration: Int
    /// n, the number of iterations of the whole fit.
    public var iterationCount: Int
    /// The mean log-likelihood shown in the header, if known.
    public var logLikelihood: Double?
    /// The mean log-likelihood of every snapshot of the fit, index = iteration (the whole curve;
    /// the inset draws the part after ``progress`` faintly so its axes stay fixed over an animation).
    public var logLikelihoods: [Double]
    /// Whether the header shows the converged mark.
    public var converged: Bool
    /// A label of the caller's, shown at the start of the header before the frame's name
    /// (``stageLabel``); nil for none.
    public var caption: String?
    /// Names of the horizontal and vertical axes.
    public var axisLabels: AxisLabels
    /// Position on the inset's iteration axis: `iteration`, or between two for tweened frames.
    public var progress: Double
    /// Whether the responsibilities are a real E-step's. False before the first E-step: every
    /// point is then drawn in neutral grey, belonging to no component yet.
    public var pointsAssigned: Bool
    /// N values or none: for each point the largest change of any of its responsibilities since
    /// the previous E-step, max over k of |rᵢₖ − r′ᵢₖ|. Points whose change exceeds
    /// ``changeThreshold`` are ringed (see ``markedPoints``).
    public var responsibilityChange: [Double]
    /// K components or none: the model before this frame's M-step, drawn as faint ghost
    /// ellipses with an arrow from each old mean to the new one.
    public var ghostComponents: [SceneComponent]
    /// K weights printed in the legend: those of a real snapshot, even when ``components`` are
    /// interpolated between two.
    public var displayedWeights: [Double]
    /// A one-line plain-language account of what the step shown did and which quantities
    /// changed, drawn under the header.
    public var note: String?
    /// The moment of the fit shown, named in the header by ``FrameStage/label(iterations:)``;
    /// nil for the plain snapshot ``iteration``.
    public var stage: FrameStage?

    /// K values or none: Nₖ = N·πₖ, how many points each component effectively holds, for
    /// the weights of ``displayedWeights``' snapshot.
    public var effectiveCounts: [Double] = []
    /// The components whose Nₖ is below ``starvationThreshold(dimension:)``, in increasing
    /// order: each is flagged on the frame and in the header.
    public var starved: [Int] = []
    /// A notice drawn across the plot (the reason a fit stopped at this frame), or nil.
    public var banner: FrameBanner?

    /// The effective count below which a component is flagged as starved: D + 3 points in D
    /// dimensions. A covariance estimated from Nₖ points has ν = Nₖ − 1 degrees of freedom: below
    /// D + 1 points it is singular (held up only by the regulariser, drawn as a needle), and
    /// until ν > D + 1 its inverse, which the density uses, has no finite expected value (the
    /// inverse Wishart mean Σ⁻¹·ν/(ν − D − 1)): such a component's shape is noise, not data.
    /// 5 points in the plane, 7 for the four columns of Iris.
    public static func starvationThreshold(dimension: Int) -> Double { Double(dimension + 3) }

    /// The change of responsibility above which a point is ringed as having changed its mind:
    /// 0.1, a tenth of the point's membership. A smaller change moves its colour by about one
    /// just-noticeable difference or less, so ringing it would flag points whose colour did not
    /// visibly change; a larger one would hide the gradual re-assignments of EM's middle
    /// iterations.
    public static let changeThreshold = 0.1

    /// The indices of the points ringed in this frame: those whose responsibilities changed by
    /// more than ``changeThreshold``, in increasing order.
    public var markedPoints: [Int] {
        responsibilityChange.indices.filter { responsibilityChange[$0] > Self.changeThreshold }
    }
    /// How many of the points lie outside a fixed data window, so the frame can say that the
    /// picture leaves them out (0 when the window fits the data).
    public var pointsOutsideWindow: Int = 0
    /// The header's name of the frame: ``stage``'s label in a fit of ``iterationCount``
    /// iterations, in runs.
    public var stageLabel: [FrameStage.Piece] {
        (stage ?? .snapshot(iteration)).pieces(iterations: iterationCount)
    }

    /// What the plot area shows beyond the projected points and components: nothing more for
    /// the 2-D plane, one column's densities, or a scatter-plot matrix.
    public var view: SceneView = .plane

    /// K, the number of components.
    public var componentCount: Int { components.count }

    /// Creates a scene from parts.
    ///
    /// - Throws: ``RenderError/invalidScene(_:)`` when the shapes disagree: responsibilities
    ///   must hold N × K values and trails must be empty or K long.
    public init(points: [Point2], responsibilities: [Double], components: [SceneComponent],
                trails: [[Point2]] = [], iteration: Int = 0, iterationCount: Int = 0,
                logLikelihood: Double? = nil, logLikelihoods: [Double] = [], converged: Bool = false,
                caption: String? = nil, axisLabels: AxisLabels = AxisLabels(x: "x₁", y: "x₂"),
                progress: Double? = nil, pointsAssigned: Bool = true, responsibilityChange: [Double] = [],
                ghostComponents: [SceneComponent] = [], displayedWeights: [Double]? = nil,
                note: String? = nil) throws {
        try self.init(points: PointCloud(points), responsibilities: responsibilities, components: components,
                      trails: trails, iteration: iteration, iterationCount: iterationCount,
                      logLikelihood: logLikelihood, logLikelihoods: logLikelihoods, converged: converged,
                      caption: caption, axisLabels: axisLabels, progress: progress, pointsAssigned: pointsAssigned,
                      responsibilityChange: responsibilityChange, ghostComponents: ghostComponents,
                      displayedWeights: displayedWeights, note: note)
    }

    /// Creates a scene from parts, with the points as a ``PointCloud`` and, for a density image
    /// of many points, responsibilities computed when drawn: `responsibilities` is then empty.
    ///
    /// - Throws: ``RenderError/invalidScene(_:)`` when the shapes disagree, as above.
    public init(points: PointCloud, responsibilities: [Double], deferredResponsibilities: DeferredResponsibilities? = nil,
                components: [SceneComponent],
                trails: [[Point2]] = [], iteration: Int = 0, iterationCount: Int = 0,
                logLikelihood: Double? = nil, logLikelihoods: [Double] = [], converged: Bool = false,
                caption: String? = nil, axisLabels: AxisLabels = AxisLabels(x: "x₁", y: "x₂"),
                progress: Double? = nil, pointsAssigned: Bool = true, responsibilityChange: [Double] = [],
                ghostComponents: [SceneComponent] = [], displayedWeights: [Double]? = nil,
                note: String? = nil) throws {
        let k = components.count
        let unstored = responsibilities.isEmpty && (deferredResponsibilities != nil || !pointsAssigned)
        guard responsibilities.count == points.count * k || (k == 0 && responsibilities.isEmpty) || unstored else {
            throw RenderError.invalidScene("\(responsibilities.count) responsibilities for \(points.count) points × \(k) components; give N × K values, row-major")
        }
        guard trails.isEmpty || trails.count == k else {
            throw RenderError.invalidScene("\(trails.count) trails for \(k) components; give one trail per component or none")
        }
        guard responsibilityChange.isEmpty || responsibilityChange.count == points.count else {
            throw RenderError.invalidScene("\(responsibilityChange.count) responsibility changes for \(points.count) points; give one per point or none")
        }
        guard ghostComponents.isEmpty || ghostComponents.count == k else {
            throw RenderError.invalidScene("\(ghostComponents.count) ghost components for \(k) components; give one per component or none")
        }
        guard displayedWeights == nil || displayedWeights?.count == k else {
            throw RenderError.invalidScene("\(displayedWeights?.count ?? 0) displayed weights for \(k) components; give one per component")
        }
        guard iteration >= 0, iterationCount >= 0 else {
            throw RenderError.invalidScene("iteration \(iteration) of \(iterationCount); both must be ≥ 0")
        }
        if let deferred = deferredResponsibilities {
            guard deferred.data.count == points.count, deferred.model.components == k else {
                throw RenderError.invalidScene("responsibilities of \(deferred.data.count) points × \(deferred.model.components) components for \(points.count) points × \(k) components")
            }
        }
        self.points = points
        self.responsibilities = responsibilities
        self.deferredResponsibilities = deferredResponsibilities
        self.components = components
        self.trails = trails
        self.iteration = iteration
        self.iterationCount = iterationCount
        self.logLikelihood = logLikelihood
        self.logLikelihoods = logLikelihoods
        self.converged = converged
        self.caption = caption
        self.axisLabels = axisLabels
        self.progress = progress ?? Double(iteration)
        self.pointsAssigned = pointsAssigned
        self.responsibilityChange = responsibilityChange
        self.ghostComponents = ghostComponents
        self.displayedWeights = displayedWeights ?? components.map(\.weight)
        self.note = note
    }
}

extension Scene {
    /// The names written under the horizontal axis and beside the vertical one.
    public struct AxisLabels: Sendable, Hashable {
        public var x: String
        public var y: String

        public init(x: String, y: String) {
            self.x = x
            self.y = y
        }
    }
}

/// One mixture component as drawn: its weight, and its mean and covariance projected onto the
/// two drawn axes (the marginal of a Gaussian is the matching sub-vector and sub-matrix).
public struct SceneComponent: Sendable, Hashable {
    /// Mixing weight πₖ in [0, 1].
    public var weight: Double
    /// Mean in data units.
    public var mean: Point2
    /// Covariance in data units squared.
    public var covariance: Covariance2

    public init(weight: Double, mean: Point2, covariance: Covariance2) {
        self.weight = weight
        self.mean = mean
        self.covariance = covariance
    }
}
