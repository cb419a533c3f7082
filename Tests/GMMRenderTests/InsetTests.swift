import Foundation
import GMM
import Testing
@testable import GMMRender

/// The log-likelihood inset: what it draws and how far each iteration moves its current point.
@Suite struct InsetTests {
    /// Pixels of the inset's plotting area right of iteration k hold nothing but its background.
    @Test func insetDrawsNothingBeyondTheCurrentIteration() throws {
        let (data, history) = demoFit
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        let renderer = try FrameRenderer(options: builder.options)
        let background = RenderOptions().theme.colors.background
        for k in [0, 1, 5] {
            let scene = try builder.scene(at: k)
            let frame = try renderer.renderRaster(scene)
            guard let r = try renderer.layout(for: scene).inset else { Issue.record("no inset"); return }
            let xk = r.x + Double(k) / Double(history.iterations) * r.width
            // The break band crosses the whole width by design; every other row is checked.
            let band = try InsetScale(values: scene.logLikelihoods, plot: r, style: renderer.layout(for: scene).style).breakBand
            var stray = 0
            for y in Int(r.y) + 2 ..< Int(r.maxY) - 1 where !(band.map { Double(y) >= $0.top - 3 && Double(y) <= $0.bottom + 3 } ?? false) {
                for x in Int(xk + 6) ..< Int(r.maxX) - 1 where frame.pixels[y * frame.width + x] != background { stray += 1 }
            }
            #expect(stray == 0, "frame \(k): \(stray) pixels drawn right of iteration \(k)")
        }
    }

    /// Iterations 1…10 of the demo each put the inset's current point at least 2 px above the
    /// previous one (checked on the layout's map, the same function the drawer uses).
    @Test func everyEarlyIncreaseIsVisible() throws {
        let (data, history) = demoFit
        let scene = try SceneBuilder(history: history, data: data, options: RenderOptions()).scene(at: 0)
        guard let r = try FrameLayout(options: RenderOptions(), scene: scene).inset else { Issue.record("no inset"); return }
        let values = history.snapshots.map(\.logLikelihood)
        let scale = InsetScale(values: values, plot: r, style: FrameStyle(options: RenderOptions()))
        for k in 1 ... 10 {
            #expect(scale.y(values[k - 1]) - scale.y(values[k]) >= 2, "iteration \(k): \(scale.y(values[k - 1]) - scale.y(values[k])) px")
        }
    }
}
