import Foundation
import Testing
import TestSupport

/// `render --timing` and `--hold-iteration`, run as a user runs them.
@Suite("render: timing options")
struct TimingOptionTests {
    private func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    /// The timing options are documented in --help.
    @Test func timingIsDocumentedInHelp() throws {
        let r = try CommandRunner.run(["render", "--help"])
        #expect(r.status == 0)
        for text in ["--timing <auto|constant>", "--hold-iteration", "log-likelihood", "deck.pdf", "lecture.html"] {
            #expect(r.stdout.contains(text), "\(text) missing from --help")
        }
    }

    /// `--timing auto` (the default) holds the first step longer than the tail; `constant`
    /// keeps every iteration at the delay.
    @Test func autoTimingReachesTheGIF() throws {
        let dir = TestPaths.temporaryDirectory()
        for timing in ["auto", "constant"] {
            let r = try CommandRunner.run(["render", "--size", "320x200", "--timing", timing, "--out", "\(timing).gif", "-q"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let auto = try DecodedGIF(try bytes(dir.appendingPathComponent("auto.gif")))
        let constant = try DecodedGIF(try bytes(dir.appendingPathComponent("constant.gif")))
        #expect(constant.delays.dropFirst().dropLast().allSatisfy { $0 == 50 })
        #expect(auto.delays[1] >= 2 * auto.delays[auto.delays.count - 2])
        let ratio = Double(auto.delays.reduce(0, +)) / Double(constant.delays.reduce(0, +))
        #expect(ratio >= 0.7 && ratio <= 1.3)
    }

    /// Bad input: one line, non-zero exit, and no file.
    @Test(arguments: [
        (["--hold-iteration", "30"], "--hold-iteration"),
        (["--tween", "2", "--hold-iteration", "0"], "--hold-iteration 0"),
        (["--timing", "fast"], "--timing"),
    ])
    func badTimingIsRejected(arguments: [String], mentions: String) throws {
        let dir = TestPaths.temporaryDirectory()
        let r = try CommandRunner.run(["render", "--out", "x.html"] + arguments, in: dir)
        #expect(r.status != 0)
        #expect(!r.crashed)
        #expect(r.stderr.contains(mentions), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.html").path))
    }
}
