import GMM
import GMMRender

/// What an animation of a fit shows, frame by frame, and for how long.
///
/// A pure function of the history's length, its log-likelihoods and the options, so frame
/// counts and delays are testable without drawing anything. Delays are in hundredths of a
/// second, the GIF unit. Every output of an animation — the GIF, the PDF deck, the HTML player —
/// follows the same timeline.
public struct Timeline: Sendable, Equatable {
    /// How each EM iteration is shown.
    public enum Steps: String, Sendable, CaseIterable {
        /// One frame per snapshot: the model after each M-step, points coloured by the
        /// responsibilities it gives.
        case iterations
        /// Two frames per iteration: after the E-step (points recoloured by the new
        /// responsibilities, ellipses not yet moved), then after the M-step (ellipses moved).
        case em
    }

    /// The options of a timeline.
    public struct Options: Sendable, Equatable {
        public var steps: Steps
        /// Interpolated frames between consecutive snapshots (0 for none).
        public var tween: Int
        /// Delay of an ordinary frame, in 1/100 s: without tweens, the base that ``Timing/auto``
        /// scales for each iteration; with tweens, the tweened frames' delay.
        public var delay: Int
        /// How long the first frame stays, in 1/100 s (at least `delay`).
        public var holdFirst: Int
        /// How long the last frame stays, in 1/100 s (at least `delay`).
        public var holdLast: Int
        /// At most this many frames: iterations are sampled evenly, keeping the first and last.
        public var maxFrames: Int?
        /// Whether each iteration's frames last the same time or a time that follows how much
        /// the step changed; see ``Timing``.
        public var timing: Timing
        /// With `tween` > 0, how long each real iteration's frame stays before the motion to the
        /// next one starts, in 1/100 s (the base that ``Timing/auto`` scales). Without tweens an
        /// iteration's frame lasts `delay` and this is unused.
        public var holdIteration: Int

        /// The hold of a real iteration between tweens when none is given: as long as an
        /// un-tweened frame lasts by default, so motion never hides where EM actually stopped.
        public static let defaultHoldIteration = 50

        /// Defaults: one frame per iteration at 0.5 s on average under ``Timing/auto`` (tweened
        /// frames at 25 per second, each real iteration held 0.5 s), the initial model held 1 s
        /// and the final one 2 s.
        public init(steps: Steps = .iterations, tween: Int = 0, delay: Int? = nil, holdFirst: Int = 100,
                    holdLast: Int = 200, maxFrames: Int? = nil, timing: Timing = .auto,
                    holdIteration: Int = Options.defaultHoldIteration) {
            self.steps = steps
            self.tween = tween
            self.delay = delay ?? (tween > 0 ? 4 : 50)
            self.holdFirst = holdFirst
            self.holdLast = holdLast
            self.maxFrames = maxFrames
            self.timing = timing
            self.holdIteration = holdIteration
        }

        /// The base delay of a frame that shows a real iteration (not a tween).
        var stepDelay: Int { tween > 0 ? holdIteration : delay }

        /// - Throws: ``AnimationError/outOfRange(_:value:allowed:)`` naming the first option out
        ///   of its range.
        public func validate() throws {
            try AnimationError.check(.tween, tween, in: 0 ... 1000)
            try AnimationError.check(.delay, delay, in: 1 ... 65535)
            try AnimationError.check(.holdFirst, holdFirst, in: 0 ... 65535)
            try AnimationError.check(.holdLast, holdLast, in: 0 ... 65535)
            try AnimationError.check(.holdIteration, holdIteration, in: 1 ... 65535)
            if let maxFrames { try AnimationError.check(.maxFrames, maxFrames, in: 2 ... Timeline.frameLimit) }
        }
    }

    /// What one frame shows: the moment of the fit its header names (`FrameStage`, from `GMMRender`), so the
    /// timeline, the frame and every output's label speak of one value.
    public typealias Content = FrameStage

    /// One frame of the animation.
    public struct Frame: Sendable, Equatable {
        public var content: Content
        /// How long it stays, in 1/100 s.
        public var delay: Int
    }

    /// The frames, in order.
    public let frames: [Frame]
    /// The snapshots the timeline visits (all of them unless `maxFrames` sampled them).
    public let snapshots: [Int]
    /// n, the number of iterations of the fit.
    public let iterations: Int

    /// The timeline of a fit with `iterations` M-steps (snapshots 0…iterations).
    ///
    /// A fit that converged early simply has fewer snapshots: nothing is repeated after
    /// convergence; the last frame is held for `holdLast` instead.
    ///
    /// - Parameters:
    ///   - n: the fit's iterations.
    ///   - options: the frames to make and their timing.
    ///   - logLikelihoods: the mean log-likelihood of every snapshot (n + 1 values), which
    ///     ``Timing/auto`` turns into delays. Without them, or with a value that is not finite,
    ///     every step gets the constant delay.
    public init(iterations n: Int, options: Options, logLikelihoods: [Double]? = nil) {
        let shape = Shape(iterations: n, options: options)
        let steps = zip(shape.kept, shape.kept.dropFirst()).map { ($0, $1) }
        let stepDelays = Self.stepDelays(steps: steps, options: options, logLikelihoods: logLikelihoods)
        var frames = [Frame]()
        func add(_ c: Content, _ delay: Int) { frames.append(Frame(content: c, delay: delay)) }
        if options.steps == .em { add(.initial, options.delay) }
        if shape.showsSnapshotZero { add(.snapshot(0), options.delay) }
        for ((a, b), stepDelay) in zip(steps, stepDelays) {
            if options.steps == .em {
                add(.eStep(a + 1), stepDelay)
            }
            if options.tween > 0 {
                for j in 1 ... options.tween {
                    add(.tween(from: a, to: b, fraction: Self.ease(Double(j) / Double(options.tween + 1))), options.delay)
                }
            }
            add(options.steps == .em ? .mStep(b) : .snapshot(b), stepDelay)
        }
        if let first = frames.indices.first { frames[first].delay = max(options.delay, options.holdFirst) }
        if let last = frames.indices.last, frames.count > 1 { frames[last].delay = max(frames[last].delay, options.holdLast) }
        self.frames = frames
        self.snapshots = shape.kept
        self.iterations = n
    }

    /// Which snapshots a timeline visits and how many frames it has: the one place that
    /// decides sampling, shared by the initialiser and ``frameCount(iterations:options:)``.
    private struct Shape {
        /// The snapshots visited, first and last included.
        let kept: [Int]
        /// Whether snapshot 0 has a frame of its own (in `em` mode the "initial" frame stands
        /// for it, unless the fit has no iteration at all).
        let showsSnapshotZero: Bool
        /// Frames per visited step after the first snapshot.
        let perStep: Int
        /// Frames before the first step.
        let lead: Int

        init(iterations n: Int, options: Options) {
            perStep = (options.steps == .em ? 2 : 1) + options.tween
            let initialFrame = options.steps == .em ? 1 : 0
            showsSnapshotZero = options.steps == .iterations || n == 0
            lead = initialFrame + (showsSnapshotZero ? 1 : 0)
            if let cap = options.maxFrames, 1 + initialFrame + n * perStep > cap {
                // Keep the first and last snapshots and as many evenly spaced ones between as fit.
                let steps = max(1, (cap - 1 - initialFrame) / perStep)
                kept = Timeline.sample(n: n, steps: min(steps, n))
            } else {
                kept = Array(0 ... max(0, n))
            }
        }

        var frameCount: Int { lead + (kept.count - 1) * perStep }
    }

    /// The most frames an animation may have. Rendering is bounded in memory whatever the
    /// length, but 10,000 frames is already over an hour at the default delay.
    public static let frameLimit = 10_000

    /// The number of frames `Timeline(iterations: n, options:)` would hold, computed without
    /// building it.
    public static func frameCount(iterations n: Int, options: Options) -> Int {
        Shape(iterations: n, options: options).frameCount
    }

    /// Checks that the timeline of a fit with `iterations` M-steps stays within ``frameLimit``
    /// and within ``Options/maxFrames``.
    ///
    /// - Throws: ``AnimationError/tooManyFrames(frames:iterations:limit:)``;
    ///   ``AnimationError/maxFramesTooSmall(maxFrames:needed:)`` when `maxFrames` cannot hold
    ///   even the first frame and one step with its E/M frames and tweens.
    public static func checkLength(iterations n: Int, options: Options) throws {
        let count = frameCount(iterations: n, options: options)
        if let cap = options.maxFrames, count > cap {
            throw AnimationError.maxFramesTooSmall(maxFrames: cap, needed: count)
        }
        guard count <= frameLimit else { throw AnimationError.tooManyFrames(frames: count, iterations: n, limit: frameLimit) }
    }

    /// The total running time of one loop, in 1/100 s.
    public var duration: Int { frames.reduce(0) { $0 + $1.delay } }

    /// Smoothstep easing: slow at both ends, so motion starts and settles gently.
    public static func ease(_ t: Double) -> Double { t * t * (3 - 2 * t) }

    /// `steps + 1` snapshot indices from 0 to n, evenly spaced, first and last included.
    static func sample(n: Int, steps: Int) -> [Int] {
        guard steps > 0 else { return [0, n] }
        var out = [Int]()
        for i in 0 ... steps {
            let v = Int((Double(i) * Double(n) / Double(steps)).rounded())
            if out.last != v { out.append(v) }
        }
        return out
    }
}
