import GMMRender

extension Timeline.Content {
    /// The moment of the fit the frame shows, as the frame's header names it.
    public var stage: FrameStage {
        switch self {
        case .initial: return .initial
        case let .snapshot(i): return .snapshot(i)
        case let .eStep(i): return .eStep(i)
        case let .mStep(i): return .mStep(i)
        case let .tween(a, b, f): return .tween(from: a, to: b, fraction: f)
        }
    }

    /// Whether the frame shows a real state of the fit (a snapshot, an E-step or an M-step)
    /// rather than an interpolation between two.
    public var isKeyFrame: Bool {
        if case .tween = self { return false }
        return true
    }

    /// The iteration the frame belongs to: the snapshot shown, the iteration whose E- or M-step
    /// it is, or the snapshot a tween starts from.
    public var iteration: Int { stage.iteration }
}

extension Timeline {
    /// The name of what `content` shows, "iteration 3 of 18 · E-step": the words its frame's
    /// header draws (`FrameStage/label(iterations:)`), used for the PDF deck's page labels
    /// and the HTML player's readout.
    public func label(_ content: Content) -> String {
        content.stage.label(iterations: iterations)
    }
}
