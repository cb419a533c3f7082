/// Why a video could not be encoded. The encoder is the `ffmpeg` program (``VideoOutput``).
public enum VideoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `program` is neither a path to an executable nor found on `PATH`.
    case encoderMissing(program: String)
    /// The encoder ended with exit status `status`; `message` is the first line it printed.
    case encoderFailed(status: Int32, message: String)
    /// The encoder was stopped by signal `signal` before the video was complete.
    case encoderStopped(signal: Int32)

    public var description: String {
        switch self {
        case let .encoderMissing(program):
            return "the video encoder \(program) was not found; install FFmpeg (on Debian: apt-get install ffmpeg) or set VideoOutput.Options.encoder to its path"
        case let .encoderFailed(status, message):
            return "the video encoder failed (exit status \(status))\(message.isEmpty ? "" : ": \(message)")"
        case let .encoderStopped(signal):
            return "the video encoder was stopped by signal \(signal) before the video was complete"
        }
    }
}
