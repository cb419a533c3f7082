import Foundation
import GMM
import Testing
@testable import GMMRender

/// Density frames computing their points' responsibilities block by block as they are drawn
/// must draw exactly what the same frames with stored responsibilities draw.
@Suite struct DeferredResponsibilityTests {
    /// 40,000 points of three blobs (a density image at the default threshold) in `dimension`
    /// dimensions, and a fit of them.
    static func largeFit(dimension: Int = 2) throws -> (data: Dataset, history: FitHistory) {
        var means = [[2.0, 4], [-5, 3], [0, -4]]
        if dimension > 2 { means = means.enumerated().map { $1 + Array(repeating: Double($0), count: dimension - 2) } }
        let data = try BlobGenerator.generate(means: means, count: 40_000 / 3 + 1, seed: 4)
        let fit = try GaussianMixture(components: 3, options: FitOptions(maxIterations: 4)).fit(data, initialization: .kMeans)
        return (data, fit.history)
    }

    /// The scene with its responsibilities stored instead of deferred.
    static func stored(_ scene: Scene, _ r: [Double]) throws -> Scene {
        var copy = scene
        copy.responsibilities = r
        copy.deferredResponsibilities = nil
        return copy
    }

    @Test(arguments: [FrameView.plane, .pca])
    func snapshotFramesMatchStoredResponsibilities(view: FrameView) throws {
        let (data, history) = try Self.largeFit(dimension: view == .pca ? 3 : 2)
        var options = RenderOptions()
        options.view = view
        let builder = try SceneBuilder(history: history, data: data, options: options)
        #expect(builder.defersResponsibilities)
        let renderer = try FrameRenderer(options: options)
        for i in [0, 1, history.snapshots.count - 1] {
            let scene = try builder.snapshotScene(i) { _ in
                Issue.record("a deferred scene asked for stored responsibilities")
                return []
            }
            #expect(scene.responsibilities.isEmpty && scene.deferredResponsibilities != nil)
            let r = try GMM.responsibilities(of: data, under: history.snapshots[i].parameters)
            #expect(try renderer.renderRaster(scene).pixels == renderer.renderRaster(Self.stored(scene, r)).pixels)
        }
    }

    @Test func tweenAndStepFramesMatchStoredResponsibilities() throws {
        let (data, history) = try Self.largeFit()
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        let renderer = try FrameRenderer(options: RenderOptions())
        let r0 = try builder.responsibilities(at: 0), r1 = try builder.responsibilities(at: 1)
        let tween = try builder.tweenScene(from: 0, to: 1, fraction: 0.35) { try builder.responsibilities(at: $0) }
        let mixed = zip(r0, r1).map { $0 + ($1 - $0) * 0.35 }
        #expect(try renderer.renderRaster(tween).pixels == renderer.renderRaster(Self.stored(tween, mixed)).pixels)
        let mStep = try builder.mStepScene(1) { try builder.responsibilities(at: $0) }
        #expect(try renderer.renderRaster(mStep).pixels == renderer.renderRaster(Self.stored(mStep, r0)).pixels)
        // Before the first E-step the points are grey and carry no responsibilities at all.
        let initial = try builder.initialScene()
        #expect(!initial.pointsAssigned && initial.responsibilities.isEmpty && initial.deferredResponsibilities == nil)
        var uniform = initial
        uniform.responsibilities = [Double](repeating: 1.0 / 3, count: data.count * 3)
        #expect(try renderer.renderRaster(initial).pixels == renderer.renderRaster(uniform).pixels)
    }

    /// Below the density threshold, and for views that draw points one by one, scenes keep
    /// their responsibilities.
    @Test func discsAndPanelsKeepStoredResponsibilities() throws {
        let (data, history) = demoFit
        #expect(try !SceneBuilder(history: history, data: data, options: RenderOptions()).defersResponsibilities)
        let (large, fit) = try Self.largeFit(dimension: 3)
        var pairs = RenderOptions()
        pairs.view = .pairs(columns: [0, 1, 2])
        let builder = try SceneBuilder(history: fit, data: large, options: pairs)
        #expect(!builder.defersResponsibilities)
        #expect(try builder.scene(at: 1).responsibilities.count == large.count * 3)
    }

    /// A projected cloud reads the same points a stored projection holds, and its extent is
    /// that of its points.
    @Test func projectedPointsAreTheStoredProjection() throws {
        let (data, history) = try Self.largeFit(dimension: 3)
        var options = RenderOptions()
        options.view = .pca
        let cloud = try SceneBuilder(history: history, data: data, options: options).points
        #expect(cloud.source != nil)
        let axes = try PrincipalAxes(data: data)
        let projection = Projection(rows: axes.axes, center: axes.center)
        let stored = projection.points(data)
        #expect(cloud.array == stored)
        #expect(cloud.withPoints(100 ..< 200) { Array($0) } == Array(stored[100 ..< 200]))
        let xs = stored.map(\.x), ys = stored.map(\.y)
        #expect(cloud.extent?.x == (xs.min() ?? 0) ... (xs.max() ?? 0))
        #expect(cloud.extent?.y == (ys.min() ?? 0) ... (ys.max() ?? 0))
    }
}
