import Foundation
import GMM
import Testing
@testable import GMMRender

/// Writes the demo's frames at iterations 0, 1, 5 and the last to the directory named by
/// GMMVIZ_RENDER_SAMPLES (for assets/ and for looking at); does nothing without it.
@Test func writeSampleFrames() throws {
    guard let directory = ProcessInfo.processInfo.environment["GMMVIZ_RENDER_SAMPLES"] else { return }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let builder = try SceneBuilder(history: demoFit.history, data: demoFit.data, options: RenderOptions())
    let last = builder.snapshotCount - 1
    for index in [0, 1, 5, last] where index <= last {
        let scene = try builder.scene(at: index)
        for theme in Theme.allCases {
            var options = RenderOptions()
            options.theme = theme
            let renderer = try FrameRenderer(options: options)
            let name = String(format: "demo-%@-iteration-%02d", theme.rawValue, index)
            try renderer.writePNG(scene, to: "\(directory)/\(name).png")
            if theme == .light && index == last {
                try renderer.writeSVG(scene, to: "\(directory)/\(name).svg")
                try renderer.writePDF(scene, to: "\(directory)/\(name).pdf")
            }
        }
    }
    // An "after M-step" frame: the ellipses of snapshot 1 over the colours of the E-step that
    // produced them (responsibilities under snapshot 0).
    let previous = try responsibilities(of: demoFit.data, under: demoFit.history.snapshots[0].parameters)
    try FrameRenderer().writePNG(try builder.scene(at: min(1, last), responsibilities: previous, caption: "M-step"),
                                 to: "\(directory)/demo-light-iteration-01-mstep.png")
    // Many points and components: 20,000 points from eight blobs, fitted with K = 8, auto bounds.
    let ring: [[Double]] = (0 ..< 8).map { (i: Int) -> [Double] in
        let angle = Double(i) * Double.pi / 4
        return [6 * cos(angle), 6 * sin(angle)]
    }
    let blobs = try BlobGenerator.generate(means: ring, count: 2500, std: 1.2, seed: 3)
    let fit = try GaussianMixture(components: 8, options: FitOptions(maxIterations: 30))
        .fit(blobs, initialization: .kMeansPlusPlus)
    var options = RenderOptions()
    options.bounds = .auto
    options.equalAspect = true
    options.theme = .dark
    let big = try SceneBuilder(history: fit.history, data: blobs, options: options)
    try FrameRenderer(options: options).writePNG(try big.scene(at: min(3, big.snapshotCount - 1)),
                                                 to: "\(directory)/blobs-dark-k8.png")
}
