import Foundation
@testable import GMMFiles
import Testing
import TestSupport

/// A directory of files replaced as a whole: the old set or the new one, never a mixture.
@Suite("Staged directories")
struct StagedDirectoryTests {
    func names(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    func write(_ text: String, _ path: String) throws {
        try AtomicFile.write(Array(text.utf8), to: path)
    }

    @Test func aNewDirectoryAppearsWholeOnCommit() throws {
        let parent = TestPaths.temporaryDirectory()
        let target = parent.appendingPathComponent("set")
        let staged = try StagedDirectory(destination: target.path)
        try write("1", staged.path + "/a")
        #expect(!FileManager.default.fileExists(atPath: target.path))
        try staged.commit { _ in true }
        #expect(try names(target) == ["a"])
        #expect(try names(parent) == ["set"])
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o055 } == 0o055, "readable by others, like any directory made with mkdir")
    }

    /// The old set goes with the old directory; entries that are not the set's are carried over.
    @Test func commitReplacesTheSetAndKeepsOtherFiles() throws {
        let parent = TestPaths.temporaryDirectory()
        let target = parent.appendingPathComponent("set")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        for name in ["f1", "f2", "f3", "notes.txt"] { try write("old " + name, target.path + "/" + name) }
        let staged = try StagedDirectory(destination: target.path + "/")
        try write("new f1", staged.path + "/f1")
        try staged.commit { $0.hasPrefix("f") }
        #expect(try names(target) == ["f1", "notes.txt"])
        #expect(try String(contentsOfFile: target.path + "/f1", encoding: .utf8) == "new f1")
        #expect(try String(contentsOfFile: target.path + "/notes.txt", encoding: .utf8) == "old notes.txt")
        #expect(try names(parent) == ["set"])
    }

    @Test func abortLeavesTheOldSet() throws {
        let parent = TestPaths.temporaryDirectory()
        let target = parent.appendingPathComponent("set")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try write("old", target.path + "/f1")
        do {
            let staged = try StagedDirectory(destination: target.path)
            try write("new", staged.path + "/f1")
            try write("new", staged.path + "/f2")
            staged.abort()
        }
        do {
            // Dropped without a commit: the same as an abort.
            let staged = try StagedDirectory(destination: target.path)
            try write("new", staged.path + "/f1")
        }
        #expect(try names(target) == ["f1"])
        #expect(try String(contentsOfFile: target.path + "/f1", encoding: .utf8) == "old")
        #expect(try names(parent) == ["set"])
    }

    @Test func aFileInTheWayIsAnError() throws {
        let parent = TestPaths.temporaryDirectory()
        let path = parent.appendingPathComponent("afile").path
        try write("x", path)
        #expect(throws: FileError(path: path, call: .stat, code: ENOTDIR)) { try StagedDirectory(destination: path) }
        let missing = parent.appendingPathComponent("no/set").path
        #expect(throws: FileError(path: missing, call: .mkdir, code: ENOENT)) { try StagedDirectory(destination: missing) }
    }

    /// What a signal handler's thread removes: every temporary file and staging directory still
    /// open, and nothing that was committed.
    @Test func removeAllTakesEveryTemporaryAndNothingCommitted() throws {
        let parent = TestPaths.temporaryDirectory()
        try write("kept", parent.path + "/kept.txt")
        let file = try OutputFile(path: parent.path + "/half.txt")
        try file.write(Array("half".utf8))
        let staged = try StagedDirectory(destination: parent.path + "/set")
        try write("frame", staged.path + "/f1")
        let open = try OutputFile(path: staged.path + "/f2")
        #expect(Set(TemporaryFiles.paths).isSuperset(of: [file.temporaryPath, staged.path, open.temporaryPath]))
        #expect(try names(parent).count == 3)
        // Only this test's entries: other suites write files in the same process meanwhile.
        #expect(TemporaryFiles.removeAll { $0.hasPrefix(parent.path) } == 3)
        #expect(try names(parent) == ["kept.txt"])
        #expect(TemporaryFiles.paths.allSatisfy { !$0.hasPrefix(parent.path) })
    }
}
