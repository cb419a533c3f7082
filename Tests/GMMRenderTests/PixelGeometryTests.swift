import GMMColor
import Foundation
import Testing
@testable import GMMRender
import GMMImage

/// Geometry checked on rendered pixels of small bare frames (400 × 300, plot 372 × 272 at
/// (14, 14), window [−5, 5]² so the two axes have different scales).
@Suite struct PixelGeometryTests {
    static func options() -> RenderOptions {
        var o = bareOptions()
        o.bounds = .fixed(xmin: -5, xmax: 5, ymin: -5, ymax: 5)
        return o
    }

    let background = Theme.light.colors.background
    let vermillion: UInt32 = 0xD55E00
    let blue: UInt32 = 0x0072B2

    /// Along the ray from `center` in direction `direction` (pixels), the distance at which the
    /// pixels differ most from the background: where the outline is.
    func strongestCrossing(_ frame: RGBImage, from center: Point2, toward direction: Point2, maxDistance: Double) -> Double {
        let length = (direction.x * direction.x + direction.y * direction.y).squareRoot()
        var best = (distance: 0.0, strength: -1)
        var d = 0.0
        while d <= maxDistance {
            let x = Int((center.x + direction.x / length * d).rounded(.down))
            let y = Int((center.y + direction.y / length * d).rounded(.down))
            if x >= 0, y >= 0, x < frame.width, y < frame.height {
                let s = channelDistance(frame[x, y], background)
                if s > best.strength { best = (d, s) }
            }
            d += 0.25
        }
        return best.distance
    }

    @Test(arguments: [(30.0, 4.0, 1.0), (-50.0, 2.25, 0.36), (90.0, 1.0, 4.0)])
    func ellipseCrossesThePixelsItsAxesPredict(degrees: Double, major: Double, minor: Double) throws {
        var options = Self.options()
        options.showEllipses = true
        options.sigmas = [1]
        let mean = Point2(x: 1, y: -0.5)
        let cov = rotatedCovariance(major: major, minor: minor, degrees: degrees)
        let scene = try singleComponentScene(mean: mean, covariance: cov)
        let renderer = try FrameRenderer(options: options)
        let frame = try renderer.renderRaster(scene)
        let t = try renderer.layout(for: scene).transform
        let center = t.pixel(mean)
        let rad = degrees * .pi / 180
        // The semi-axes in data space, r·√λ along each eigenvector, then each end mapped to pixels.
        let axes = [Point2(x: major.squareRoot() * cos(rad), y: major.squareRoot() * sin(rad)),
                    Point2(x: -minor.squareRoot() * sin(rad), y: minor.squareRoot() * cos(rad))]
        for axis in axes {
            for sign in [1.0, -1.0] {
                let end = t.pixel(Point2(x: mean.x + sign * axis.x, y: mean.y + sign * axis.y))
                let direction = Point2(x: end.x - center.x, y: end.y - center.y)
                let predicted = (direction.x * direction.x + direction.y * direction.y).squareRoot()
                let seen = strongestCrossing(frame, from: center, toward: direction, maxDistance: predicted * 1.6 + 10)
                #expect(abs(seen - predicted) <= 2, "at \(degrees)°: outline at \(seen) px along \(direction), predicted \(predicted)")
            }
        }
        // Nothing is drawn far outside the ellipse.
        #expect(frame[2, 2] == background)
    }

    @Test func pointHasTheBlendedColourAtItsCentre() throws {
        var options = Self.options()
        options.showPoints = true
        options.pointRadius = 6
        let components = [SceneComponent(weight: 0.5, mean: Point2(x: -4, y: -4), covariance: .identity),
                          SceneComponent(weight: 0.5, mean: Point2(x: 4, y: 4), covariance: .identity)]
        // Points at pixel centres: x = 14 + (x + 5) · 37.2, y = 14 + (5 − y) · 27.2.
        let t = try FrameLayout(options: options, scene: singleComponentScene(mean: Point2(x: 0, y: 0), covariance: .identity)).transform
        let spots = [Point2(x: 100.5, y: 100.5), Point2(x: 200.5, y: 150.5), Point2(x: 300.5, y: 200.5)]
        let rows: [[Double]] = [[0.5, 0.5], [1, 0], [0.2, 0.8]]
        let scene = try Scene(points: spots.map(t.data), responsibilities: rows.flatMap { $0 }, components: components)
        let frame = try FrameRenderer(options: options).renderRaster(scene)
        // The Oklab mix of the two component colours, computed in double precision.
        func mix(_ w: Double) -> UInt32 {
            let a = OklabColor(vermillion), b = OklabColor(RenderPalette().color(ofComponent: 1))
            return OklabColor(l: w * a.l + (1 - w) * b.l, a: w * a.a + (1 - w) * b.a, b: w * a.b + (1 - w) * b.b).packed
        }
        let expected: [UInt32] = [mix(0.5), vermillion, mix(0.2)]
        for (spot, want) in zip(spots, expected) {
            let got = frame[Int(spot.x), Int(spot.y)]
            #expect(channelDistance(got, want) <= 1, "point at \(spot): \(hex(got)), expected \(hex(want))")
        }
        // Outside the disc: background.
        #expect(frame[Int(spots[0].x) + 9, Int(spots[0].y)] == background)
    }

    @Test func meanMarkerSitsAtTheMappedMean() throws {
        var options = Self.options()
        options.showMeans = true
        let mean = Point2(x: 2.2, y: 3.1)
        let scene = try singleComponentScene(mean: mean, covariance: .identity)
        let renderer = try FrameRenderer(options: options)
        let frame = try renderer.renderRaster(scene)
        let p = try renderer.layout(for: scene).transform.pixel(mean)
        #expect(channelDistance(frame[Int(p.x), Int(p.y)], vermillion) <= 2)
        // The marker's ink is centred on p.
        var xs = [Int](), ys = [Int]()
        for y in 0 ..< frame.height { for x in 0 ..< frame.width where frame[x, y] != background { xs.append(x); ys.append(y) } }
        let cx = Double((xs.min() ?? 0) + (xs.max() ?? 0) + 1) / 2, cy = Double((ys.min() ?? 0) + (ys.max() ?? 0) + 1) / 2
        #expect(abs(cx - p.x) <= 1 && abs(cy - p.y) <= 1, "marker centred at (\(cx), \(cy)), mean at \(p)")
        #expect((xs.max() ?? 0) - (xs.min() ?? 0) <= 18, "a marker, not a blot")
    }

    @Test func windowCornersLandOnThePlotCornerPixels() throws {
        var options = Self.options()
        options.showPoints = true
        options.pointRadius = 4
        let corners = [Point2(x: -5, y: 5), Point2(x: 5, y: 5), Point2(x: -5, y: -5), Point2(x: 5, y: -5)]
        let scene = try Scene(points: corners, responsibilities: [1, 1, 1, 1],
                              components: [SceneComponent(weight: 1, mean: .init(x: 0, y: 0), covariance: .identity)])
        let frame = try FrameRenderer(options: options).renderRaster(scene)
        // Plot [14, 386) × [14, 286): the pixel just inside each corner holds the point's colour,
        // the one just outside the background (points are clipped to the plot).
        let inside = [(14, 14), (385, 14), (14, 285), (385, 285)]
        let outside = [(13, 13), (386, 13), (13, 286), (386, 286)]
        for ((ix, iy), (ox, oy)) in zip(inside, outside) {
            #expect(channelDistance(frame[ix, iy], vermillion) <= 2, "(\(ix), \(iy)) is \(hex(frame[ix, iy]))")
            #expect(frame[ox, oy] == background, "(\(ox), \(oy)) is \(hex(frame[ox, oy]))")
        }
    }

    @Test func vectorPointsUseTheSameBlend() throws {
        var options = Self.options()
        options.showPoints = true
        let components = [SceneComponent(weight: 0.5, mean: Point2(x: -4, y: -4), covariance: .identity),
                          SceneComponent(weight: 0.5, mean: Point2(x: 4, y: 4), covariance: .identity)]
        let scene = try Scene(points: [Point2(x: 0, y: 0)], responsibilities: [0.5, 0.5], components: components)
        let svg = String(decoding: try FrameRenderer(options: options).render(scene, format: .svg), as: UTF8.self)
        // The Oklab mix of the two colours, as Cairo writes it: percentages of 255, at most six
        // decimals, trailing zeros dropped.
        let a = OklabColor(RenderPalette().color(ofComponent: 0)), b = OklabColor(RenderPalette().color(ofComponent: 1))
        let c = OklabColor(l: (a.l + b.l) / 2, a: (a.a + b.a) / 2, b: (a.b + b.b) / 2).packed
        func percent(_ v: UInt32) -> String {
            var s = String(format: "%.6f", Double(v) / 255 * 100)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return s + "%"
        }
        let text = "rgb(\(percent((c >> 16) & 0xFF)),\(percent((c >> 8) & 0xFF)),\(percent(c & 0xFF)))"
        #expect(svg.contains(text), "blended fill \(text) missing from the SVG")
    }

    @Test func highDPIScaleMultipliesTheDeviceSize() throws {
        var options = Self.options()
        options.scale = 2
        options.showMeans = true
        let scene = try singleComponentScene(mean: Point2(x: 0, y: 0), covariance: .identity)
        let frame = try FrameRenderer(options: options).renderRaster(scene)
        #expect(frame.width == 800 && frame.height == 600)
        #expect(channelDistance(frame[400, 300], vermillion) <= 2)
    }
}
