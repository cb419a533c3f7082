import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A render stopped by a signal: every output kind, with real signals sent to the running
/// binary. It must exit with 128 + the signal's number, say so in one line, and leave every file
/// as it was before the run: no temporary file, no staging directory, the old GIF, deck, page
/// or frame set untouched.
@Suite("Interrupted renders")
struct InterruptTests {
    struct Case: Sendable, CustomStringConvertible {
        let output: String
        let signal: Int32
        /// Arguments naming the output, `$D` for the run's directory.
        let arguments: [String]
        /// Whether the output stages a temporary file or directory while it renders (the deck
        /// is built in memory and written at the end).
        let stages: Bool
        var description: String { "\(output) on signal \(signal)" }
    }

    static let cases: [Case] = [
        Case(output: "GIF", signal: SIGINT, arguments: ["--out", "$D/old.gif"], stages: true),
        Case(output: "GIF", signal: SIGTERM, arguments: ["--out", "$D/old.gif"], stages: true),
        Case(output: "GIF", signal: SIGHUP, arguments: ["--out", "$D/old.gif"], stages: true),
        Case(output: "frames", signal: SIGTERM, arguments: ["--out", "none", "--frames-dir", "$D/frames"], stages: true),
        Case(output: "deck", signal: SIGINT, arguments: ["--out", "$D/old.pdf"], stages: false),
        Case(output: "player", signal: SIGHUP, arguments: ["--out", "$D/old.html"], stages: true),
    ]

    @Test(arguments: cases)
    func aSignalLeavesEveryFileAsItWas(_ c: Case) throws {
        let dir = TestPaths.temporaryDirectory()
        for name in ["old.gif", "old.pdf", "old.html"] { try Data("good \(name)".utf8).write(to: dir.appendingPathComponent(name)) }
        // An earlier run's frames: the directory must keep exactly these.
        let frames = dir.appendingPathComponent("frames")
        try FileManager.default.createDirectory(at: frames, withIntermediateDirectories: false)
        for i in 0 ..< 3 { try Data("old frame \(i)".utf8).write(to: frames.appendingPathComponent(String(format: "frame_%04d.png", i))) }
        let before = try snapshot(of: dir)

        let process = Process()
        process.executableURL = TestPaths.productsDirectory.appendingPathComponent("gmmviz")
        // Long enough to be caught while it draws: 2 × 18 iterations with 40 tweens each, many
        // seconds of drawing however fast the machine.
        process.arguments = ["render", "--steps", "em", "--tween", "40", "--size", "800x480", "--threads", "2"]
            + c.arguments.map { $0.replacingOccurrences(of: "$D", with: dir.path) }
        let errors = TestPaths.temporaryDirectory().appendingPathComponent("stderr")
        try #require(FileManager.default.createFile(atPath: errors.path, contents: nil), "cannot create \(errors.path)")
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()

        // Wait until the output has started writing (a temporary beside it), or for a
        // second of drawing when it stages nothing.
        let deadline = Date().addingTimeInterval(60)
        func staged() -> Bool {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.contains { $0.contains(".tmp-") }
        }
        if c.stages {
            while !staged(), process.isRunning, Date() < deadline { usleep(20_000) }
            #expect(staged(), "the render never staged its output")
        } else {
            usleep(1_500_000)
        }
        #expect(process.isRunning, "the render ended before the signal")
        kill(process.processIdentifier, c.signal)
        process.waitUntilExit()

        let stderr = try String(contentsOf: errors, encoding: .utf8)
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + c.signal,
                "exit \(process.terminationStatus): \(stderr)")
        #expect(stderr.split(separator: "\n").count == 1 && stderr.hasPrefix("gmmviz: stopped by "), "\(stderr.debugDescription)")
        #expect(!stderr.contains("Fatal error") && !stderr.contains("backtrace"), "\(stderr)")
        #expect(try snapshot(of: dir) == before, "an interrupted run must leave every file as it was")
    }
}
