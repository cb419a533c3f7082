import Foundation
import GMMFiles
#if canImport(Glibc)
import Glibc
#endif

/// Standard error, the channel for diagnostics and progress; standard output carries results only.
enum Terminal {
    /// Writes `gmmviz: error: <message>` as one line.
    static func error(_ message: String) {
        write("gmmviz: error: \(message)\n")
    }

    /// Writes a note to standard error.
    static func note(_ message: String) {
        write("gmmviz: \(message)\n")
    }

    /// Writes to standard error, ignoring failures: there is nowhere left to report them, and
    /// `FileHandle.write(_:)` would trap on a full or closed standard error.
    static func write(_ text: String) {
        _ = try? writeAll(text, to: STDERR_FILENO)
    }

    /// Writes results (JSON, tables, CSV) to standard output, unbuffered, so that a full disk
    /// or a closed pipe is an error here rather than a silent loss at exit (`print` buffers and
    /// drops the flush's error) or a trap (`FileHandle.write(_:)`).
    ///
    /// - Throws: ``FileError`` for the path "standard output".
    static func output(_ text: String) throws {
        try writeAll(text, to: STDOUT_FILENO)
    }

    private static func writeAll(_ text: String, to fd: Int32) throws {
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    throw FileError(path: fd == STDOUT_FILENO ? "standard output" : "standard error", call: .write, code: n < 0 ? errno : ENOSPC)
                }
                offset += n
            }
        }
    }
}
