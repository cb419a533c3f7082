import ArgumentParser
import GMMAnimation
import GMMRender

extension Timeline.Steps: ExpressibleByArgument {}
extension Timeline.Timing: ExpressibleByArgument {}
extension FrameFormat: ExpressibleByArgument {}

/// What the animation shows over time and how the GIF is encoded.
struct AnimationOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "iterations: one frame per EM iteration; em: two per iteration, after the E-step and after the M-step.")
    var steps: Timeline.Steps = .iterations

    @Option(name: .long, parsing: .unconditional, help: "Interpolated frames between consecutive iterations, for smooth motion. (default: 0)", transform: Numbers.whole)
    var tween: Int = 0

    @Option(name: .long, parsing: .unconditional, help: "Frames per second (instead of --delay).", transform: Numbers.decimal)
    var fps: Double?

    @Option(name: .long, parsing: .unconditional, help: "Delay of each frame in 1/100 s (default 50, or 4 with --tween); under --timing auto each iteration gets 0.5× to 3× of it.", transform: Numbers.whole)
    var delay: Int?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "auto: each iteration lasts longer the more its step raised the log-likelihood, from 0.5× to 3× the delay (delay × (0.5 + 2.5·√(gain / largest gain))), so the big first steps get time and the tail runs fast; constant: every iteration lasts the delay.",
        valueName: "auto|constant"))
    var timing: Timeline.Timing = .auto

    @Option(name: .customLong("hold-iteration"), parsing: .unconditional, help: "With --tween, how long each real iteration is held before moving on, in 1/100 s (default 50; scaled like the delay under --timing auto).", transform: Numbers.whole)
    var holdIteration: Int?

    @Option(name: .customLong("hold-first"), parsing: .unconditional, help: "How long the first frame stays, in 1/100 s. (default: 100)", transform: Numbers.whole)
    var holdFirst: Int = 100

    @Option(name: .customLong("hold-last"), parsing: .unconditional, help: "How long the last frame stays, in 1/100 s. (default: 200)", transform: Numbers.whole)
    var holdLast: Int = 200

    @Option(name: .customLong("max-frames"), parsing: .unconditional, help: "At most this many frames: iterations are sampled evenly, first and last kept.", transform: Numbers.whole)
    var maxFrames: Int?

    @Option(name: .long, parsing: .unconditional, help: "How many times the GIF plays; 0 loops forever. (default: 0)", transform: Numbers.whole)
    var loop: Int = 0

    @Flag(name: .long, help: "Ordered dithering for colours outside the GIF palette (off by default: it crawls between frames and inflates files).")
    var dither = false

    func validate() throws {
        if fps != nil, delay != nil { throw ValidationError("give either --fps or --delay, not both") }
        // Below 100/65535 fps a frame would outlast the longest GIF delay (and 100/fps would
        // not fit an Int for a tiny fps).
        if let fps, !(fps >= 100.0 / 65535 && fps <= 50) {
            throw ValidationError("--fps must be at least 0.0016 and at most 50 (GIF delays are 1 to 65535 hundredths of a second), got \(fps)")
        }
        if holdIteration != nil, tween == 0 {
            throw ValidationError("--hold-iteration holds real iterations between tweened frames; add --tween N, or set --delay for un-tweened frames")
        }
        try ErrorMessages.validating { try timelineOptions().validate() }
    }

    /// How the GIF is encoded.
    var gifOptions: GIFOutput.Options { GIFOutput.Options(loopCount: loop, dithered: dither) }

    func timelineOptions() -> Timeline.Options {
        let base = delay ?? fps.map { max(1, Int((100 / $0).rounded())) }
        return Timeline.Options(steps: steps, tween: tween, delay: base, holdFirst: holdFirst, holdLast: holdLast,
                                maxFrames: maxFrames, timing: timing,
                                holdIteration: holdIteration ?? Timeline.Options.defaultHoldIteration)
    }
}
