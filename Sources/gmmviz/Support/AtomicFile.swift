import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that the destination holds either its old content or the complete new one:
/// the bytes go to a temporary file beside it, which is renamed over the destination only once
/// everything has been written and flushed.
enum AtomicFile {
    /// Writes `bytes` to `path`, atomically.
    ///
    /// - Throws: ``CommandFailure`` naming the path and the reason (missing directory, permission,
    ///   full disk), after removing the temporary file.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try checkDirectory(of: path)
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let template = (directory.isEmpty ? "." : directory) + "/.\(name).tmp-XXXXXX"
        var buffer = Array(template.utf8CString)
        let fd = buffer.withUnsafeMutableBufferPointer { b in b.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw failure(path, errno) }
        let tmp = String(decoding: buffer.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = true
        var code: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n <= 0 { ok = false; code = n < 0 ? errno : ENOSPC; return }
                offset += n
            }
        }
        if ok, fsync(fd) != 0 { ok = false; code = errno }
        if close(fd) != 0, ok { ok = false; code = errno }
        // mkstemp creates 0600; give the file the usual permissions.
        if ok { chmod(tmp, 0o644) }
        if ok, rename(tmp, path) != 0 { ok = false; code = errno }
        if !ok {
            unlink(tmp)
            throw failure(path, code)
        }
    }

    /// Throws when the directory that would hold `path` does not exist or is not a directory.
    static func checkDirectory(of path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        let dir = directory.isEmpty ? "." : directory
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("cannot write \(path): the directory \(dir) does not exist; create it first or choose another path")
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw CommandFailure("cannot write \(path): it is a directory; give a file path")
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> CommandFailure {
        let reason = String(cString: strerror(code))
        let fix: String
        switch code {
        case EACCES, EPERM, EROFS: fix = "choose a writable location"
        case ENOSPC, EDQUOT: fix = "free some disk space"
        default: fix = "check the path"
        }
        return CommandFailure("cannot write \(path): \(reason.lowercased()); \(fix)")
    }
}
