/// Why an animation could not be planned or produced.
///
/// Errors carry values, not command-line wording: the parameter, the value seen and the range
/// allowed. ``description`` speaks in the library's own terms; a command-line front end words
/// the same cases with its flag names.
public enum AnimationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A timing or output parameter of the animation.
    public enum Parameter: String, Sendable, CaseIterable {
        /// ``Timeline/Options/tween``: interpolated frames between snapshots.
        case tween
        /// ``Timeline/Options/delay``: an ordinary frame's delay, in 1/100 s.
        case delay
        /// ``Timeline/Options/holdFirst``, in 1/100 s.
        case holdFirst
        /// ``Timeline/Options/holdLast``, in 1/100 s.
        case holdLast
        /// ``Timeline/Options/maxFrames``.
        case maxFrames
        /// ``Timeline/Options/holdIteration``, in 1/100 s.
        case holdIteration
        /// ``GIFOutput/Options/loopCount``: how many times the GIF plays.
        case loopCount
        /// The number of worker threads.
        case threads
        /// ``VideoOutput/Options/quality``: the encoder's constant rate factor.
        case videoQuality
    }

    /// `parameter` is `value`, outside `allowed`.
    case outOfRange(Parameter, value: Int, allowed: ClosedRange<Int>)
    /// The timeline of a fit of `iterations` iterations would have `frames` frames, more than
    /// ``Timeline/frameLimit``.
    case tooManyFrames(frames: Int, iterations: Int, limit: Int)
    /// ``Timeline/Options/maxFrames`` is `maxFrames`, fewer than the `needed` frames of the
    /// shortest timeline the other options allow: the first frame and one step with its E/M
    /// frames and tweens.
    case maxFramesTooSmall(maxFrames: Int, needed: Int)
    /// An output was given nothing to write to: no outputs at all.
    case noOutput

    public var description: String {
        switch self {
        case let .outOfRange(parameter, value, allowed):
            return "\(parameter.rawValue) must be \(allowed.lowerBound) to \(allowed.upperBound), got \(value)"
        case let .tooManyFrames(frames, iterations, limit):
            return "the animation of \(iterations) iterations would have \(frames) frames, more than the \(limit) allowed; set Timeline.Options.maxFrames (iterations are sampled evenly), or lower the tween count or the iteration count"
        case let .maxFramesTooSmall(maxFrames, needed):
            return "maxFrames is \(maxFrames), but the first frame and one step with its E/M frames and tweens are \(needed) frames; raise maxFrames to at least \(needed), or lower the tween count"
        case .noOutput:
            return "the animation has no output; give at least one (a GIF, or a frame directory)"
        }
    }

    /// Throws ``outOfRange(_:value:allowed:)`` unless `value` lies in `allowed`.
    static func check(_ parameter: Parameter, _ value: Int, in allowed: ClosedRange<Int>) throws {
        guard allowed.contains(value) else { throw AnimationError.outOfRange(parameter, value: value, allowed: allowed) }
    }
}
