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
    /// `responsibilities[i*K ..< (i+1)*K]`); empty before the first E-step. A frame of many
    /// points drawn as a density image computes them only when this is read.
    public var responsibilities: [Double] {
        if let deferred, let all = try? deferred.block(0 ..< deferred.data.count) { return all }
        return stored
    }
    private let stored: [Double]
    private let deferred: DeferredResponsibilities?
    /// The drawn frame: size, and the parts asked for.
    public let rendered: RenderedFrame

    public init(index: Int, entry: Timeline.Frame, logLikelihood: Double?, responsibilities: [Double],
                rendered: RenderedFrame) {
        self.index = index
        self.entry = entry
        self.logLikelihood = logLikelihood
        stored = responsibilities
        deferred = nil
        self.rendered = rendered
    }

    /// A frame whose responsibilities are those of `scene`: stored, or computed when read.
    init(index: Int, entry: Timeline.Frame, scene: Scene, rendered: RenderedFrame) {
        self.index = index
        self.entry = entry
        logLikelihood = scene.logLikelihood
        stored = scene.responsibilities
        deferred = scene.responsibilities.isEmpty ? scene.deferredResponsibilities : nil
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
