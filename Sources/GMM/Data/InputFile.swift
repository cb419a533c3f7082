import Foundation

/// Reads an input file (CSV data, a history JSON) whole, with errors that name the file, the
/// reason and the fix, and limits that protect the machine.
///
/// Reads in 1 MiB chunks: a NUL byte in any chunk stops the read at once (a binary file, or a
/// device such as `/dev/zero` or `/dev/urandom` given by mistake), and more than
/// ``maxBytes`` bytes is refused rather than exhausting memory.
public enum InputFile {
    /// What an input file holds, so that a message can say which input's path to check.
    public enum Kind: String, Sendable, Equatable, CustomStringConvertible {
        /// CSV samples (``CSVReader``).
        case samples
        /// A fit's history as JSON (``FitHistory/init(json:source:)``).
        case history

        public var description: String { rawValue }
    }

    /// The largest input read: 1 GiB (the CSV of 20 million 2-D points is about 800 MB).
    public static let maxBytes = 1 << 30

    /// Reads `path` (`"-"` is standard input), a file of the given kind.
    ///
    /// - Throws: ``DataError/noSuchFile(source:kind:)``, ``DataError/notAFile(source:kind:)``
    ///   or ``DataError/malformed(source:line:column:problem:)`` naming the file.
    public static func read(path: String, kind: Kind, maxBytes: Int = InputFile.maxBytes) throws -> [UInt8] {
        let source = path == "-" ? "<stdin>" : path
        func fail(_ problem: String) -> DataError { .malformed(source: source, line: nil, column: nil, problem: problem) }
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DataError.noSuchFile(source: source, kind: kind)
            }
            guard !isDirectory.boolValue else { throw DataError.notAFile(source: source, kind: kind) }
            do {
                handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            } catch {
                throw fail(problem(error))
            }
        }
        defer { if path != "-" { try? handle.close() } }
        var bytes = [UInt8]()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                if chunk.contains(0) { throw fail("contains NUL bytes, so it is a binary file, not text") }
                guard bytes.count + chunk.count <= maxBytes else {
                    throw fail("is larger than \(maxBytes >> 20) MiB, the most gmmviz reads; give a sample of it")
                }
                bytes.append(contentsOf: chunk)
            }
        } catch let error as DataError {
            throw error
        } catch {
            throw fail(problem(error))
        }
        return bytes
    }

    /// The reason and fix for a Foundation read error, from its POSIX code.
    static func problem(_ error: any Error) -> String {
        switch posixCode(error) {
        case 13, 1: return "cannot be read: permission denied (EACCES); check its permissions or run as a user who may read it"
        case 2: return "no such file; check the path"
        case 21: return "is a directory, not a file; give the path of a file"
        case 5: return "cannot be read: input/output error (EIO); check the disk, or copy the file somewhere readable"
        case let code?: return "cannot be read: \(String(cString: strerror(Int32(code))).lowercased()) (errno \(code)); check the file"
        case nil: return "cannot be read (\(error.localizedDescription)); check the file"
        }
    }

    /// The `errno` behind a Foundation error: its own code in the POSIX domain, or its
    /// underlying error's.
    static func posixCode(_ error: any Error) -> Int? {
        if let p = error as? POSIXError { return Int(p.code.rawValue) }
        if let c = error as? CocoaError, let u = c.underlying { return posixCode(u) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return ns.code }
        if let u = ns.userInfo[NSUnderlyingErrorKey] as? any Error { return posixCode(u) }
        return nil
    }
}
