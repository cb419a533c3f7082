import Foundation

/// A tmpfs of a few kilobytes mounted for one test: a full disk (writes fail with ENOSPC) or a
/// read-only file system (EROFS), made for real rather than simulated.
///
/// Mounting needs root (or CAP_SYS_ADMIN) and a kernel that allows it here; ``mount(kilobytes:readOnly:)``
/// returns nil otherwise, and the test records why it skipped that part.
public final class TinyFileSystem: @unchecked Sendable {
    /// The mount point.
    public let url: URL
    public var path: String { url.path }

    private init(url: URL) { self.url = url }

    /// Whether a tmpfs can be mounted here (tried once).
    public static let isAvailable: Bool = mount(kilobytes: 16) != nil

    /// Mounts a tmpfs of `kilobytes` KB, read-only when asked, on a fresh directory; nil when
    /// mounting is not possible.
    public static func mount(kilobytes: Int = 64, readOnly: Bool = false) -> TinyFileSystem? {
        guard getuid() == 0 else { return nil }
        let dir = TestPaths.temporaryDirectory("gmmviz-tinyfs")
        let options = "size=\(kilobytes)k,mode=0777" + (readOnly ? ",ro" : "")
        guard run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir.path]) == 0 else {
            try? FileManager.default.removeItem(at: dir)
            return nil
        }
        return TinyFileSystem(url: dir)
    }

    /// Fills the file system so that the next write fails with ENOSPC.
    public func fill() {
        let filler = url.appendingPathComponent("filler")
        let chunk = Data(repeating: 0x55, count: 4096)
        _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
        guard let handle = try? FileHandle(forWritingTo: filler) else { return }
        while (try? handle.write(contentsOf: chunk)) != nil {}
        try? handle.close()
    }

    deinit {
        _ = Self.run("/bin/umount", [url.path])
        try? FileManager.default.removeItem(at: url)
    }

    private static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
