import Foundation
import GMM
import GMMImage
import Testing
import TestSupport
@testable import GMMRender

/// A component that holds too few points to estimate a covariance is flagged, on the frame
/// and in the header; a healthy fit is not.
@Suite("Starved components")
struct StarvedComponentTests {
    /// The warning's colour on the light theme, as the drawing code names it.
    static let warning: UInt32 = 0xB00020

    /// Pixels of exactly the warning colour inside `rect` (logical = device pixels at scale 1).
    static func warningPixels(_ image: RGBImage, in rect: PixelRect) -> Int {
        var count = 0
        for y in max(0, Int(rect.y)) ..< min(image.height, Int(rect.maxY)) {
            for x in max(0, Int(rect.x)) ..< min(image.width, Int(rect.maxX)) where image.pixels[y * image.width + x] == warning {
                count += 1
            }
        }
        return count
    }

    static func starvedFit() throws -> (FitHistory, Dataset) {
        let data = try Dataset(rows: FailureFixtures.starved)
        let h = try GaussianMixture(components: 3).fit(data, initialization: .means(FailureFixtures.means)).history
        return (h, data)
    }

    /// The fixture converges with the third component on the two lone points: N₃ ≈ 2, flagged;
    /// the rings' components (N ≈ 30) are not.
    @Test func fixtureStarvesTheThirdComponent() throws {
        let (h, data) = try Self.starvedFit()
        #expect(h.converged)
        let scene = try SceneBuilder(history: h, data: data, options: RenderOptions()).scene(at: h.iterations)
        #expect(scene.starved == [2])
        #expect(abs(scene.effectiveCounts[2] - 2) < 0.1)
        #expect(abs(scene.effectiveCounts[0] - 30) < 1 && abs(scene.effectiveCounts[1] - 30) < 1)
        #expect(FrameDrawer.starvedHeaderText(scene) == "⚠ component 3 starved (N≈2.0)")
    }

    /// The frame shows the flag where the component is, and the header carries it beside the
    /// converged mark; the same fit with the third component given plenty of points shows none.
    @Test func frameMarksTheComponentAndTheHeader() throws {
        let (h, data) = try Self.starvedFit()
        var options = RenderOptions()
        options.bounds = .fixed(xmin: -8, xmax: 8, ymin: -8, ymax: 8)
        let scene = try SceneBuilder(history: h, data: data, options: options).scene(at: h.iterations)
        let renderer = try FrameRenderer(options: options)
        let layout = try renderer.layout(for: scene)
        let image = try renderer.renderRaster(scene)
        let mean = layout.transform.pixel(scene.components[2].mean)
        let around = PixelRect(x: mean.x - 40, y: mean.y - 40, width: 80, height: 80)
        let header = PixelRect(x: 0, y: 0, width: layout.width, height: layout.plot.y)
        #expect(Self.warningPixels(image, in: around) > 20)
        #expect(Self.warningPixels(image, in: header) > 20)

        var healthy = scene
        healthy.starved = []
        let plain = try renderer.renderRaster(healthy)
        #expect(Self.warningPixels(plain, in: PixelRect(x: 0, y: 0, width: layout.width, height: layout.height)) == 0)
    }

    /// The threshold is D + 3 points: exactly 5 in the plane is enough, just under is not.
    @Test func thresholdIsDPlusThree() throws {
        #expect(Scene.starvationThreshold(dimension: 2) == 5)
        let data = try Dataset(rows: (0 ..< 100).map { [Double($0 % 10), Double($0 / 10)] })
        let identity: [[Double]] = [[1, 0], [0, 1]]
        func starved(weights: [Double]) throws -> [Int] {
            let p = MixtureParameters(weights: weights, means: [[1, 1], [5, 5], [8, 8]], covariances: [identity, identity, identity])
            let h = FitHistory(components: 3, dimensions: 2, samples: 100, converged: true,
                               snapshots: [Snapshot(iteration: 0, parameters: p, logLikelihood: -3)])
            return try SceneBuilder(history: h, data: data, options: RenderOptions()).scene(at: 0).starved
        }
        #expect(try starved(weights: [0.05, 0.0499, 0.9001]) == [1])
        #expect(try starved(weights: [0.05, 0.05, 0.9]) == [])
    }
}
