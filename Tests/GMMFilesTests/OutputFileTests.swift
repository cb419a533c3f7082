import Foundation
import GMMFiles
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The one atomic writer: whole files or nothing, and one-line errors naming path, reason, fix.
@Suite("Output files")
struct OutputFileTests {
    func names(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    @Test func writesWholeFilesAndLeavesNoTemporary() throws {
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("a.txt").path
        try AtomicFile.write(Array("old".utf8), to: path)
        try AtomicFile.write(Array("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try names(dir) == ["a.txt"])
        // Readable by others like any file we create (mkstemp alone gives 0600).
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o044 } == 0o044)
    }

    @Test func abortLeavesTheOldFile() throws {
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("a.txt").path
        try AtomicFile.write(Array("old".utf8), to: path)
        do {
            let file = try OutputFile(path: path)
            try file.write(Array("half".utf8))
            #expect(FileManager.default.fileExists(atPath: file.temporaryPath))
            file.abort()
        }
        do { _ = try OutputFile(path: path) }  // dropped without commit: deinit aborts
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try names(dir) == ["a.txt"])
    }

    @Test func missingDirectoryAndDirectoryPathsAreNamed() throws {
        let dir = TestPaths.temporaryDirectory()
        let missing = dir.appendingPathComponent("no/such/a.json").path
        #expect(throws: FileError(path: missing, call: .mkstemp, code: ENOENT)) { try AtomicFile.write([1], to: missing) }
        #expect(throws: FileError(path: missing, call: .stat, code: ENOENT)) { try AtomicFile.checkDestination(missing) }
        let e = FileError(path: missing, call: .mkstemp, code: ENOENT)
        #expect(e.description == "cannot write \(missing): the directory \(dir.path)/no/such does not exist (ENOENT); create it first or choose another path")
        #expect(throws: FileError(path: dir.path, call: .stat, code: EISDIR)) { try AtomicFile.write([1], to: dir.path) }
        #expect(FileError(path: "x", call: .stat, code: EISDIR).description == "cannot write x: it is a directory (EISDIR); give a file path")
        // A file where a directory is expected.
        let file = dir.appendingPathComponent("f").path
        try AtomicFile.write([1], to: file)
        #expect(throws: FileError(path: file + "/a.gif", call: .stat, code: ENOTDIR)) { try AtomicFile.checkDestination(file + "/a.gif") }
        #expect(throws: FileError(path: file, call: .mkdir, code: EEXIST)) { try AtomicFile.makeDirectory(file) }
    }

    @Test func everyReasonHasAFix() {
        for code in [ENOENT, ENOTDIR, EISDIR, EACCES, EPERM, EROFS, ENOSPC, EDQUOT, EFBIG, EIO, EEXIST, ENAMETOOLONG] {
            let text = FileError(path: "out/x.gif", call: .write, code: code).description
            #expect(text.hasPrefix("cannot write out/x.gif: "), "\(text)")
            #expect(text.contains("(E"), "\(text) names the errno")
            #expect(text.contains("; ") && !text.contains("\n"), "\(text)")
        }
        #expect(FileError(path: "d/x", call: .write, code: ENOSPC).description
            == "cannot write d/x: no space left on the device (ENOSPC); free some space there or write elsewhere")
        #expect(FileError(path: "d/x", call: .access, code: EROFS).description
            == "cannot write d/x: the file system is read-only (EROFS); write somewhere else")
    }

    /// A real full disk: a 64 KB tmpfs, filled. The write (or the flush) fails with ENOSPC, the
    /// old file survives whole and no temporary file is left.
    /// Skipped where a tmpfs cannot be mounted (not root, or mounting not allowed); the GIF
    /// layer's failing-sink tests (SinkTests) still cover the abort path there.
    @Test(.enabled(if: TinyFileSystem.isAvailable, "mounting a tmpfs needs root and a kernel that allows it"))
    func fullDiskIsENOSPCAndKeepsTheOldFile() throws {
        let fs = try #require(TinyFileSystem.mount(kilobytes: 64))
        let path = fs.url.appendingPathComponent("out.bin").path
        try AtomicFile.write(Array("old".utf8), to: path)
        fs.fill()
        var caught: FileError?
        do { try AtomicFile.write([UInt8](repeating: 7, count: 256 * 1024), to: path) } catch let e as FileError { caught = e }
        let error = try #require(caught)
        #expect(error.code == ENOSPC && error.path == path, "\(error)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try names(fs.url) == ["filler", "out.bin"])
    }

    /// A read-only file system: refused before any work, with EROFS.
    @Test(.enabled(if: TinyFileSystem.isAvailable, "mounting a tmpfs needs root and a kernel that allows it"))
    func readOnlyFileSystemIsEROFS() throws {
        let fs = try #require(TinyFileSystem.mount(kilobytes: 64, readOnly: true))
        let path = fs.url.appendingPathComponent("out.bin").path
        #expect(throws: FileError(path: path, call: .access, code: EROFS)) { try AtomicFile.checkDestination(path) }
        #expect(throws: FileError(path: path, call: .mkstemp, code: EROFS)) { try AtomicFile.write([1], to: path) }
    }
}

/// Destinations that are not plain files: devices are written in place (renaming over one
/// would replace the device node), links are followed so the link survives.
@Suite("Output to devices and links")
struct OutputSpecialFileTests {
    /// The device nodes are copies made with mknod, which needs root: the real /dev is never touched.
    @Test(.enabled(if: getuid() == 0, "mknod needs root"))
    func devicesAreWrittenInPlace() throws {
        let dir = TestPaths.temporaryDirectory()
        let full = dir.appendingPathComponent("full").path, null = dir.appendingPathComponent("null").path
        #expect(mknod(full, S_IFCHR | 0o666, (1 << 8) | 7) == 0 && mknod(null, S_IFCHR | 0o666, (1 << 8) | 3) == 0)
        try AtomicFile.checkDestination(null)
        try AtomicFile.write(Array("x".utf8), to: null)
        #expect(throws: FileError(path: full, call: .write, code: ENOSPC)) { try AtomicFile.write(Array("x".utf8), to: full) }
        var status = stat()
        #expect(stat(full, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR, "the device node is still a device")
        #expect(stat(null, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["full", "null"])
    }

    @Test func linksAreFollowed() throws {
        let dir = TestPaths.temporaryDirectory()
        let target = dir.appendingPathComponent("target.txt").path, link = dir.appendingPathComponent("link.txt").path
        try AtomicFile.write(Array("old".utf8), to: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try AtomicFile.write(Array("new".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }
}
