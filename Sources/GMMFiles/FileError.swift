#if canImport(Glibc)
import Glibc
#endif

/// A file that could not be written: the path the user named, the C call that failed and its
/// `errno`, turned into one line naming the reason and the fix.
///
/// This is the one place where output `errno` values become messages, so every output of
/// gmmviz — history JSON, frames, chart, GIF, generated CSV — fails the same way:
///
///     cannot write out/comb.gif: no space left on the device (ENOSPC); free some space there or write elsewhere
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The destination as the user gave it (never the temporary file's name).
    public let path: String
    /// The C call that failed.
    public let call: Call
    /// The `errno` it reported.
    public let code: Int32

    /// The C calls an output can fail in.
    public enum Call: String, Sendable, CaseIterable {
        /// The checks made before any work: what the destination is, and whether it may be written.
        case stat, access
        /// Creating the temporary file beside the destination, or opening a special file.
        case mkstemp, open
        /// Writing, flushing and closing the file, then moving it into place.
        case write, fsync, close, rename
        /// Creating a directory (a frames directory).
        case mkdir
    }

    public init(path: String, call: Call, code: Int32) {
        self.path = path
        self.call = call
        self.code = code
    }

    /// The `errno` value's symbolic name, e.g. `ENOSPC`, or `errno N` for a rare one.
    public var codeName: String {
        switch code {
        case ENOENT: return "ENOENT"
        case ENOTDIR: return "ENOTDIR"
        case EISDIR: return "EISDIR"
        case EACCES: return "EACCES"
        case EPERM: return "EPERM"
        case EROFS: return "EROFS"
        case ENOSPC: return "ENOSPC"
        case EDQUOT: return "EDQUOT"
        case EFBIG: return "EFBIG"
        case EIO: return "EIO"
        case ENAMETOOLONG: return "ENAMETOOLONG"
        case EEXIST: return "EEXIST"
        case EXDEV: return "EXDEV"
        case EMFILE: return "EMFILE"
        case ELOOP: return "ELOOP"
        case EINVAL: return "EINVAL"
        default: return "errno \(code)"
        }
    }

    /// The directory that holds (or would hold) `path`.
    public var directory: String { Self.directory(of: path) }

    public var description: String {
        let what = call == .mkdir ? "cannot create the directory \(path)" : "cannot write \(path)"
        let reason: String
        let fix: String
        switch code {
        case ENOENT where call == .mkstemp && Self.isDirectory(directory):
            // procfs and sysfs directories exist but refuse new files.
            reason = "the directory \(directory) does not accept new files"
            fix = "choose another path"
        case ENOENT:
            reason = call == .mkdir ? "its parent \(directory) does not exist" : "the directory \(directory) does not exist"
            fix = "create it first or choose another path"
        case ENOTDIR:
            reason = "a part of the path is a file, not a directory"
            fix = "check the path"
        case EISDIR:
            reason = "it is a directory"
            fix = "give a file path"
        case EINVAL where call == .stat:
            reason = "it is a block device or a socket, not a file"
            fix = "give a file path"
        case EEXIST:
            reason = "a file of that name is in the way"
            fix = "remove it or give another directory"
        case EACCES, EPERM:
            reason = "permission denied"
            fix = "choose a location you may write to, or change the permissions of \(directory)"
        case EROFS:
            reason = "the file system is read-only"
            fix = "write somewhere else"
        case ENOSPC, EDQUOT:
            reason = code == ENOSPC ? "no space left on the device" : "the disk quota is exhausted"
            fix = "free some space there or write elsewhere"
        case EFBIG:
            reason = "the file is too large for that file system"
            fix = "write elsewhere or make the output smaller"
        case EIO:
            reason = "the device reported an input/output error"
            fix = "check the disk, or write elsewhere"
        default:
            reason = String(cString: strerror(code)).lowercased()
            fix = "check the path"
        }
        return "\(what): \(reason) (\(codeName)); \(fix)"
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The directory part of `path` ("." for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }
}
