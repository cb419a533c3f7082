import Foundation
import Testing
import TestSupport

/// Outputs that cannot be written: a missing directory, a directory or a file in the way, no
/// permission, a read-only file system, a full disk. Every output (GIF, frames, history,
/// chart, generated CSV) fails the same way — one line naming the path, the reason with its
/// errno and the fix — and leaves nothing new or altered behind.
@Suite("Outputs that cannot be written")
struct UnwritableOutputTests {
    /// Runs `arguments` (with `$D` replaced by a fresh directory holding a good `keep.gif`)
    /// and checks the rejection and that the directory did not change.
    func rejected(_ arguments: [String], _ fragments: [String], launcher: [String] = [],
                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = TestPaths.temporaryDirectory()
        try Data("good".utf8).write(to: dir.appendingPathComponent("keep.gif"))
        try Data("file".utf8).write(to: dir.appendingPathComponent("afile"))
        let before = try snapshot(of: dir)
        let args = arguments.map { $0.replacingOccurrences(of: "$D", with: dir.path) }
        let r = try CommandRunner.run(args, in: dir, launcher: launcher)
        expectRejected(r, fragments.map { $0.replacingOccurrences(of: "$D", with: dir.path) }, sourceLocation: sourceLocation)
        #expect(try snapshot(of: dir) == before, "no new or altered file", sourceLocation: sourceLocation)
    }

    static let small = ["--size", "320x200", "--max-iter", "3", "--tol", "0", "-q"]

    /// A command that fails on its input (a bad CSV, a bad history file, an impossible model)
    /// leaves the working directory exactly as it was: not even the default `output/`
    /// directory, the frame directory or a temporary file appears.
    @Test func failingOnInputLeavesNothingBehind() throws {
        let badCSV = ["--data", "$D/afile"]
        try rejected(["render"] + badCSV, ["$D/afile"])
        try rejected(["render", "--frames-dir", "$D/frames", "--history", "$D/h.json"] + badCSV, ["$D/afile"])
        try rejected(["render", "--history-in", "$D/afile"], ["$D/afile"])
        try rejected(["render", "--frames-dir", "$D/frames", "-k", "400"], ["400 components"])
        try rejected(["fit", "--history", "$D/h.json"] + badCSV, ["$D/afile"])
        try rejected(["select", "--chart", "$D/c.png", "--history", "$D/h.json", "--render-best"] + badCSV, ["$D/afile"])
        try rejected(["select", "--k", "400...401", "--render-best"], ["400"])
        try rejected(["generate", "--means", "1,2;3", "--out", "$D/g.csv"], ["coordinates"])
    }

    @Test func missingDirectory() throws {
        try rejected(["render", "--out", "$D/missing/x.gif"] + Self.small, ["cannot write $D/missing/x.gif", "$D/missing does not exist", "ENOENT", "create it first"])
        try rejected(["render", "--out", "$D/keep.gif", "--history", "$D/missing/h.json"] + Self.small, ["$D/missing does not exist", "ENOENT"])
        try rejected(["generate", "--out", "$D/missing/x.csv"], ["$D/missing does not exist"])
        try rejected(["select", "--k", "1...2", "--chart", "$D/missing/bic.svg"], ["$D/missing does not exist"])
        try rejected(["render", "--out", "none", "--frames-dir", "$D/missing/frames"] + Self.small, ["its parent $D/missing does not exist"])
    }

    @Test func somethingInTheWay() throws {
        try rejected(["render", "--out", "$D", "--format", "gif"] + Self.small, ["cannot write $D", "is a directory", "EISDIR"])
        try rejected(["fit", "--history", "$D"], ["is a directory", "EISDIR"])
        try rejected(["render", "--out", "$D/afile/x.gif"] + Self.small, ["$D/afile/x.gif", "ENOTDIR"])
        try rejected(["render", "--out", "$D/keep.gif", "--frames-dir", "$D/afile"] + Self.small, ["$D/afile", "EEXIST"])
        try rejected(["render", "--out", "/proc/gmmviz.gif"] + Self.small, ["/proc/gmmviz.gif", "does not accept new files"])
    }

    /// Root writes anywhere, so this runs the binary as `nobody` (setpriv) into root's directory.
    /// Not run by a user other than root: the test's directory would be the binary's own.
    @Test(.enabled(if: Unprivileged.canDropRoot, "needs root and /usr/bin/setpriv to run the binary as nobody"))
    func noWritePermission() throws {
        let launcher = Unprivileged.launcher
        try rejected(["render", "--out", "$D/keep.gif"] + Self.small, ["cannot write $D/keep.gif", "permission denied", "EACCES"], launcher: launcher)
        try rejected(["generate", "--out", "$D/new.csv"], ["EACCES"], launcher: launcher)
        try rejected(["render", "--out", "none", "--frames-dir", "$D/frames"] + Self.small, ["$D/frames", "EACCES"], launcher: launcher)
    }

    @Test(.enabled(if: TinyFileSystem.isAvailable, "mounting a tmpfs needs root and a kernel that allows it")) func readOnlyFileSystem() throws {
        let fs = try #require(TinyFileSystem.mount(kilobytes: 64, readOnly: true))
        let path = fs.url.appendingPathComponent("x.gif").path
        let r = try CommandRunner.run(["render", "--out", path] + Self.small)
        expectRejected(r, ["cannot write \(path)", "read-only", "EROFS"])
        let g = try CommandRunner.run(["fit", "--history", fs.url.appendingPathComponent("h.json").path])
        expectRejected(g, ["EROFS"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: fs.path).isEmpty)
    }

    /// A real full disk, for every kind of output: a 64 KB tmpfs, filled. Each write fails with
    /// ENOSPC; the good file already there survives and no temporary file is left.
    @Test(.enabled(if: TinyFileSystem.isAvailable, "mounting a tmpfs needs root and a kernel that allows it")) func fullDisk() throws {
        let fs = try #require(TinyFileSystem.mount(kilobytes: 64))
        let keep = fs.url.appendingPathComponent("keep.gif")
        try Data("good".utf8).write(to: keep)
        try FileManager.default.createDirectory(at: fs.url.appendingPathComponent("frames"), withIntermediateDirectories: false)
        fs.fill()
        let before = try snapshot(of: fs.url)
        let runs: [[String]] = [
            ["render", "--out", keep.path] + Self.small,
            ["render", "--out", "none", "--frames-dir", fs.url.appendingPathComponent("frames").path] + Self.small,
            ["render", "--out", "none", "--frames-dir", fs.url.appendingPathComponent("frames").path, "--frame-format", "svg"] + Self.small,
            ["fit", "--history", fs.url.appendingPathComponent("h.json").path],
            ["generate", "--count", "1000", "--out", fs.url.appendingPathComponent("g.csv").path],
            ["select", "--k", "1...2", "--chart", fs.url.appendingPathComponent("bic.pdf").path],
        ]
        for args in runs {
            let r = try CommandRunner.run(args)
            expectRejected(r, ["cannot write \(fs.path)/", "no space left", "ENOSPC"])
            #expect(try snapshot(of: fs.url) == before, "\(args)")
        }
    }

    /// Results on a full standard output: an error, not a trap (FileHandle.write) nor a silent
    /// loss at exit (print's buffer). Opening /dev/full for writing is harmless.
    @Test func standardOutputThatIsFull() throws {
        for args in [["generate"], ["fit", "--json"], ["fit"], ["select", "--k", "1...2", "--json"]] {
            let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
            defer { try? full.close() }
            let r = try CommandRunner.run(args, standardOutput: full)
            expectRejected(r, ["cannot write standard output", "no space left", "ENOSPC"])
        }
    }

    /// /dev/full without mounting anything: a copy of the device node (never the real /dev,
    /// which a rename would replace). The GIF is written in place, and fails with ENOSPC.
    @Test(.enabled(if: getuid() == 0, "mknod needs root")) func deviceThatIsFull() throws {
        let dir = TestPaths.temporaryDirectory()
        let full = dir.appendingPathComponent("full").path
        try #require(mknod(full, S_IFCHR | 0o666, (1 << 8) | 7) == 0)
        let r = try CommandRunner.run(["render", "--out", full, "--format", "gif"] + Self.small)
        expectRejected(r, ["cannot write \(full)", "ENOSPC"])
        var status = stat()
        #expect(stat(full, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR, "still a device")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["full"])
    }
}
