import Foundation

extension InputFile {
    /// An input opened for reading: its file descriptor, and its size when it is a regular file.
    struct Opened {
        /// The descriptor to read; standard input's when the path is `"-"`.
        let fd: Int32
        /// The size `fstat` gave for a regular file; `nil` for a pipe, a terminal or a device.
        let regularSize: Int?
        /// True when the descriptor was opened here and is to be closed by ``close()``.
        let owned: Bool

        /// Closes the descriptor unless it is standard input's.
        func close() {
            if owned { _ = Glibc.close(fd) }
        }
    }

    /// The name of `path` in messages: `"<stdin>"` for `"-"`.
    static func sourceName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }

    /// Opens `path` (`"-"` is standard input), an input of the given kind.
    ///
    /// - Throws: ``DataError/noSuchFile(source:kind:)``, ``DataError/notAFile(source:kind:)``,
    ///   or ``DataError/malformed(source:line:column:problem:)`` with the reason `open(2)` failed.
    static func open(path: String, kind: Kind) throws -> Opened {
        let source = sourceName(path)
        let fd: Int32
        if path == "-" {
            fd = STDIN_FILENO
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DataError.noSuchFile(source: source, kind: kind)
            }
            guard !isDirectory.boolValue else { throw DataError.notAFile(source: source, kind: kind) }
            fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw readError(errno, source: source) }
        }
        var status = stat()
        let regular = fstat(fd, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        return Opened(fd: fd, regularSize: regular ? Int(status.st_size) : nil, owned: path != "-")
    }

    /// The error for a failed `open(2)` or `read(2)` of `source` with this `errno`.
    static func readError(_ code: Int32, source: String) -> DataError {
        .malformed(source: source, line: nil, column: nil, problem: problem(POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)))
    }
}
