import GMMAnimation

/// The command line's words for the libraries' typed errors: each parameter by its flag.
enum CLIWording {
    /// The flag that sets `parameter`.
    static func flag(_ parameter: AnimationError.Parameter) -> String {
        switch parameter {
        case .tween: return "--tween"
        case .delay: return "--delay"
        case .holdFirst: return "--hold-first"
        case .holdLast: return "--hold-last"
        case .maxFrames: return "--max-frames"
        case .loopCount: return "--loop"
        case .threads: return "--threads"
        }
    }

    static func message(for error: AnimationError) -> String {
        switch error {
        case let .outOfRange(parameter, value, allowed):
            let fix: String
            switch parameter {
            case .tween: fix = "give 0 to 1000 interpolated frames"
            case .delay: fix = "give a delay of 1 to 65535 hundredths of a second"
            case .holdFirst, .holdLast: fix = "give 0 to 65535 hundredths of a second"
            case .maxFrames: fix = "allow at least 2 frames (the first and the last) and at most \(allowed.upperBound)"
            case .loopCount: fix = "give 0 (forever) to 65535"
            case .threads: fix = "give at least 1 thread"
            }
            return "invalid render option \(flag(parameter)) = \(value): \(fix)"
        case let .tooManyFrames(frames, iterations, limit):
            return "the animation of \(iterations) iterations would have \(frames) frames, more than the \(limit) allowed; add --max-frames \(limit) (iterations are sampled evenly) or lower --tween or --max-iter"
        case .noOutput:
            return "nothing to write; give --out PATH or --frames-dir DIR"
        }
    }
}
