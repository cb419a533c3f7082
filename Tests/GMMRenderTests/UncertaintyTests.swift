import Foundation
import GMMColor
import GMMImage
import Testing
@testable import GMMRender

/// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear-light sRGB.
private let deuteranopia: [[Double]] = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]


/// A point's uncertainty drawn as its size, and points not assigned yet drawn so that no mix of
/// component colours looks like them: checked on rendered pixels of bare frames (400 × 300,
/// plot 372 × 272 at (14, 14), window [−5, 5]²).
@Suite struct UncertaintyTests {
    /// The least ΔE_ok between a 50/50 point and a point not assigned yet: 0.1, five
    /// just-noticeable differences (ΔE_ok ≈ 0.02), a difference seen at a glance.
    static let minimumDeltaE = 0.1

    static func options(theme: Theme = .light) -> RenderOptions {
        var o = bareOptions()
        o.bounds = .fixed(xmin: -5, xmax: 5, ymin: -5, ymax: 5)
        o.showPoints = true
        o.pointRadius = 6
        o.theme = theme
        return o
    }

    /// K components far from the origin, so none of their drawing reaches the points.
    static func components(_ k: Int) -> [SceneComponent] {
        (0 ..< k).map { _ in SceneComponent(weight: 1 / Double(k), mean: Point2(x: 4.5, y: 4.5), covariance: .identity) }
    }

    /// The pixel at the centre of a single point at the origin, whose responsibilities are
    /// `row` (nil: not assigned yet), on a frame with the ellipses drawn when `ellipses`.
    static func centreColour(row: [Double]?, k: Int, theme: Theme = .light, ellipseUnder: Bool = false) throws -> UInt32 {
        var options = Self.options(theme: theme)
        var components = Self.components(k)
        if ellipseUnder {
            // A wide component centred on the point: its fills lie under the point.
            options.showEllipses = true
            components[0] = SceneComponent(weight: 1, mean: Point2(x: 0, y: 0), covariance: Covariance2(xx: 4, xy: 0, yy: 4))
        }
        var scene = try Scene(points: [Point2(x: 0, y: 0)], responsibilities: row ?? [Double](repeating: 1 / Double(k), count: k),
                              components: components)
        scene.pointsAssigned = row != nil
        let renderer = try FrameRenderer(options: options)
        let p = try renderer.layout(for: scene).transform.pixel(Point2(x: 0, y: 0))
        let frame = try renderer.renderRaster(scene)
        return frame[Int(p.x), Int(p.y)]
    }

    @Test(arguments: [Theme.light, .dark])
    func fiftyFiftyPointsDifferFromUnassignedPoints(theme: Theme) throws {
        let k = 8
        let unassigned = try Self.centreColour(row: nil, k: k, theme: theme)
        let unassignedOverEllipse = try Self.centreColour(row: nil, k: k, theme: theme, ellipseUnder: true)
        for i in 0 ..< k {
            for j in (i + 1) ..< k {
                var row = [Double](repeating: 0, count: k)
                row[i] = 0.5
                row[j] = 0.5
                let half = try Self.centreColour(row: row, k: k, theme: theme)
                for (name, matrix) in [("normal", nil), ("deuteranopia", deuteranopia)] as [(String, [[Double]]?)] {
                    for (place, other) in [("on the background", unassigned), ("over an ellipse", unassignedOverEllipse)] {
                        let d = deltaE(half, other, matrix)
                        #expect(d >= Self.minimumDeltaE, "\(theme), \(name): 50/50 of \(i + 1), \(j + 1) = \(hex(half)) vs unassigned \(place) \(hex(other)): ΔE \(d)")
                    }
                }
            }
        }
    }

    /// The pixels of a rendered frame that differ from the background.
    static func inkedPixels(_ frame: RGBImage, background: UInt32) -> Int {
        frame.pixels.reduce(0) { $0 + ($1 == background ? 0 : 1) }
    }

    /// One point at the origin with responsibilities `row`, drawn by the raster path
    /// (``PointStamper``) or the vector path (``FrameDrawer/drawVectorPoints()``) rasterised
    /// by Cairo.
    static func render(row: [Double], vector: Bool) throws -> RGBImage {
        let options = Self.options()
        let scene = try Scene(points: [Point2(x: 0, y: 0)], responsibilities: row, components: Self.components(row.count))
        let renderer = try FrameRenderer(options: options)
        guard vector else { return try renderer.renderRaster(scene) }
        let layout = try renderer.layout(for: scene)
        return try SurfaceRendering.raster(width: options.width, height: options.height, scale: 1) { _, context, _ in
            try FrameComposer(context: context, scene: scene, layout: layout, options: options).draw { $0.drawVectorPoints() }
        }
    }

    @Test(arguments: [false, true])
    func anUncertainPointIsDrawnLarger(vector: Bool) throws {
        let background = Theme.light.colors.background
        let certain = Self.inkedPixels(try Self.render(row: [1, 0], vector: vector), background: background)
        let shared = Self.inkedPixels(try Self.render(row: [0.5, 0.5], vector: vector), background: background)
        let leaning = Self.inkedPixels(try Self.render(row: [0.8, 0.2], vector: vector), background: background)
        // The certain point is a disc of the base radius (the option in style units: 6 · 0.5 px
        // on a 400 × 300 frame), π r² pixels give or take its anti-aliased edge.
        let r = Self.options().pointRadius * FrameStyle(options: Self.options()).unit
        #expect(abs(Double(certain) - Double.pi * r * r) < 2 * Double.pi * r, "certain point: \(certain) pixels")
        // Area grows with the square of the radius: a 50/50 point is clearly larger, and a point
        // at 80/20 lies between.
        #expect(Double(shared) > 2 * Double(certain), "50/50 point \(shared) pixels vs certain \(certain)")
        #expect(leaning > certain && leaning < shared, "80/20 point \(leaning) pixels")
    }

    @Test func rasterAndVectorPointsHaveTheSameSize() throws {
        let background = Theme.light.colors.background
        for row in [[1.0, 0], [0.7, 0.3], [0.5, 0.5]] {
            let raster = Self.inkedPixels(try Self.render(row: row, vector: false), background: background)
            let vector = Self.inkedPixels(try Self.render(row: row, vector: true), background: background)
            // Anti-aliasing differs by at most the one-pixel ring of the edge (radius ≤ 1.8 · 3 px).
            #expect(abs(raster - vector) <= Int(2 * Double.pi * 6), "\(row): raster \(raster), vector \(vector) pixels")
        }
    }

    @Test func unassignedPointsAreHollowRings() throws {
        var options = Self.options()
        // A 600 × 600 frame: one style unit is one pixel, so the point's radius is 10 px and its
        // ring 1.2 px wide.
        (options.width, options.height) = (600, 600)
        options.pointRadius = 10
        var scene = try Scene(points: [Point2(x: 0, y: 0)], responsibilities: [0.5, 0.5], components: Self.components(2))
        scene.pointsAssigned = false
        let renderer = try FrameRenderer(options: options)
        let p = try renderer.layout(for: scene).transform.pixel(Point2(x: 0, y: 0))
        let frame = try renderer.renderRaster(scene)
        let background = Theme.light.colors.background
        // Centre empty, ring at the radius in the neutral grey.
        #expect(frame[Int(p.x), Int(p.y)] == background)
        #expect(channelDistance(frame[Int(p.x + 9.4), Int(p.y)], ResponsibilityBlender.unassignedColor) <= 30)
        #expect(frame[Int(p.x + 13), Int(p.y)] == background)
    }

    @Test func sizeStepsFollowTheLargestShare() {
        func level(_ row: [Double]) -> UInt8 { row.withUnsafeBufferPointer { PointSize.level($0) } }
        #expect(level([1, 0, 0]) == 0)
        #expect(level([0.5, 0.5, 0]) == UInt8(PointSize.levels - 1))
        #expect(level([0.34, 0.33, 0.33]) == UInt8(PointSize.levels - 1))
        #expect(level([0, 0, 0]) == PointSize.hollow)
        #expect(level([.nan, 0]) == PointSize.hollow)
        // Unnormalised rows are read as shares.
        #expect(level([2, 2]) == level([0.5, 0.5]))
        // Monotone in the uncertainty.
        let steps = stride(from: 1.0, through: 0.5, by: -0.05).map { level([$0, 1 - $0]) }
        #expect(steps == steps.sorted())
    }
}
