import Foundation
import GMM
import GMMAnimation
import GMMRender
import Testing

/// The E-step and M-step frames of `--steps em`, checked on the scenes against responsibilities
/// computed here from the history.
@Suite struct StepFrameTests {
    @Test func eStepRingsExactlyThePointsThatChanged() throws {
        let data = try Demo.data()
        let fit = try GaussianMixture(components: 3).fit(data, initialization: .means(Demo.initialMeans))
        let history = fit.history
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        let timeline = Timeline(iterations: history.iterations, options: Timeline.Options(steps: .em))
        var checked = 0
        for frame in timeline.frames {
            switch frame.content {
            case let .eStep(i) where i >= 2:
                let scene = try builder.scene(for: frame.content)
                let new = try GMM.responsibilities(of: data, under: history.snapshots[i - 1].parameters)
                let old = try GMM.responsibilities(of: data, under: history.snapshots[i - 2].parameters)
                var expected = [Int]()
                for n in 0 ..< data.count {
                    var change = 0.0
                    for j in 0 ..< 3 { change = max(change, abs(new[n * 3 + j] - old[n * 3 + j])) }
                    if change > Scene.changeThreshold { expected.append(n) }
                }
                #expect(scene.markedPoints == expected, "E-step \(i)")
                #expect(scene.ghostComponents.isEmpty)
                checked += 1
            case let .mStep(i):
                let scene = try builder.scene(for: frame.content)
                #expect(scene.ghostComponents == builder.components(of: history.snapshots[i - 1].parameters), "M-step \(i)")
                #expect(scene.markedPoints.isEmpty)
            case .initial:
                let scene = try builder.scene(for: frame.content)
                #expect(!scene.pointsAssigned)
            default:
                break
            }
        }
        #expect(checked == history.iterations - 1)
    }

    /// Every frame of a tweened timeline prints a real snapshot's iteration, log-likelihood and
    /// weights.
    @Test func tweenedTimelinePrintsOnlySnapshotNumbers() throws {
        let data = try Demo.data()
        let fit = try GaussianMixture(components: 3, options: FitOptions(maxIterations: 4))
            .fit(data, initialization: .means(Demo.initialMeans))
        let history = fit.history
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        let timeline = Timeline(iterations: history.iterations, options: Timeline.Options(tween: 3))
        for frame in timeline.frames {
            let scene = try builder.scene(for: frame.content)
            let match = history.snapshots.first { $0.iteration == scene.iteration }
            #expect(match != nil)
            #expect(scene.logLikelihood == match?.logLikelihood)
            #expect(scene.displayedWeights == match?.parameters.weights)
            #expect(scene.progress == Double(scene.iteration))
        }
    }
}
