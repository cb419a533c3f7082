import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar on standard error — frames done, frames per second, time left —
/// drawn only when standard error is a terminal and the user did not ask for quiet.
struct ProgressBar {
    let total: Int
    let enabled: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant?

    init(total: Int, quiet: Bool) {
        self.total = total
        self.enabled = !quiet && isatty(STDERR_FILENO) == 1
        start = clock.now
    }

    /// Seconds since the bar was created.
    var elapsed: Double {
        let d = start.duration(to: clock.now).components
        return Double(d.seconds) + Double(d.attoseconds) / 1e18
    }

    /// Redraws the bar for `done` frames, at most ten times a second (and always at the end).
    mutating func update(done: Int) {
        guard enabled else { return }
        let now = clock.now
        if let lastDraw, done < total, lastDraw.duration(to: now) < .milliseconds(100) { return }
        lastDraw = now
        let width = 28
        let filled = total == 0 ? width : width * done / total
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Terminal.write(String(format: "\r%@ %d/%d frames  %.1f fps  %@ left ", bar, done, total, rate, Self.clock(left)))
    }

    /// Clears the bar's line.
    func finish() {
        guard enabled else { return }
        Terminal.write("\r\u{1B}[2K")
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }
}
