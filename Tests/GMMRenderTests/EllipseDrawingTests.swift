import Foundation
import GMM
import Testing
@testable import GMMRender

/// The drawn covariance ellipses, measured on the rendered pixels of the demo's fit.
@Suite struct EllipseDrawingTests {
    /// The 1σ circle of the demo's iteration 0, measured on the pixels: scan a row and a column
    /// through the first mean for the outline's colour.
    @Test func identityCovariancesAreCircles() throws {
        let (data, history) = demoFit
        var options = RenderOptions()
        options.showPoints = false
        options.showTrails = false
        options.showMeans = false
        options.sigmas = [1]
        options.showGrid = false
        let builder = try SceneBuilder(history: history, data: data, options: options)
        let scene = try builder.scene(at: 0)
        let renderer = try FrameRenderer(options: options)
        let frame = try renderer.renderRaster(scene)
        let layout = try renderer.layout(for: scene)
        let c = layout.transform.pixel(scene.components[0].mean)
        let color = RenderPalette().color(ofComponent: 0)
        func isOutline(_ x: Int, _ y: Int) -> Bool { channelDistance(frame.pixels[y * frame.width + x], color) <= 60 }
        let cx = Int(c.x), cy = Int(c.y)
        let xs = (cx - 60 ... cx + 60).filter { isOutline($0, cy) }
        let ys = (cy - 60 ... cy + 60).filter { isOutline(cx, $0) }
        let width = Double((xs.max() ?? 0) - (xs.min() ?? 0)), height = Double((ys.max() ?? 0) - (ys.min() ?? 0))
        #expect(width > 20 && height > 20)
        #expect(abs(width - height) <= 2, "1σ outline \(width) × \(height) px")
    }

    /// With 1,000,000 points drawn as a density image, the 1σ outline of the densest component
    /// still shows its own colour: along the outline most pixels are near the component colour.
    @Test func ellipsesStayVisibleOverADensityImage() throws {
        // The demo's fit at iteration 1 over a million points drawn from its three blobs.
        let blobs = try BlobGenerator.generate(means: Demo.trueMeans, count: 333_334, seed: 0)
        let data = try Dataset(values: Array(blobs.values.prefix(2_000_000)), dimension: 2)
        let history = demoFit.history
        let scene = try SceneBuilder(history: history, data: data, options: RenderOptions()).scene(at: 1)
        var options = RenderOptions()
        options.width = 500
        options.height = 300
        let renderer = try FrameRenderer(options: options)
        let frame = try renderer.renderRaster(scene)
        let layout = try renderer.layout(for: scene)
        let colors = RenderPalette().colors(forComponents: scene.componentCount)
        let drawer = { (c: SceneComponent, k: Int) -> Double in
            guard let g = EllipseGeometry(mean: c.mean, covariance: c.covariance, sigma: 1) else { return 0 }
            // An ellipse hidden under its own mean marker has nothing to show.
            let minor = layout.transform.vector(g.minor)
            guard (minor.x * minor.x + minor.y * minor.y).squareRoot() > 12 * layout.style.unit else { return 1 }
            var near = 0, total = 0
            for step in 0 ..< 72 {
                let t = Double(step) / 72 * 2 * Double.pi
                let p = layout.transform.pixel(Point2(x: g.center.x + cos(t) * g.major.x + sin(t) * g.minor.x,
                                                      y: g.center.y + cos(t) * g.major.y + sin(t) * g.minor.y))
                let x = Int(p.x), y = Int(p.y)
                guard x >= Int(layout.plot.x), x < Int(layout.plot.maxX), y >= Int(layout.plot.y), y < Int(layout.plot.maxY) else { continue }
                total += 1
                let best = (-1 ... 1).flatMap { dy in (-1 ... 1).map { dx in channelDistance(frame.pixels[(y + dy) * frame.width + x + dx], colors[k]) } }.min() ?? 999
                if best <= 60 { near += 1 }
            }
            return total > 0 ? Double(near) / Double(total) : 0
        }
        for (k, c) in scene.components.enumerated() {
            let share = drawer(c, k)
            #expect(share >= 0.9, "component \(k + 1): \(share) of its outline visible")
        }
    }
}
