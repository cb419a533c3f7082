import GMM

/// What an animation of a fit shows, frame by frame, and for how long.
///
/// A pure function of the history's length, its convergence and the options, so frame counts
/// and delays are testable without drawing anything. Delays are in hundredths of a second, the
/// GIF unit.
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
        /// Delay of an ordinary frame, in 1/100 s.
        public var delay: Int
        /// How long the first frame stays, in 1/100 s (at least `delay`).
        public var holdFirst: Int
        /// How long the last frame stays, in 1/100 s (at least `delay`).
        public var holdLast: Int
        /// At most this many frames: iterations are sampled evenly, keeping the first and last.
        public var maxFrames: Int?

        /// Defaults: one frame per iteration at 0.5 s (tweened frames at 25 per second), the
        /// initial model held 1 s and the final one 2 s.
        public init(steps: Steps = .iterations, tween: Int = 0, delay: Int? = nil, holdFirst: Int = 100,
                    holdLast: Int = 200, maxFrames: Int? = nil) {
            self.steps = steps
            self.tween = tween
            self.delay = delay ?? (tween > 0 ? 4 : 50)
            self.holdFirst = holdFirst
            self.holdLast = holdLast
            self.maxFrames = maxFrames
        }

        /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` for out-of-range values.
        public func validate() throws {
            guard tween >= 0, tween <= 1000 else {
                throw RenderError.invalidOption(.tween, value: "\(tween)", fix: "give 0 to 1000 interpolated frames")
            }
            guard delay >= 1, delay <= 65535 else {
                throw RenderError.invalidOption(.delay, value: "\(delay)", fix: "give a delay of 1 to 65535 hundredths of a second")
            }
            for (parameter, v) in [(RenderParameter.holdFirst, holdFirst), (.holdLast, holdLast)] where !(0 ... 65535).contains(v) {
                throw RenderError.invalidOption(parameter, value: "\(v)", fix: "give 0 to 65535 hundredths of a second")
            }
            if let maxFrames, maxFrames < 2 || maxFrames > Timeline.frameLimit {
                throw RenderError.invalidOption(.maxFrames, value: "\(maxFrames)",
                                                fix: "allow at least 2 frames (the first and the last) and at most \(Timeline.frameLimit)")
            }
        }
    }

    /// What one frame shows.
    public enum Content: Sendable, Equatable {
        /// Snapshot `i` as it is, points coloured by its own responsibilities.
        case snapshot(Int)
        /// The initial model before any E-step: points not yet assigned (`--steps em`).
        case initial
        /// Iteration `i`'s E-step: snapshot i − 1's ellipses, points coloured by the
        /// responsibilities under snapshot i − 1.
        case eStep(Int)
        /// Iteration `i`'s M-step: snapshot i's ellipses, points still coloured by the E-step's
        /// responsibilities (under snapshot i − 1).
        case mStep(Int)
        /// Between snapshots `from` and `to` at eased fraction `fraction` ∈ (0, 1).
        case tween(from: Int, to: Int, fraction: Double)
    }

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

    /// The timeline of a fit with `iterations` M-steps (snapshots 0…iterations).
    ///
    /// A fit that converged early simply has fewer snapshots: nothing is repeated after
    /// convergence; the last frame is held for `holdLast` instead.
    public init(iterations n: Int, options: Options) {
        let perStep: Int
        switch options.steps {
        case .iterations: perStep = 1 + options.tween
        case .em: perStep = 2 + options.tween
        }
        let lead = options.steps == .em ? 1 : 0  // the "initial" frame before snapshot 0's E-step
        var kept = Array(0 ... n)
        if let cap = options.maxFrames, 1 + lead + n * perStep > cap {
            // Keep the first and last snapshots and as many evenly spaced ones between as fit.
            let steps = max(1, (cap - 1 - lead) / perStep)
            kept = Self.sample(n: n, steps: min(steps, n))
        }
        var frames = [Frame]()
        func add(_ c: Content) { frames.append(Frame(content: c, delay: options.delay)) }
        if options.steps == .em { add(.initial) }
        if options.steps == .iterations || n == 0 { add(.snapshot(0)) }
        for (a, b) in zip(kept, kept.dropFirst()) {
            if options.steps == .em {
                add(.eStep(a + 1))
            }
            if options.tween > 0 {
                for j in 1 ... options.tween {
                    add(.tween(from: a, to: b, fraction: Self.ease(Double(j) / Double(options.tween + 1))))
                }
            }
            add(options.steps == .em ? .mStep(b) : .snapshot(b))
        }
        if let first = frames.indices.first { frames[first].delay = max(options.delay, options.holdFirst) }
        if let last = frames.indices.last, frames.count > 1 { frames[last].delay = max(options.delay, options.holdLast) }
        self.frames = frames
        self.snapshots = kept
    }

    /// The most frames an animation may have. Rendering is bounded in memory whatever the
    /// length, but 10,000 frames is already over an hour at the default delay.
    public static let frameLimit = 10_000

    /// The number of frames `Timeline(iterations: n, options:)` would hold, computed without
    /// building it.
    public static func frameCount(iterations n: Int, options: Options) -> Int {
        let perStep = (options.steps == .em ? 2 : 1) + options.tween
        let lead = options.steps == .em ? 1 : 0
        let first = lead + (options.steps == .iterations || n == 0 ? 1 : 0)
        // The same test and sampling as the initialiser's.
        guard let cap = options.maxFrames, 1 + lead + n * perStep > cap else { return first + n * perStep }
        let steps = min(max(1, (cap - 1 - lead) / perStep), n)
        return first + (sample(n: n, steps: steps).count - 1) * perStep
    }

    /// Checks that the timeline of a fit with `iterations` M-steps stays within ``frameLimit``.
    ///
    /// - Throws: ``RenderError/tooManyFrames(frames:iterations:maximum:)``.
    public static func checkLength(iterations n: Int, options: Options) throws {
        let count = frameCount(iterations: n, options: options)
        guard count <= frameLimit else {
            throw RenderError.tooManyFrames(frames: count, iterations: n, maximum: frameLimit)
        }
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
