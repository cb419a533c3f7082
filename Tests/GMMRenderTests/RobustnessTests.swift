import Foundation
import GMM
import Testing
@testable import GMMRender

/// Degenerate and extreme scenes draw without a Cairo error in every format, and the marker of a
/// degenerate component still shows.
@Suite struct RobustnessTests {
    static let degenerate: [(String, Point2, Covariance2)] = [
        ("zero covariance", Point2(x: 1, y: 1), Covariance2(xx: 0, xy: 0, yy: 0)),
        ("rank one", Point2(x: 1, y: 1), Covariance2(xx: 1, xy: 1, yy: 1)),
        ("not positive semi-definite", Point2(x: 1, y: 1), Covariance2(xx: 1, xy: 3, yy: 1)),
        ("NaN covariance", Point2(x: 1, y: 1), Covariance2(xx: .nan, xy: 0, yy: 1)),
        ("infinite covariance", Point2(x: 1, y: 1), Covariance2(xx: .infinity, xy: 0, yy: 1)),
        ("huge covariance", Point2(x: 1, y: 1), Covariance2(xx: 1e300, xy: 0, yy: 1e300)),
        ("tiny covariance", Point2(x: 1, y: 1), Covariance2(xx: 1e-300, xy: 0, yy: 1e-300)),
        ("NaN mean", Point2(x: .nan, y: 1), Covariance2.identity),
        ("far-away mean", Point2(x: 1e12, y: -1e15), Covariance2.identity),
        ("huge mean", Point2(x: 1e308, y: -1e308), Covariance2(xx: 1e308, xy: 0, yy: 1e308)),
    ]

    @Test(arguments: degenerate.map(\.0))
    func degenerateComponentDrawsEverywhere(name: String) throws {
        let (_, mean, covariance) = try #require(Self.degenerate.first { $0.0 == name })
        let components = [SceneComponent(weight: 0.5, mean: mean, covariance: covariance),
                          SceneComponent(weight: 0.5, mean: Point2(x: -2, y: -2), covariance: .identity)]
        let points = [Point2(x: 0, y: 0), Point2(x: 1e300, y: -1e300), Point2(x: 10, y: 10), Point2(x: .nan, y: 0)]
        let scene = try Scene(points: points, responsibilities: [0.5, 0.5, 1, 0, 0, 1, .nan, .nan], components: components,
                              trails: [[Point2(x: -1e200, y: 1e200), mean], [Point2(x: 0, y: 0), Point2(x: -2, y: -2)]],
                              iteration: 1, iterationCount: 1, logLikelihood: .nan, logLikelihoods: [-.infinity, .nan])
        let renderer = try FrameRenderer()
        for format in FrameFormat.allCases { _ = try renderer.render(scene, format: format) }

        // A finite mean inside the window keeps its marker even when its ellipse cannot be drawn.
        if mean.isFinite && abs(mean.x) < 10 && abs(mean.y) < 10 {
            var options = bareOptions()
            options.showMeans = true
            options.showEllipses = true
            let r = try FrameRenderer(options: options)
            let frame = try r.renderRaster(scene)
            let p = try r.layout(for: scene).transform.pixel(mean)
            #expect(channelDistance(frame[Int(p.x), Int(p.y)], 0xD55E00) <= 2, "marker missing for \(name)")
        }
    }

    @Test func rankOneCovarianceDrawsASegment() throws {
        var options = bareOptions()
        options.showEllipses = true
        options.bounds = .fixed(xmin: -5, xmax: 5, ymin: -5, ymax: 5)
        let scene = try singleComponentScene(mean: Point2(x: 0, y: 0), covariance: Covariance2(xx: 4, xy: 0, yy: 0))
        let r = try FrameRenderer(options: options)
        let frame = try r.renderRaster(scene)
        let t = try r.layout(for: scene).transform
        // The segment runs from x = −2 to 2 on y = 0.
        let p = t.pixel(Point2(x: 1, y: 0))
        #expect(frame[Int(p.x), Int(p.y)] != Theme.light.colors.background)
        let off = t.pixel(Point2(x: 1, y: 1))
        #expect(frame[Int(off.x), Int(off.y)] == Theme.light.colors.background)
    }

    @Test(arguments: [(1, 1), (1, 20), (300, 1), (300, 20), (100_000, 3)])
    func sizesOfNAndK(n: Int, k: Int) throws {
        var generator = SeededGenerator(seed: 7)
        let points = (0 ..< n).map { _ in Point2(x: generator.nextNormal() * 4, y: generator.nextNormal() * 4) }
        var responsibilities = [Double](repeating: 0, count: n * k)
        for i in 0 ..< n { responsibilities[i * k + i % k] = 1 }
        let components = (0 ..< k).map { j in
            SceneComponent(weight: 1 / Double(k), mean: Point2(x: Double(j % 5) * 3 - 6, y: Double(j / 5) * 3 - 4),
                           covariance: Covariance2(xx: 1, xy: 0.3, yy: 0.8))
        }
        let trails = components.map { [Point2(x: 0, y: 0), $0.mean] }
        let scene = try Scene(points: points, responsibilities: responsibilities, components: components, trails: trails,
                              iteration: 1, iterationCount: 10, logLikelihood: -3, logLikelihoods: (0 ... 10).map { -4 + 0.1 * Double($0) },
                              converged: true, caption: "M-step")
        let renderer = try FrameRenderer()
        let frame = try renderer.renderRaster(scene)
        #expect(frame.pixels.count == 600_000)
        if n <= 300 {
            _ = try renderer.render(scene, format: .svg)
            _ = try renderer.render(scene, format: .pdf)
        }
    }

    @Test func pointOnTheBorderIsClippedNotDropped() throws {
        var options = bareOptions()
        options.showPoints = true
        options.pointRadius = 4
        options.bounds = .fixed(xmin: -5, xmax: 5, ymin: -5, ymax: 5)
        let scene = try Scene(points: [Point2(x: 5, y: 0)], responsibilities: [1],
                              components: [SceneComponent(weight: 1, mean: .init(x: 0, y: 0), covariance: .identity)])
        let frame = try FrameRenderer(options: options).renderRaster(scene)
        // The right edge of the plot is x = 386: the inner half of the disc shows, the outer not.
        #expect(frame[384, 150] != Theme.light.colors.background)
        #expect(frame[388, 150] == Theme.light.colors.background)
    }

    /// With no components the points still show, as the hollow grey rings of a responsibility
    /// row that is not a distribution, and every format renders.
    @Test func emptyMixtureDrawsItsPointsAsGreyRings() throws {
        var options = bareOptions(width: 600, height: 600)
        options.showPoints = true
        options.pointRadius = 8
        options.bounds = .fixed(xmin: -5, xmax: 5, ymin: -5, ymax: 5)
        let renderer = try FrameRenderer(options: options)
        let scene = try Scene(points: [Point2(x: 0, y: 0)], responsibilities: [], components: [])
        let frame = try renderer.renderRaster(scene)
        let t = try renderer.layout(for: scene).transform
        let centre = t.pixel(Point2(x: 0, y: 0)), away = t.pixel(Point2(x: 3, y: 3))
        // One style unit is one pixel here: the ring runs from 6.8 to 8 pixels out.
        #expect(frame[Int(centre.x), Int(centre.y)] == Theme.light.colors.background)
        #expect(channelDistance(frame[Int(centre.x + 7.4), Int(centre.y)], ResponsibilityBlender.unassignedColor) <= 30)
        #expect(frame[Int(away.x), Int(away.y)] == Theme.light.colors.background)
        // The vector formats draw the point too: they differ from the same scene without it.
        let empty = try Scene(points: [], responsibilities: [], components: [])
        for format in [FrameFormat.svg, .pdf] {
            #expect(try renderer.render(scene, format: format) != (try renderer.render(empty, format: format)), "\(format)")
        }
    }
}
