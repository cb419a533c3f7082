import Foundation
import Testing
import TestSupport

/// `render` on a fit whose covariance collapses: the frames up to the failure, the last with a
/// banner, in every output; then the failure, one line, as `fit` words it.
@Suite("render: covariance collapse")
struct CollapseCommandTests {
    /// The warning colour of the light theme, used by the banner's frame and headline.
    static let warning: UInt32 = 0xB00020

    static func warningPixels(_ png: URL) throws -> Int {
        let image = try PNGDecoding.decode(Array(try Data(contentsOf: png)))
        return image.pixels.filter { $0 == warning }.count
    }

    /// The iteration named by "… after iteration n …" in a message.
    static func failedIteration(_ message: String) -> Int? {
        guard let range = message.range(of: "after iteration ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func writesEveryFrameUpToTheCollapseThenFailsWithOneLine() throws {
        let dir = TestPaths.temporaryDirectory()
        let data = try FailureFixtures.write(FailureFixtures.collapse, named: "collapse.csv", in: dir)
        let model = ["--data", data, "--means", FailureFixtures.meansArgument, "--reg-covar", "0"]

        let fit = try CommandRunner.run(["fit"] + model + ["--history", "h.json"], in: dir)
        #expect(fit.status != 0)
        let failed = try #require(Self.failedIteration(fit.stderr), "\(fit.stderr)")
        #expect(failed >= 2)
        // `fit` keeps its error and writes no partial history: a history file is a finished fit.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("h.json").path))

        for out in ["anim.gif", "deck.pdf", "player.html"] {
            let frames = "frames-\(out)"
            let r = try CommandRunner.run(["render"] + model + ["--frames-dir", frames, "--out", out], in: dir)
            #expect(r.status != 0 && !r.crashed, "\(r.stderr)")
            // One line, and the very line `fit` gives for the same fit.
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            #expect(r.stderr == fit.stderr)

            // Snapshots 0 … failed − 1: one frame each, the last the banner frame.
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(frames).path).sorted()
            #expect(names == (0 ..< failed).map { String(format: "frame_%04d.png", $0) })
            let warnings = try names.map { try Self.warningPixels(dir.appendingPathComponent(frames).appendingPathComponent($0)) }
            // The banner's frame alone holds a long outline in the warning colour (earlier frames
            // may flag the shrinking component with a small ring).
            let earlier = warnings.dropLast().max() ?? 0
            #expect((warnings.last ?? 0) > earlier + 1000, "\(warnings)")
            let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(out)))
            #expect(!bytes.isEmpty)
            if out.hasSuffix(".gif") { #expect(try DecodedGIF(bytes).frames.count == failed) }
            if out.hasSuffix(".pdf") {
                let info = try CommandRunner.run([dir.appendingPathComponent(out).path], executable: "/usr/bin/pdfinfo")
                #expect(info.stdout.contains("Pages:           \(failed)\n"), "\(info.stdout)")
            }
        }
    }

    /// With a regulariser the same start fits: the advice the banner gives works.
    @Test func raisingRegCovarAsAdvisedFits() throws {
        let dir = TestPaths.temporaryDirectory()
        let data = try FailureFixtures.write(FailureFixtures.collapse, named: "collapse.csv", in: dir)
        let r = try CommandRunner.run(["render", "--data", data, "--means", FailureFixtures.meansArgument,
                                       "--frames-dir", "f", "--out", "none"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
    }
}
