import Foundation

/// A sink that writes `<destination>.tmp-XXXXXX` in the destination's directory and renames it
/// over the destination on ``commit()``. Until then the destination is untouched, so a failed
/// encoding never leaves a truncated GIF there, and an existing file survives a failed run.
/// ``abort()`` (also run by `deinit` when neither was called) removes the temporary file.
public final class FileGIFSink: GIFSink {
    /// The path the GIF appears at on ``commit()``.
    public let destination: String
    /// The temporary file being written, in the destination's directory (same file system, so
    /// the rename is atomic).
    public let temporaryPath: String
    private var descriptor: Int32
    private var finished = false

    /// Creates the temporary file next to `path`.
    ///
    /// - Throws: ``GIFError`` naming `mkstemp` if the directory is missing or not writable.
    public init(path: String) throws {
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buf -> Int32 in
            guard let base = buf.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw GIFError(call: "mkstemp", code: nil,
                           message: "cannot create a temporary file next to \(path): \(reason)",
                           fix: "check that the directory \((path as NSString).deletingLastPathComponent) exists and is writable")
        }
        destination = path
        temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        descriptor = fd
        // mkstemp creates 0600; a GIF is a document others may read, like any file we create.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
    }

    deinit {
        if !finished { abort() }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw GIFError(call: "write", code: nil,
                               message: "writing \(temporaryPath) failed: \(String(cString: strerror(errno)))",
                               fix: "check the free space on the destination's file system")
            }
            offset += n
        }
    }

    public func commit() throws {
        guard !finished else { return }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            abort()
            throw GIFError(call: "close", code: nil, message: "flushing \(temporaryPath) failed: \(reason)",
                           fix: "check the free space on the destination's file system")
        }
        descriptor = -1
        guard rename(temporaryPath, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            abort()
            throw GIFError(call: "rename", code: nil,
                           message: "moving \(temporaryPath) to \(destination) failed: \(reason)",
                           fix: "check that \(destination) is not a directory and its directory is writable")
        }
        finished = true
    }

    public func abort() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        if !finished { unlink(temporaryPath) }
        finished = true
    }
}
