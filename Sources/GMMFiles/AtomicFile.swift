#if canImport(Glibc)
import Glibc
#endif

/// Whole files written atomically, and the check every command makes before its work.
///
/// The one implementation behind every output of gmmviz: history JSON, frames, charts and
/// generated CSV go through ``write(_:to:)``; the GIF encoder streams into an ``OutputFile``.
public enum AtomicFile {
    /// Writes `bytes` to `path`: the destination holds its old content until the new content
    /// is complete and flushed, then the new content.
    ///
    /// - Throws: ``FileError`` naming `path`, the reason and the fix.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let file = try OutputFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    /// Checks, before any work, that `path` can be written: its directory exists, is a
    /// directory and is writable (`access(W_OK)`, which also reports a read-only file system),
    /// and `path` itself is not a directory. A device or FIFO (written in place) must be
    /// writable itself. A full disk can only be found by writing.
    ///
    /// - Throws: ``FileError`` with `call` `.access` (or `.stat`).
    public static func checkDestination(_ path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: throw FileError(path: path, call: .stat, code: EISDIR)
            case S_IFCHR, S_IFIFO:  // written in place, see OutputFile
                if access(path, W_OK) != 0 { throw FileError(path: path, call: .access, code: errno) }
                return
            case S_IFREG: break
            default: throw FileError(path: path, call: .stat, code: EINVAL)
            }
        }
        let directory = FileError.directory(of: path)
        guard stat(directory, &status) == 0 else { throw FileError(path: path, call: .stat, code: errno) }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { throw FileError(path: path, call: .stat, code: ENOTDIR) }
        if access(directory, W_OK | X_OK) != 0 { throw FileError(path: path, call: .access, code: errno) }
    }

    /// Checks, before any work and without creating anything, that ``makeDirectory(_:)`` will
    /// succeed for `path`: it is a writable directory, or it is missing and its parent is a
    /// writable directory.
    ///
    /// - Throws: ``FileError`` with `call` `.mkdir`, `.access` or `.stat`.
    public static func checkDirectory(_ path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else { throw FileError(path: path, call: .mkdir, code: EEXIST) }
            if access(path, W_OK | X_OK) != 0 { throw FileError(path: path, call: .access, code: errno) }
            return
        }
        guard errno == ENOENT else { throw FileError(path: path, call: .stat, code: errno) }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let parent = FileError.directory(of: String(trimmed))
        guard stat(parent, &status) == 0 else { throw FileError(path: path, call: .mkdir, code: errno) }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { throw FileError(path: path, call: .mkdir, code: ENOTDIR) }
        if access(parent, W_OK | X_OK) != 0 { throw FileError(path: path, call: .mkdir, code: errno) }
    }

    /// Creates the directory `path` (not its parents) unless it exists; a file there is an error.
    ///
    /// - Throws: ``FileError`` with `call` `.mkdir`.
    public static func makeDirectory(_ path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else { throw FileError(path: path, call: .mkdir, code: EEXIST) }
            if access(path, W_OK | X_OK) != 0 { throw FileError(path: path, call: .access, code: errno) }
            return
        }
        if mkdir(path, 0o777) != 0 { throw FileError(path: path, call: .mkdir, code: errno) }
    }
}
