import Foundation

/// Writes a whole file or nothing: the bytes go to a temporary file in the destination's
/// directory, which is then renamed over the destination (atomic on one file system), so a
/// reader never sees a half-written frame and a failed write leaves the old file in place.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw RenderError.io(path: path, problem: "\(error.localizedDescription); check that the directory exists and is writable")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let problem = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw RenderError.io(path: path, problem: problem)
        }
    }
}
