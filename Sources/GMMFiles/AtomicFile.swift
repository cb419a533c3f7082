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
        if let type = fileType(path) {
            switch type {
            case S_IFDIR: throw FileError(path: path, call: .stat, code: EISDIR)
            case S_IFCHR, S_IFIFO:  // written in place, see OutputFile
                if access(path, W_OK) != 0 { throw FileError(path: path, call: .access, code: errno) }
                return
            case S_IFREG: break
            default: throw FileError(path: path, call: .stat, code: EINVAL)
            }
        }
        let directory = FileError.directory(of: path)
        guard let type = fileType(directory) else { throw FileError(path: path, call: .stat, code: errno) }
        try requireWritableDirectory(directory, type: type, notDirectory: FileError(path: path, call: .stat, code: ENOTDIR),
                                     notWritable: { FileError(path: path, call: .access, code: $0) })
    }

    /// Checks, before any work and without creating anything, that ``makeDirectory(_:)`` will
    /// succeed for `path`: it is a writable directory, or it is missing and its parent is a
    /// writable directory.
    ///
    /// - Throws: ``FileError`` with `call` `.mkdir`, `.access` or `.stat`.
    public static func checkDirectory(_ path: String) throws {
        if try isWritableDirectory(path) { return }
        guard errno == ENOENT else { throw FileError(path: path, call: .stat, code: errno) }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let parent = FileError.directory(of: String(trimmed))
        guard let type = fileType(parent) else { throw FileError(path: path, call: .mkdir, code: errno) }
        try requireWritableDirectory(parent, type: type, notDirectory: FileError(path: path, call: .mkdir, code: ENOTDIR),
                                     notWritable: { FileError(path: path, call: .mkdir, code: $0) })
    }

    /// Creates the directory `path` (not its parents) unless it exists; a file there is an error.
    ///
    /// - Throws: ``FileError`` with `call` `.mkdir`.
    public static func makeDirectory(_ path: String) throws {
        if try isWritableDirectory(path) { return }
        if mkdir(path, 0o777) != 0 { throw FileError(path: path, call: .mkdir, code: errno) }
    }

    /// What `path` is (`st_mode & S_IFMT`: `S_IFREG`, `S_IFDIR`, …), or nil when `stat` fails,
    /// with `errno` saying why.
    private static func fileType(_ path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    /// Checks that `directory`, of file type `type`, is a directory this process can create
    /// entries in (`access(W_OK | X_OK)`, which also reports a read-only file system): throws
    /// `notDirectory`, or `notWritable` of access's `errno`.
    private static func requireWritableDirectory(_ directory: String, type: mode_t, notDirectory: FileError,
                                                 notWritable: (Int32) -> FileError) throws {
        guard type == S_IFDIR else { throw notDirectory }
        if access(directory, W_OK | X_OK) != 0 { throw notWritable(errno) }
    }

    /// Whether something exists at `path` and is a directory this process can create entries
    /// in; false when nothing is there (`errno` then says why `stat` failed).
    ///
    /// - Throws: ``FileError`` with `call` `.mkdir` (`EEXIST`) when `path` is not a directory,
    ///   `.access` when it cannot be written.
    private static func isWritableDirectory(_ path: String) throws -> Bool {
        guard let type = fileType(path) else { return false }
        try requireWritableDirectory(path, type: type, notDirectory: FileError(path: path, call: .mkdir, code: EEXIST),
                                     notWritable: { FileError(path: path, call: .access, code: $0) })
        return true
    }
}
