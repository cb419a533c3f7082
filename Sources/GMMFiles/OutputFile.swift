#if canImport(Glibc)
import Glibc
#endif

/// A file being written so that its destination holds either its old content or the complete
/// new one — never a mixture, never a truncated file.
///
/// The bytes go to a temporary file `.<name>.tmp-XXXXXX` created by `mkstemp` in the
/// destination's directory (the same file system, so the final `rename` is atomic).
/// ``commit()`` flushes it (`fsync`), closes it and renames it over the destination;
/// ``abort()`` — also run by `deinit` when neither was called — removes it. Every failure is a
/// ``FileError`` naming the destination, the call and `errno`, after the temporary file is gone.
///
/// A destination that is a character device or a FIFO (`/dev/null`, `/dev/stdout` on a pipe,
/// `/dev/full`) is written directly, since renaming over it would replace the device node; a
/// symbolic link to a regular file is followed, so the link stays and its target is replaced.
///
/// Owns one file descriptor, closed in `deinit`; not `Sendable` (one writer per file).
public final class OutputFile {
    /// Where the file appears on ``commit()``.
    public let destination: String
    /// The temporary file being written.
    public let temporaryPath: String
    private var descriptor: Int32
    private var finished = false
    /// Whether the destination is a device or FIFO written in place (no temporary, no rename).
    private let direct: Bool
    /// The regular file the rename replaces (the destination, or the target of its link).
    private let target: String
    /// The first failure, kept so a caller that only sees a wrapped error can report this one.
    public private(set) var failure: FileError?
    /// The temporary file's entry in ``TemporaryFiles``, removed there on commit or abort.
    private var registration: Int?

    /// Creates the temporary file beside `path`.
    ///
    /// - Throws: ``FileError`` (`EISDIR` when `path` is a directory; `ENOENT`, `EACCES`,
    ///   `EROFS`, … from `mkstemp`).
    public init(path: String) throws {
        destination = path
        var status = stat()
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                throw FileError(path: path, call: .stat, code: EISDIR)
            case S_IFCHR, S_IFIFO:
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw FileError(path: path, call: .open, code: errno) }
                direct = true
                target = path
                temporaryPath = path
                descriptor = fd
                return
            case S_IFREG:
                break
            default:
                throw FileError(path: path, call: .stat, code: EINVAL)
            }
        }
        direct = false
        target = UniqueName.resolvedLink(path) ?? path
        let directory = FileError.directory(of: target)
        let name = target.split(separator: "/").last.map(String.init) ?? target
        guard let (temporary, fd) = UniqueName.create("\(directory)/.\(name).tmp-", { base -> Int32? in
            let fd = mkstemp(base)
            return fd >= 0 ? fd : nil
        }) else {
            // A name too long for the file system may be one the user could still write directly.
            throw FileError(path: path, call: .mkstemp, code: errno)
        }
        temporaryPath = temporary
        registration = TemporaryFiles.register(temporaryPath)
        descriptor = fd
        // mkstemp creates 0600; an output is a document others may read, like any file we create.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
    }

    deinit {
        if !finished { abort() }
    }

    /// Appends `bytes`.
    ///
    /// - Throws: ``FileError`` (`ENOSPC`, `EDQUOT`, `EIO`, `EFBIG`); the temporary file is
    ///   removed and the destination left as it was.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        guard !finished, descriptor >= 0 else { throw fail(.write, EBADF) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(.write, errno)
            }
            // write(2) returning 0 for a non-empty buffer means the device took nothing.
            if n == 0 { throw fail(.write, ENOSPC) }
            offset += n
        }
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Flushes the file to the device and renames it over the destination.
    ///
    /// - Throws: ``FileError``; the temporary file is removed and the destination left as it was.
    public func commit() throws {
        guard !finished else {
            if let failure { throw failure }
            return
        }
        // A full disk often shows only here: delayed allocation reports ENOSPC at fsync/close.
        // Devices and FIFOs cannot be synced (EINVAL); there is nothing to flush there.
        if fsync(descriptor) != 0, !(direct && (errno == EINVAL || errno == EROFS)) { throw fail(.fsync, errno) }
        let fd = descriptor
        descriptor = -1
        if close(fd) != 0 { throw fail(.close, errno) }
        if !direct, rename(temporaryPath, target) != 0 { throw fail(.rename, errno) }
        finished = true
        unregister()
    }

    /// Discards everything written: closes and removes the temporary file. Never throws.
    public func abort() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        if !finished, !direct { unlink(temporaryPath) }
        finished = true
        unregister()
    }

    private func unregister() {
        if let registration { TemporaryFiles.unregister(registration) }
        registration = nil
    }

    /// Records the failure, aborts, and returns the error to throw.
    private func fail(_ call: FileError.Call, _ code: Int32) -> FileError {
        let error = FileError(path: destination, call: call, code: code)
        if failure == nil { failure = error }
        abort()
        return error
    }
}
