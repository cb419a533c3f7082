import GMM
import GMMRender

extension SceneBuilder {
    /// The scene of one timeline frame.
    ///
    /// Responsibilities are recomputed from the snapshots and the data (a few milliseconds even
    /// for 100,000 points), so frames can be built independently and in parallel. An
    /// ``Animation`` builds its frames through a `ResponsibilityCache` instead, so that each
    /// snapshot's responsibilities are computed once however many frames show them.
    public func scene(for content: Timeline.Content) throws -> Scene {
        try scene(for: content) { try responsibilities(at: $0) }
    }

    /// The scene of one timeline frame, taking the N × K responsibilities under snapshot `i`
    /// from `responsibilities(i)`.
    /// With a k-means run to compare (``SceneBuilder/comparing(_:)``) the scene holds it beside
    /// the EM, at the matching step.
    /// With runs from several starts (``SceneBuilder/showingStarts(_:)``) every frame shows
    /// them all at the content's iteration.
    func scene(for content: Timeline.Content, responsibilities: Responsibilities) throws -> Scene {
        if !starts.isEmpty { return try startsScene(content.shownIteration, responsibilities: responsibilities) }
        let scene: Scene
        switch content {
        case let .snapshot(i): scene = try snapshotScene(i, responsibilities: responsibilities)
        case .initial: scene = try initialScene()
        case let .eStep(i): scene = try eStepScene(i, responsibilities: responsibilities)
        case let .mStep(i): scene = try mStepScene(i, responsibilities: responsibilities)
        case let .tween(a, b, f): scene = try tweenScene(from: a, to: b, fraction: f, responsibilities: responsibilities)
        }
        return comparisonScene(scene)
    }
}

extension Timeline.Content {
    /// The iteration whose model the content shows: the snapshot an E-step colours by, the
    /// nearer end of a tween.
    var shownIteration: Int {
        switch self {
        case let .snapshot(i), let .mStep(i): return i
        case .initial: return 0
        case let .eStep(i): return i - 1
        case let .tween(a, b, f): return f < 0.5 ? a : b
        }
    }
}
