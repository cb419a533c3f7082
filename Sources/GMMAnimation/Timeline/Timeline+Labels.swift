extension Timeline.Content {
    /// A short name for what the frame shows: "initial model", "iteration 5", "E-step 5",
    /// "M-step 5", or "iteration 4 → 5, 50 %" between two snapshots. Used for PDF page labels
    /// and the HTML player's readout.
    public var label: String {
        switch self {
        case .initial: return "initial model"
        case let .snapshot(i): return i == 0 ? "iteration 0 (initial model)" : "iteration \(i)"
        case let .eStep(i): return "E-step \(i)"
        case let .mStep(i): return "M-step \(i)"
        case let .tween(a, b, f): return "iteration \(a) → \(b), \(Int((f * 100).rounded())) %"
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
    public var iteration: Int {
        switch self {
        case .initial: return 0
        case let .snapshot(i), let .eStep(i), let .mStep(i): return i
        case let .tween(a, _, _): return a
        }
    }
}
