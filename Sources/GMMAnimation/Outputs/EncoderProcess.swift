import Foundation
import GMMFiles
import GMMImage
#if canImport(Glibc)
import Glibc
#endif

/// A running `ffmpeg` that reads raw frames on its standard input.
///
/// The input is one end of a Unix socket pair, not a pipe, so that a write to an encoder that
/// has died fails with `EPIPE` (`send` with `MSG_NOSIGNAL`) instead of killing this process with
/// `SIGPIPE`. The encoder's standard error is read on a thread of its own, so it can never fill
/// up and stall the encoder; its first line, which names the cause, is kept for the error message.
final class EncoderProcess {
    private let process = Process()
    private var input: Int32
    private let errors = Pipe()
    private let log = EncoderLog()
    private let reader = DispatchGroup()
    /// The destination as the user gave it, for errors of the file itself (a full disk).
    private let path: String

    init(program: String, arguments: [String], path: String) throws {
        self.path = path
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0 else {
            throw VideoError.encoderFailed(status: -1, message: "socketpair: \(String(cString: strerror(errno)))")
        }
        input = ends[0]
        // The encoder reads; this process only writes.
        shutdown(ends[0], Int32(SHUT_RD))
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        // Not closed on dealloc: this process closes its copy itself, once, right after the launch.
        process.standardInput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            close(ends[0])
            close(ends[1])
            throw VideoError.encoderFailed(status: -1, message: "\(error)")
        }
        // The child has its own copy; keeping this one would hide the end of the input from it.
        close(ends[1])
        let handle = errors.fileHandleForReading
        let log = self.log
        DispatchQueue.global().async(group: reader) {
            log.append(handle.readDataToEndOfFile())
        }
    }

    /// The path of `program`: itself when it names a file, else the first executable of that
    /// name on `PATH`; nil when there is none.
    static func locate(_ program: String) -> String? {
        if program.contains("/") { return access(program, X_OK) == 0 ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = directory + "/" + program
            var status = stat()
            if stat(candidate, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// Sends one frame's pixels.
    ///
    /// - Throws: the encoder's failure when it stopped reading.
    func send(_ image: RGBImage) throws {
        let failed = image.pixels.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return false }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(input, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return true }
                offset += n
            }
            return false
        }
        if failed {
            closeInput()
            try finish()
            // The encoder exited cleanly although it read no more: still not a whole video.
            throw VideoError.encoderFailed(status: 0, message: "the encoder stopped reading frames")
        }
    }

    /// Ends the input and waits for the encoder.
    ///
    /// - Throws: ``VideoError`` for a failed or stopped encoder; `FileError` when it could not
    ///   write the file (a full disk).
    func finish() throws {
        closeInput()
        process.waitUntilExit()
        reader.wait()
        switch process.terminationReason {
        case .uncaughtSignal:
            throw VideoError.encoderStopped(signal: process.terminationStatus)
        case .exit where process.terminationStatus != 0:
            if log.contains("No space left on device") { throw FileError(path: path, call: .write, code: ENOSPC) }
            throw VideoError.encoderFailed(status: process.terminationStatus, message: log.firstLine)
        default:
            return
        }
    }

    /// Stops the encoder at once, after a failure elsewhere. Never throws.
    func stop() {
        closeInput()
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        reader.wait()
    }

    private func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }
}

/// What the encoder printed on standard error, kept for the message of a failure.
private final class EncoderLog: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()

    func append(_ more: Data) {
        lock.lock()
        data.append(more)
        lock.unlock()
    }

    private var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// The first non-empty line, at most 300 characters: ffmpeg prints the cause first and
    /// what it gave up on after.
    var firstLine: String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(line.trimmingCharacters(in: .whitespaces).prefix(300))
    }

    func contains(_ phrase: String) -> Bool { text.contains(phrase) }
}
