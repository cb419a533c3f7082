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
}
