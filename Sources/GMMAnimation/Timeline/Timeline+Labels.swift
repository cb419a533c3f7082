import GMMRender

extension FrameStage {
    /// Whether the frame shows a real state of the fit (a snapshot, an E-step or an M-step)
    /// rather than an interpolation between two.
    public var isKeyFrame: Bool {
        if case .tween = self { return false }
        return true
    }
}

extension Timeline {
    /// The name of what `content` shows, "iteration 3 of 18 · E-step": the words its frame's
    /// header draws (`FrameStage/label(iterations:)`), used for the PDF deck's page labels
    /// and the HTML player's readout.
    public func label(_ content: Content) -> String {
        content.label(iterations: iterations)
    }
}
