import Foundation
import GMM
import Testing
@testable import GMMRender

@Suite struct SceneTests {
    @Test func projectionTakesTheMarginalOnTheChosenColumns() throws {
        let data = try Dataset(rows: [[1, 2, 3], [4, 5, 6]])
        let parameters = MixtureParameters(weights: [1], means: [[10, 20, 30]],
                                           covariances: [[[1, 0.1, 0.2], [0.1, 2, 0.3], [0.2, 0.3, 3]]])
        let history = FitHistory(components: 1, dimensions: 3, samples: 2, converged: false,
                                 snapshots: [Snapshot(iteration: 0, parameters: parameters, logLikelihood: -1)])
        var options = RenderOptions()
        options.axes = .init(x: 2, y: 0)
        let scene = try Scene(history: history, data: data, snapshotIndex: 0, options: options)
        #expect(scene.points.array == [Point2(x: 3, y: 1), Point2(x: 6, y: 4)])
        #expect(scene.components[0].mean == Point2(x: 30, y: 10))
        #expect(scene.components[0].covariance == Covariance2(xx: 3, xy: 0.2, yy: 1))
        #expect(scene.axisLabels == Scene.AxisLabels(x: "x₃", y: "x₁"))
    }

    @Test func builderFollowsTheFit() throws {
        let builder = try SceneBuilder(history: demoFit.history, data: demoFit.data, options: RenderOptions())
        let n = demoFit.history.iterations
        #expect(builder.snapshotCount == n + 1)
        for index in [0, 1, n] {
            let scene = try builder.scene(at: index)
            #expect(scene.points.count == 300)
            #expect(scene.responsibilities.count == 300 * 3)
            for i in 0 ..< 300 {
                let sum = scene.responsibilities[(3 * i) ..< (3 * i + 3)].reduce(0, +)
                #expect(abs(sum - 1) < 1e-12, "row \(i) sums to \(sum)")
            }
            #expect(scene.trails.map(\.count) == [index + 1, index + 1, index + 1])
            #expect(scene.trails[0].last == scene.components[0].mean)
            #expect(scene.iteration == index && scene.iterationCount == n)
            #expect(scene.logLikelihoods.count == n + 1)
            #expect(scene.logLikelihood == demoFit.history.snapshots[index].logLikelihood)
            #expect(scene.converged == (index == n && demoFit.history.converged))
        }
        #expect(throws: RenderError.self) { try builder.scene(at: n + 1) }
    }

    @Test func builderAcceptsResponsibilitiesAndParametersSeparately() throws {
        let builder = try SceneBuilder(history: demoFit.history, data: demoFit.data, options: RenderOptions())
        let next = try responsibilities(of: demoFit.data, under: demoFit.history.snapshots[1].parameters)
        let eStep = try builder.scene(at: 0, responsibilities: next, caption: "E-step")
        #expect(eStep.caption == "E-step")
        #expect(eStep.responsibilities == next)
        #expect(eStep.components == builder.components(of: demoFit.history.snapshots[0].parameters))

        let tween = try builder.scene(at: 0, parameters: demoFit.history.snapshots[1].parameters,
                                      responsibilities: next, progress: 0.5)
        #expect(tween.progress == 0.5)
        #expect(tween.trails[0].count == 2)
        #expect(tween.trails[0].last == tween.components[0].mean)
    }

    @Test func sceneRejectsShapesThatDisagree() {
        let c = SceneComponent(weight: 1, mean: Point2(x: 0, y: 0), covariance: .identity)
        #expect(throws: RenderError.self) {
            try Scene(points: [Point2(x: 0, y: 0)], responsibilities: [0.5, 0.5], components: [c])
        }
        #expect(throws: RenderError.self) {
            try Scene(points: [], responsibilities: [], components: [c], trails: [[], []])
        }
    }

    @Test func builderRejectsAHistoryOfOtherData() throws {
        let data = try Dataset(rows: [[1, 2, 3]])
        #expect(throws: RenderError.self) {
            try SceneBuilder(history: demoFit.history, data: data, options: RenderOptions())
        }
    }

    static func changed(_ change: (inout RenderOptions) -> Void) -> RenderOptions {
        var o = RenderOptions()
        change(&o)
        return o
    }

    static let badOptions: [(RenderParameter, RenderOptions)] = [
        (.size, changed { $0.width = 0 }),
        (.size, changed { $0.height = -5 }),
        (.size, changed { $0.width = 100_000; $0.height = 100_000 }),
        (.size, changed { $0.width = 10_000; $0.height = 10_000 }),
        (.scale, changed { $0.scale = 0 }),
        (.scale, changed { $0.scale = .nan }),
        (.bounds, changed { $0.bounds = .fixed(xmin: 1, xmax: 1, ymin: 0, ymax: 1) }),
        (.bounds, changed { $0.bounds = .fixed(xmin: 0, xmax: 1, ymin: 2, ymax: 1) }),
        (.bounds, changed { $0.bounds = .fixed(xmin: -.infinity, xmax: 1, ymin: 0, ymax: 1) }),
        (.sigmas, changed { $0.sigmas = [1, 0] }),
        (.sigmas, changed { $0.sigmas = [-2] }),
        (.axes, changed { $0.axes = .init(x: -1, y: 1) }),
        (.pointRadius, changed { $0.pointRadius = .infinity }),
    ]

    @Test(arguments: badOptions)
    func invalidOptionsAreNamed(option: RenderParameter, options: RenderOptions) {
        do {
            try options.validate()
            Issue.record("\(option) should have been rejected")
        } catch let RenderError.invalidOption(name, _, fix) {
            #expect(name == option)
            #expect(!fix.isEmpty)
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: RenderError.self) { try FrameRenderer(options: options) }
    }

    @Test func axesAreCheckedAgainstTheData() throws {
        var options = RenderOptions()
        options.axes = .init(x: 0, y: 2)
        #expect(throws: RenderError.self) { try options.validate(dimension: 2) }
        try options.validate(dimension: 3)
        #expect(throws: RenderError.self) { try RenderOptions().validate(dimension: 1) }
    }

    @Test func defaultsAreTheNotebooksFigure() throws {
        let o = RenderOptions()
        try o.validate()
        #expect(o.width == 1000 && o.height == 600)
        #expect(o.bounds == .fixed(xmin: -10, xmax: 10, ymin: -10, ymax: 10))
        #expect(o.title == "GMM visualization")
        #expect(o.sigmas == [1, 2])
    }
}
