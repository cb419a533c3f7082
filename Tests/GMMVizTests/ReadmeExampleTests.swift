import Foundation
import GMM
import GMMAnimation
import GMMRender
import Testing
import TestSupport

/// The README's library examples, so they cannot rot: the same calls on the demo data.
@Suite("README library examples")
struct ReadmeExampleTests {
    @Test func modelAndFrameExampleRuns() throws {
        let dir = TestPaths.temporaryDirectory()
        let data = try Demo.data()
        let gmm = GaussianMixture(components: 3, covarianceType: .full, options: FitOptions(tolerance: 1e-4, seed: 1))
        let result = try gmm.fit(data, initialization: .kMeansPlusPlus)

        let history = result.history
        #expect(history.snapshots.count == history.iterations + 1)
        let labels = try result.model.predict(data)
        let r = try result.model.responsibilities(for: data)
        let logp = try result.model.scoreSamples(data)
        let bic = try result.model.bic(data)
        #expect(labels.count == 300 && r.count == 900 && logp.count == 300 && bic.isFinite)
        try history.jsonText().write(toFile: dir.appendingPathComponent("h.json").path, atomically: true, encoding: .utf8)

        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        let renderer = try FrameRenderer(options: builder.options)
        let png = dir.appendingPathComponent("iteration-1.png").path
        try renderer.writePNG(try builder.scene(at: 1), to: png)
        let pixels = try renderer.renderRaster(try builder.scene(at: 1))
        #expect(pixels.width == 1000 && pixels.height == 600)
        #expect(FileManager.default.fileExists(atPath: png))
    }

    /// A separate package that depends on gmmviz by path builds against the library products
    /// alone, and its demo GIF and frames are byte for byte those of `gmmviz render`.
    @Test(.timeLimit(.minutes(10)))
    func downstreamPackageRendersTheDemoLikeTheCommand() throws {
        let root = TestPaths.packageRoot
        let package = root.appendingPathComponent("Tests/Downstream")
        // A fresh build folder every time: SwiftPM does not notice source files added to a
        // path dependency after the build folder was first planned.
        let scratch = TestPaths.temporaryDirectory("gmmviz-downstream")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let build = try CommandRunner.run(["swift", "build", "--package-path", package.path,
                                                      "--scratch-path", scratch.path, "--product", "demo-gif"],
                                          executable: "/usr/bin/env")
        try #require(build.status == 0, "the downstream package does not build:\n\(build.stderr)\n\(build.stdout)")

        let dir = TestPaths.temporaryDirectory()
        let library = try CommandRunner.run([dir.path], executable: scratch.appendingPathComponent("debug/demo-gif").path)
        try #require(library.status == 0, "demo-gif failed: \(library.stdout)\(library.stderr)")
        let cli = try CommandRunner.run(["render", "--quiet", "--out", dir.appendingPathComponent("cli.gif").path,
                                  "--frames-dir", dir.appendingPathComponent("cli-frames").path])
        try #require(cli.status == 0, "gmmviz render failed: \(cli.stderr)")

        func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: dir.appendingPathComponent(name))) }
        #expect(try bytes("comb.gif") == bytes("cli.gif"), "the library's GIF differs from gmmviz render's")
        let frames = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("frames").path).sorted()
        #expect(!frames.isEmpty)
        #expect(frames == (try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("cli-frames").path).sorted()))
        for name in frames {
            #expect(try bytes("frames/" + name) == bytes("cli-frames/" + name), "\(name) differs")
        }
    }
}
