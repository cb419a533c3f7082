import Foundation
import GMM
import Testing
@testable import GMMRender
import GMMImage

/// The drawn ellipses of tied, diag and spherical fits have their type's shape, checked on
/// rendered pixels as in ``PixelGeometryTests``: 400 × 300 bare frames, window [−5, 5]², so a
/// data unit is 37.2 px across and 27.2 px up — a circle in data units is an ellipse on screen
/// with radii ratio 37.2 / 27.2.
@Suite struct CovarianceShapeTests {
    /// Three elongated, rotated clusters far apart, 1σ ellipses about a unit across.
    static let data: Dataset = {
        var rng = SeededGenerator(seed: 12)
        let clusters: [(centre: [Double], sd: [Double], degrees: Double)] = [
            ([-3, -2.5], [0.9, 0.35], 35), ([3, -2.5], [0.4, 0.8], -25), ([0, 2.8], [0.7, 0.5], 70),
        ]
        var rows = [[Double]]()
        for c in clusters {
            let a = c.degrees * .pi / 180
            for _ in 0 ..< 150 {
                let u = c.sd[0] * rng.nextNormal(), v = c.sd[1] * rng.nextNormal()
                rows.append([c.centre[0] + cos(a) * u - sin(a) * v, c.centre[1] + sin(a) * u + cos(a) * v])
            }
        }
        do { return try Dataset(rows: rows) } catch { fatalError("\(error)") }
    }()

    struct Drawn {
        let frame: RGBImage
        let transform: ViewTransform
        let components: [SceneComponent]
    }

    /// Fits `type` and renders the final model's 1σ outlines only.
    func draw(_ type: CovarianceType) throws -> Drawn {
        let fit = try GaussianMixture(components: 3, covarianceType: type, options: FitOptions(seed: 0))
            .fit(Self.data, initialization: .kMeans)
        var options = PixelGeometryTests.options()
        options.showEllipses = true
        options.sigmas = [1]
        let builder = try SceneBuilder(history: fit.history, data: Self.data, options: options)
        let scene = try builder.scene(at: builder.snapshotCount - 1)
        let renderer = try FrameRenderer(options: options)
        return Drawn(frame: try renderer.renderRaster(scene), transform: try renderer.layout(for: scene).transform,
                     components: scene.components)
    }

    /// The outline's distance from the centre in pixels, measured along the data direction θ,
    /// and the distance the covariance predicts: r(θ) = 1/√(uᵀΣ⁻¹u) data units along u, mapped.
    func radius(_ d: Drawn, _ k: Int, degrees: Double) -> (seen: Double, predicted: Double) {
        let c = d.components[k]
        let u = Point2(x: cos(degrees * .pi / 180), y: sin(degrees * .pi / 180))
        let s = c.covariance
        let det = s.xx * s.yy - s.xy * s.xy
        let quad = (s.yy * u.x * u.x - 2 * s.xy * u.x * u.y + s.xx * u.y * u.y) / det
        let r = 1 / quad.squareRoot()
        let centre = d.transform.pixel(c.mean)
        let end = d.transform.pixel(Point2(x: c.mean.x + r * u.x, y: c.mean.y + r * u.y))
        let direction = Point2(x: end.x - centre.x, y: end.y - centre.y)
        let predicted = (direction.x * direction.x + direction.y * direction.y).squareRoot()
        let seen = PixelGeometryTests().strongestCrossing(d.frame, from: centre, toward: direction, maxDistance: predicted * 1.3 + 6)
        return (seen, predicted)
    }

    static let directions: [Double] = stride(from: 0.0, to: 360, by: 30).map { $0 }

    /// Every type: the outline lies where the fitted covariance puts it, in every direction.
    @Test(arguments: CovarianceType.allCases)
    func outlineFollowsTheCovariance(_ type: CovarianceType) throws {
        let d = try draw(type)
        for k in 0 ..< 3 {
            for theta in Self.directions {
                let (seen, predicted) = radius(d, k, degrees: theta)
                #expect(abs(seen - predicted) <= 2, "\(type) component \(k) at \(theta)°: \(seen) px, predicted \(predicted)")
            }
        }
    }

    /// Spherical components are circles in data units: the same data radius in every direction,
    /// so on screen the horizontal radius over the vertical one is the axes' scale ratio.
    @Test func sphericalComponentsAreCirclesInDataUnits() throws {
        let d = try draw(.spherical)
        let ratio = d.transform.sx / d.transform.sy
        for k in 0 ..< 3 {
            let c = d.components[k].covariance
            #expect(c.xy == 0 && c.xx == c.yy)
            let across = (radius(d, k, degrees: 0).seen + radius(d, k, degrees: 180).seen) / 2
            let up = (radius(d, k, degrees: 90).seen + radius(d, k, degrees: 270).seen) / 2
            #expect(abs(across / up - ratio) < 0.06 * ratio, "component \(k): \(across) / \(up) px, axes ratio \(ratio)")
            #expect(abs(across - c.xx.squareRoot() * d.transform.sx) <= 2)
        }
    }

    /// Diag components are axis-aligned: the outline is mirror-symmetric about the horizontal
    /// and vertical lines through the mean, with the per-axis standard deviations as semi-axes.
    /// The full fit of the same rotated clusters is not, which shows the check can fail.
    @Test func diagComponentsAreAxisAligned() throws {
        let d = try draw(.diag)
        for k in 0 ..< 3 {
            let c = d.components[k].covariance
            #expect(c.xy == 0)
            for theta in [20.0, 45, 70] {
                let a = radius(d, k, degrees: theta).seen, b = radius(d, k, degrees: -theta).seen
                let e = radius(d, k, degrees: 180 - theta).seen
                #expect(abs(a - b) <= 1.5 && abs(a - e) <= 1.5, "component \(k) at ±\(theta)°: \(a), \(b), \(e) px")
            }
            #expect(abs(radius(d, k, degrees: 0).seen - c.xx.squareRoot() * d.transform.sx) <= 2)
            #expect(abs(radius(d, k, degrees: 90).seen - c.yy.squareRoot() * d.transform.sy) <= 2)
        }
        let full = try draw(.full)
        let asymmetric = (0 ..< 3).contains { k in abs(radius(full, k, degrees: 45).seen - radius(full, k, degrees: -45).seen) > 4 }
        #expect(asymmetric, "the full fit of rotated clusters should draw rotated ellipses")
    }

    /// Tied components share one shape: in every direction their outlines are equally far from
    /// their means (the ellipses are translates of each other).
    @Test func tiedComponentsShareAShape() throws {
        let d = try draw(.tied)
        #expect(d.components.allSatisfy { $0.covariance == d.components[0].covariance })
        for theta in Self.directions {
            let seen = (0 ..< 3).map { radius(d, $0, degrees: theta).seen }
            #expect((seen.max() ?? 0) - (seen.min() ?? 0) <= 2, "at \(theta)°: \(seen) px")
        }
    }
}
