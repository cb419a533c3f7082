import Foundation
import GMM
import Testing
@testable import GMMRender

/// Scenes between two snapshots: moving parameters, and the numbers of a real snapshot.
@Suite struct TweenSceneTests {
    /// Tween frames print only real snapshots' numbers.
    @Test func tweensReportRealSnapshots() throws {
        let (data, history) = demoFit
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        for (a, f) in [(0, 0.2), (0, 0.7), (4, 0.5)] {
            let pa = history.snapshots[a].parameters, pb = history.snapshots[a + 1].parameters
            let p = try pa.interpolated(to: pb, fraction: f)
            let r = try GMM.responsibilities(of: data, under: p)
            let scene = try builder.tweenScene(from: a, to: a + 1, fraction: f, parameters: p, responsibilities: r)
            let reported = f < 0.5 ? a : a + 1
            #expect(scene.iteration == history.snapshots[reported].iteration)
            #expect(scene.logLikelihood == history.snapshots[reported].logLikelihood)
            #expect(scene.displayedWeights == history.snapshots[reported].parameters.weights)
            #expect(scene.progress == Double(history.snapshots[reported].iteration))
            #expect(scene.components[0].weight != scene.displayedWeights[0])
        }
    }
}
