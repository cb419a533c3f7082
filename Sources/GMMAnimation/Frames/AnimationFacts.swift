import GMM
import GMMRender

/// What stays the same over a whole animation, given to every output once, at its start.
///
/// Besides the facts, an output that must see frames before it can write the first one (a GIF
/// builds one palette for all frames from a few of them) may draw chosen frames ahead with
/// ``frame(_:contents:)``: the same values it will receive again, in order, later.
public struct AnimationFacts: Sendable {
    /// The frames, in order, with their delays; `timeline.frames.count` frames reach each output.
    public let timeline: Timeline
    /// Every frame's logical size and scale.
    public let size: FrameSize
    /// The animation's title (empty for none).
    public let title: String
    /// The fit the animation shows, for the outputs that embed its numbers.
    public let history: FitHistory
    /// N, the number of data points drawn.
    public let pointCount: Int
    /// Whether the points are drawn as discs (not hidden, and not a density image).
    public let drawsPointDiscs: Bool
    /// The names of the drawn axes.
    public let axisLabels: Scene.AxisLabels
    /// K component colours, `0x00RRGGBB`, as the frames draw them.
    public let componentColors: [UInt32]
    /// Every exact colour a frame can paint (theme and components); blends come on top.
    public let exactColors: [UInt32]
    /// The threads frames are produced on; an output may use them in its own parallel stage.
    public let workers: Workers
    let source: FrameSource

    /// The number of frames each output receives.
    public var frameCount: Int { timeline.frames.count }

    /// Frame `index` with the parts `contents` asks for, drawn now: equal to the frame the
    /// output receives later in order (in the parts both carry).
    public func frame(_ index: Int, contents: FrameContents) throws -> AnimationFrame {
        try source.frame(index, contents: contents)
    }
}
