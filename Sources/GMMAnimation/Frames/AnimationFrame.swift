import GMMImage
import GMMRender

/// One frame of an animation as the outputs receive it: a value that describes itself.
///
/// It carries its place in the timeline, its size, what the frame says in numbers, and the
/// parts of the drawn frame that the outputs asked for (``AnimationOutput/needs``); an output
/// needs nothing else, and never the stages that made it.
public struct AnimationFrame: Sendable {
    /// The frame's place in the timeline, from 0.
    public let index: Int
    /// What the frame shows and for how long (its delay, in 1/100 s).
    public let entry: Timeline.Frame
    /// The mean log-likelihood the frame shows in its header, if known.
    public let logLikelihood: Double?
    /// The N × K responsibilities that colour the frame's points, row-major (point i's row is
    /// `responsibilities[i*K ..< (i+1)*K]`).
    public let responsibilities: [Double]
    /// The drawn frame: size, and the parts asked for.
    public let rendered: RenderedFrame

    public init(index: Int, entry: Timeline.Frame, logLikelihood: Double?, responsibilities: [Double],
                rendered: RenderedFrame) {
        self.index = index
        self.entry = entry
        self.logLikelihood = logLikelihood
        self.responsibilities = responsibilities
        self.rendered = rendered
    }

    /// The frame's logical size and scale.
    public var size: FrameSize { rendered.size }
    /// The frame's pixels (see `RGBImage` for the layout), if an output asked for them.
    public var image: RGBImage? { rendered.image }
    /// The frame as a vector drawing, if an output asked for it.
    public var vector: VectorFrame? { rendered.vector }
}

/// What the outputs of an animation ask of each frame: the parts of `RenderedFrame` they read.
public typealias FrameContents = RenderedFrame.Contents
