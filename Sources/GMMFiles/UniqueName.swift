#if canImport(Glibc)
import Glibc
#endif

/// The pieces of naming that the atomic writers share: a fresh file or directory beside a
/// destination, and the target of a symbolic link.
enum UniqueName {
    /// Creates `prefix` + six random characters with `make` (`mkstemp` or `mkdtemp`, which fill
    /// in the `XXXXXX`) and returns the path and what `make` returned, or nil and `errno` set
    /// when it failed.
    static func create<T>(_ prefix: String, _ make: (UnsafeMutablePointer<CChar>) -> T?) -> (path: String, made: T)? {
        var template = Array((prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> T? in
            guard let base = buffer.baseAddress else { return nil }
            return make(base)
        }
        guard let made else { return nil }
        return (String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self), made)
    }

    /// `path` as an absolute path without links, `.` or `..`: `realpath` of it when it exists,
    /// else of its directory followed by its last component; `path` itself when neither
    /// resolves.
    static func canonical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let parent = realpath(FileError.directory(of: path), nil) else { return path }
        defer { free(parent) }
        let base = String(cString: parent)
        return (base == "/" ? "" : base) + "/" + name
    }

    /// The absolute path that `path` links to, when `path` is a symbolic link.
    static func resolvedLink(_ path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK,
              let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
