import Foundation
import Testing
@testable import GMMRender

@Suite struct LayoutTests {
    let scene: Scene = {
        do {
            return try Scene(points: [Point2(x: -3, y: 1), Point2(x: 5, y: 9)], responsibilities: [1, 1],
                             components: [SceneComponent(weight: 1, mean: Point2(x: 0, y: 0), covariance: .identity)])
        } catch { fatalError("\(error)") }
    }()

    @Test func windowCornersMapToPlotCorners() throws {
        for options in [RenderOptions(), bareOptions()] {
            let layout = try FrameLayout(options: options, scene: scene)
            let t = layout.transform, p = layout.plot
            let corners = [(Point2(x: -10, y: 10), Point2(x: p.x, y: p.y)),
                           (Point2(x: 10, y: 10), Point2(x: p.maxX, y: p.y)),
                           (Point2(x: -10, y: -10), Point2(x: p.x, y: p.maxY)),
                           (Point2(x: 10, y: -10), Point2(x: p.maxX, y: p.maxY))]
            for (data, pixel) in corners {
                let mapped = t.pixel(data)
                #expect(abs(mapped.x - pixel.x) < 1e-9 && abs(mapped.y - pixel.y) < 1e-9, "\(data) → \(mapped), expected \(pixel)")
                let back = t.data(mapped)
                #expect(abs(back.x - data.x) < 1e-9 && abs(back.y - data.y) < 1e-9)
            }
            // The plot stays inside the canvas.
            #expect(p.x >= 0 && p.y >= 0 && p.maxX <= layout.width && p.maxY <= layout.height)
        }
    }

    @Test func bareFrameIsAllPlot() throws {
        let layout = try FrameLayout(options: bareOptions(), scene: scene)
        #expect(layout.plot == PixelRect(x: 14, y: 14, width: 372, height: 272))
        #expect(layout.panel == nil && layout.inset == nil && layout.titleBaseline == nil)
    }

    /// A plot free to stretch takes most of a wide frame's width, at the common sizes and in the
    /// 16:9 slide preset with its large text, and in the 4:3 preset at least as much as the side
    /// column; an equal-scale plot takes the whole height it may.
    @Test func plotTakesMostOfTheWidth() throws {
        let sizes: [(Int, Int, Double)] = [(800, 480, 1), (1000, 600, 1), (1920, 1080, RenderOptions.slideTextScale),
                                           (1440, 1080, RenderOptions.slideTextScale)]
        for (w, h, text) in sizes {
            var options = RenderOptions()
            (options.width, options.height, options.textScale) = (w, h, text)
            options.aspect = .fill
            let layout = try FrameLayout(options: options, scene: scene)
            if Double(w) >= 1.5 * Double(h) {
                #expect(layout.plot.width >= 0.5 * Double(w), "plot \(layout.plot.width) of \(w) at \(w)x\(h)")
            } else {
                #expect(layout.plot.width >= (layout.panel?.width ?? 0), "plot \(layout.plot.width) at \(w)x\(h)")
            }
            options.aspect = .equal
            let square = try FrameLayout(options: options, scene: scene)
            #expect(abs(square.plot.height - layout.plot.height) < 1e-9, "equal scale keeps the height at \(w)x\(h)")
            #expect(square.panel.map { $0.maxX <= Double(w) } ?? false)
        }
    }

    @Test func equalAspectGivesOneScale() throws {
        var options = RenderOptions()
        options.equalAspect = true
        let t = try FrameLayout(options: options, scene: scene).transform
        #expect(abs(t.sx - t.sy) < 1e-9)
    }

    @Test func autoBoundsHoldThePointsWithAMargin() throws {
        var options = RenderOptions()
        options.bounds = .auto
        let w = try FrameLayout(options: options, scene: scene).transform.window
        #expect(w.xmin < -3 && w.xmax > 5 && w.ymin < 1 && w.ymax > 9)
        #expect(abs(w.xmin - (-3 - 8 * RenderOptions.autoMargin)) < 1e-9)
    }

    @Test func autoBoundsOfOnePoint() throws {
        var options = RenderOptions()
        options.bounds = .auto
        let one = try Scene(points: [Point2(x: 4, y: 4)], responsibilities: [1], components: scene.components)
        let w = try FrameLayout(options: options, scene: one).transform.window
        #expect(w.xmin < 4 && 4 < w.xmax && w.ymin < 4 && 4 < w.ymax)
    }

    @Test func tooSmallForTheElementsIsAnError() {
        var options = RenderOptions()
        options.width = 40
        options.height = 40
        #expect(throws: RenderError.self) { try FrameLayout(options: options, scene: scene) }
    }

    @Test func ticksAreNiceAndLabelledWithATrueMinus() {
        #expect(Ticks.values(from: -10, to: 10, target: 7) == [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10])
        let fine = Ticks.values(from: 0.13, to: 0.61, target: 5)
        #expect(fine.count == 5 && zip(fine, [0.2, 0.3, 0.4, 0.5, 0.6]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(Ticks.label(-2, step: 2) == "−2")
        #expect(Ticks.label(0.5, step: 0.1) == "0.5")
        #expect(Ticks.formatted(-0.0001, decimals: 2) == "0.00")
        #expect(Ticks.values(from: 1e15, to: 1e15 + 1, target: 5).count <= 50)
    }

    @Test func ellipseGeometryIsTheEigenDecomposition() throws {
        // Σ = R(30°) diag(4, 1) R(30°)ᵀ
        let cov = rotatedCovariance(major: 4, minor: 1, degrees: 30)
        let g = try #require(EllipseGeometry(mean: Point2(x: 1, y: 2), covariance: cov, sigma: 2))
        let angle = atan2(g.major.y, g.major.x) * 180 / .pi
        #expect(abs(angle - 30) < 1e-9 || abs(angle + 150) < 1e-9)
        #expect(abs((g.major.x * g.major.x + g.major.y * g.major.y).squareRoot() - 4) < 1e-9)
        #expect(abs((g.minor.x * g.minor.x + g.minor.y * g.minor.y).squareRoot() - 2) < 1e-9)
        #expect(EllipseGeometry(mean: Point2(x: .nan, y: 0), covariance: .identity, sigma: 1) == nil)
    }

    /// A thin ellipse keeps its minor axis. For Σ = diag(a, b) the semi-axes are r√a and r√b
    /// exactly; with a/b = 10¹⁶ the smaller eigenvalue taken as (mean − radius) is lost to
    /// cancellation (it comes out 0 or a multiple of the ulp of a/2), while det/λ₁ keeps it to
    /// a few ulps, hence the tolerance of 1e-12 relative.
    @Test func thinEllipseKeepsItsMinorAxis() throws {
        for (xx, yy) in [(1e8, 1e-8), (1e-8, 1e8), (4.0, 4e-16)] {
            let g = try #require(EllipseGeometry(mean: Point2(x: 0, y: 0), covariance: Covariance2(xx: xx, xy: 0, yy: yy), sigma: 2))
            let major = (g.major.x * g.major.x + g.major.y * g.major.y).squareRoot()
            let minor = (g.minor.x * g.minor.x + g.minor.y * g.minor.y).squareRoot()
            #expect(abs(major - 2 * max(xx, yy).squareRoot()) <= 1e-12 * major, "Σ = diag(\(xx), \(yy))")
            #expect(abs(minor - 2 * min(xx, yy).squareRoot()) <= 1e-12 * minor, "Σ = diag(\(xx), \(yy)): minor \(minor)")
        }
        // A zero covariance is a point: both axes 0, not NaN.
        let point = try #require(EllipseGeometry(mean: Point2(x: 1, y: 1), covariance: Covariance2(xx: 0, xy: 0, yy: 0), sigma: 2))
        #expect(point.major == Point2(x: 0, y: 0) && point.minor == Point2(x: 0, y: 0))
    }
}

/// R(θ) diag(major, minor) R(θ)ᵀ.
func rotatedCovariance(major: Double, minor: Double, degrees: Double) -> Covariance2 {
    let t = degrees * .pi / 180, c = cos(t), s = sin(t)
    return Covariance2(xx: major * c * c + minor * s * s, xy: (major - minor) * c * s, yy: major * s * s + minor * c * c)
}
