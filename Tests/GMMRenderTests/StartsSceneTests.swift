import Foundation
@testable import GMMRender
import GMM
import Testing

/// The grid of runs from several starts: what each panel shows at each iteration.
@Suite("starts scenes")
struct StartsSceneTests {
    struct NotStarts: Error {}

    static func grid(_ scene: Scene) throws -> StartsScene {
        guard case let .starts(s) = scene.view else { throw NotStarts() }
        return s
    }

    /// Four runs on four blobs: each panel is its run's own snapshot scene at min(i, last);
    /// a run that has stopped shows its optimum and says it holds, one still running does
    /// not; the best run (the one a fit with four restarts keeps) is marked, and only once
    /// it has stopped.
    @Test func eachPanelShowsItsRunAtTheSharedIteration() throws {
        let data = try BlobGenerator.generate(means: [[0, 0], [6, 0], [0, 6], [6, 6]], count: 60, std: 1.2, seed: 3)
        let mixture = GaussianMixture(components: 4, options: FitOptions(seed: 2, runs: 4))
        let runs = try mixture.fitEachRun(data, initialization: .randomFromData, count: 4)
        let kept = try mixture.fit(data, initialization: .randomFromData)
        let optima = Optima(runs)
        #expect(optima.best == kept.keptRun)
        let builder = try SceneBuilder(history: runs[optima.best], data: data, options: RenderOptions()).showingStarts(runs)
        let longest = runs.map(\.iterations).max() ?? 0
        #expect(builder.longestStart == longest)
        for i in [0, 1, longest / 2, longest] {
            let scene = try builder.startsScene(i) { try builder.responsibilities(at: $0) }
            let grid = try Self.grid(scene)
            #expect(grid.panels.count == 4 && grid.columns == 2 && grid.rows == 2)
            #expect(scene.iteration == i && scene.iterationCount == longest)
            for (r, run) in runs.enumerated() {
                let own = try SceneBuilder(history: run, data: data, options: RenderOptions())
                let shown = min(i, run.iterations)
                let panel = grid.panels[r]
                #expect(panel.scene == (try own.snapshotScene(shown) { try own.responsibilities(at: $0) }), "run \(r) at \(i)")
                let stopped = i >= run.iterations
                #expect((panel.group != nil) == stopped)
                #expect(panel.isBest == (stopped && r == optima.best))
                #expect(panel.heading.name.hasPrefix("start \(r + 1) · "))
                if stopped { #expect(panel.heading.action.contains("optimum \(StartPanel.letter(optima.group[r]))")) }
            }
        }
        let last = try builder.startsScene(longest) { try builder.responsibilities(at: $0) }
        #expect(last.note?.contains(optima.count == 1 ? "1 distinct optimum" : "\(optima.count) distinct optima") == true)
    }

    /// Grids fill a landscape frame: 2 and 3 in a row, 4 as 2 × 2, 5 to 9 three across.
    @Test func gridShapes() {
        #expect([2, 3, 4, 5, 6, 7, 9].map(StartsScene.columns(for:)) == [2, 3, 2, 3, 3, 3, 3])
        #expect(StartPanel.letter(0) == "A" && StartPanel.letter(1) == "B" && StartPanel.letter(26) == "A2")
    }
}
