import Foundation

/// The process's memory high-water mark, as Linux reports it.
enum PeakMemory {
    /// Peak resident set size in KiB (`VmHWM` in `/proc/self/status`), or `nil` where there is
    /// no such file (not Linux) or no such line.
    static func residentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}
