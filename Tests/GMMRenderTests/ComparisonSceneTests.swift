import Foundation
@testable import GMMRender
import GMM
import Testing

/// The k-means panel of a comparison: which k-means step each EM frame shows, and the Voronoi
/// cells it tints.
@Suite("comparison scenes")
struct ComparisonSceneTests {
    static func builder() throws -> (SceneBuilder, KMeansHistory) {
        let data = try Demo.data()
        let fit = try GaussianMixture(components: 3, options: FitOptions(maxIterations: 10))
            .fit(data, initialization: .means(Demo.initialMeans))
        let kmeans = try KMeansHistory(data: data, centres: Demo.initialMeans)
        let builder = try SceneBuilder(history: fit.history, data: data, options: RenderOptions()).comparing(kmeans)
        return (builder, kmeans)
    }

    static func panel(_ scene: Scene) throws -> ComparisonScene {
        guard case let .comparison(c) = scene.view else { throw ComparisonFailure("not a comparison") }
        return c
    }

    struct ComparisonFailure: Error { let message: String; init(_ m: String) { message = m } }

    /// Iteration i's assignment colours the points by the centroids of step i − 1 and draws
    /// them; its update moves them to step i's with the same colours; after the last
    /// iteration every frame holds the final centroids and labels.
    @Test func eachEMStepShowsTheMatchingKMeansStep() throws {
        let (builder, kmeans) = try Self.builder()
        let n = kmeans.iterations
        #expect(n >= 2 && n < 10)
        func centres(_ step: Int) -> [Point2] {
            (0 ..< 3).map { c in Point2(x: kmeans.steps[step].centres[2 * c], y: kmeans.steps[step].centres[2 * c + 1]) }
        }
        let initial = try Self.panel(builder.comparisonScene(try builder.initialScene()))
        #expect(initial.labels.isEmpty)
        #expect(initial.centres == centres(0))
        for i in 1 ... n {
            let e = try Self.panel(builder.comparisonScene(try builder.eStepScene(i) { try builder.responsibilities(at: $0) }))
            #expect(e.centres == centres(i - 1) && e.labels == kmeans.steps[i - 1].labels, "assignment \(i)")
            let m = try Self.panel(builder.comparisonScene(try builder.mStepScene(i) { try builder.responsibilities(at: $0) }))
            #expect(m.centres == centres(i) && m.labels == kmeans.steps[i - 1].labels, "update \(i)")
            #expect(m.trails.allSatisfy { $0.count == i + 1 })
        }
        let held = try Self.panel(builder.comparisonScene(try builder.mStepScene(n + 2) { try builder.responsibilities(at: $0) }))
        #expect(held.centres == centres(n) && held.labels == kmeans.final.labels)
        #expect(held.kmeansHeading.name.contains("converged at iteration \(n)"))
        #expect(held.emHeading.name.contains("iteration \(n + 2)"))
        #expect(held.drawsCells)
    }

    /// Without a k-means run the scene is untouched; the pairs view cannot hold a comparison.
    @Test func onlyAComparingBuilderChangesScenes() throws {
        let data = try Demo.data()
        let fit = try GaussianMixture(components: 3, options: FitOptions(maxIterations: 3)).fit(data, initialization: .means(Demo.initialMeans))
        let plain = try SceneBuilder(history: fit.history, data: data, options: RenderOptions())
        let scene = try plain.scene(at: 1)
        #expect(plain.comparisonScene(scene) == scene)
        var options = RenderOptions()
        options.view = .pairs(columns: [0, 1])
        let pairs = try SceneBuilder(history: fit.history, data: data, options: options)
        #expect(throws: RenderError.self) { try pairs.comparing(try KMeansHistory(data: data, centres: Demo.initialMeans)) }
    }

    /// Every point of a Voronoi cell, cut from the window by half-planes, is nearest to its own
    /// centroid: checked on a grid of points inside each clipped polygon against a brute-force
    /// nearest-centroid search.
    @Test func voronoiCellsHoldTheirNearestPoints() {
        let centres = [Point2(x: -5, y: -5), Point2(x: 0, y: -5), Point2(x: 0, y: 5), Point2(x: 3, y: 1)]
        var covered = 0
        for (k, a) in centres.enumerated() {
            var cell = [Point2(x: -10, y: -10), Point2(x: 10, y: -10), Point2(x: 10, y: 10), Point2(x: -10, y: 10)]
            for (j, b) in centres.enumerated() where j != k {
                cell = FrameDrawer.clip(cell, nx: b.x - a.x, ny: b.y - a.y, limit: 0.5 * (b.x * b.x + b.y * b.y - a.x * a.x - a.y * a.y))
            }
            #expect(cell.count >= 3)
            for gx in stride(from: -9.75, through: 9.75, by: 0.5) {
                for gy in stride(from: -9.75, through: 9.75, by: 0.5) where Self.inside(Point2(x: gx, y: gy), cell) {
                    let d = centres.map { ($0.x - gx) * ($0.x - gx) + ($0.y - gy) * ($0.y - gy) }
                    #expect(d[k] == d.min(), "(\(gx), \(gy)) in cell \(k)")
                    covered += 1
                }
            }
        }
        // The cells tile the window: every grid point falls in one of them.
        #expect(covered == 40 * 40)
    }

    /// Whether `p` lies strictly inside the convex polygon `poly` (either orientation).
    static func inside(_ p: Point2, _ poly: [Point2]) -> Bool {
        var sign = 0.0
        for i in poly.indices {
            let a = poly[i], b = poly[(i + 1) % poly.count]
            let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
            if cross == 0 { return false }
            if sign == 0 { sign = cross } else if (sign > 0) != (cross > 0) { return false }
        }
        return true
    }
}
