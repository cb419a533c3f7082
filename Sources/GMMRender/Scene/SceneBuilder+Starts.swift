import GMM

extension SceneBuilder {
    /// This builder (of the best of `runs`) with every run of `runs` drawn as a panel of a grid:
    /// ``startsScene(_:responsibilities:)`` then shows each run at the same iteration, or at its
    /// last once it has stopped, under a heading with its log-likelihood and iterations, its
    /// optimum's letter (runs that end at the same model share one, `Optima`) and the best
    /// run marked.
    ///
    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` for a view other than the plane or
    ///   PCA; ``RenderError/invalidScene(_:)`` for no run, or runs that do not describe this
    ///   data with this builder's K.
    public func showingStarts(_ runs: [FitHistory]) throws -> SceneBuilder {
        switch options.view {
        case .plane, .pca: break
        case .line, .pairs:
            throw RenderError.invalidOption(.view, value: options.view.name, fix: "runs from several starts are drawn side by side on the plane or the PCA view, of two or more columns")
        }
        guard !runs.isEmpty else { throw RenderError.invalidScene("no run to draw side by side; give one history per start") }
        var builder = self
        builder.starts = try runs.map { run in
            guard run.components == history.components else {
                throw RenderError.invalidScene("a run of \(run.components) components beside a fit of \(history.components); every start fits the same K")
            }
            return try SceneBuilder(history: run, data: data, options: options)
        }
        builder.optima = Optima(runs)
        return builder
    }

    /// The iterations of the longest of ``starts``: the animation runs until every run has
    /// stopped.
    public var longestStart: Int { starts.map(\.history.iterations).max() ?? history.iterations }

    /// The frame at iteration `i` of a run from several starts: every run's plane at iteration
    /// min(i, its last), the best run's (this builder's) header and side column, and a note
    /// counting the runs still going or, once all have stopped, the distinct optima they found. The best
    /// run's responsibilities come from `responsibilities`; the others are computed here.
    public func startsScene(_ i: Int, responsibilities: Responsibilities) throws -> Scene {
        guard let optima else { return try snapshotScene(i, responsibilities: responsibilities) }
        let panels = try starts.enumerated().map { r, run -> StartPanel in
            let last = run.history.iterations, shown = min(i, last)
            let scene = try run.snapshotScene(shown, responsibilities: r == optima.best ? responsibilities : { try run.responsibilities(at: $0) })
            let logLikelihood = Ticks.formatted(run.history.snapshots[shown].logLikelihood, decimals: 3)
            guard i >= last else {
                return StartPanel(scene: scene, heading: ComparisonHeading(name: "start \(r + 1) · iteration \(i)", action: "log-likelihood \(logLikelihood)"),
                                  group: nil, isBest: false)
            }
            let group = optima.group[r], best = r == optima.best
            var action = ["optimum \(StartPanel.letter(group))"]
            if best { action.append("best") }
            action.append(run.history.converged ? "converged, holds" : "stopped at the iteration limit")
            let iterations = last == 1 ? "1 iteration" : "\(last) iterations"
            return StartPanel(scene: scene,
                              heading: ComparisonHeading(name: "start \(r + 1) · log-likelihood \(logLikelihood) · \(iterations)",
                                                         action: action.joined(separator: " · ")),
                              group: group, isBest: best)
        }
        let longest = longestStart
        var scene = try snapshotScene(min(i, history.iterations), responsibilities: responsibilities)
        scene.iteration = i
        scene.iterationCount = longest
        scene.stage = .snapshot(i)
        scene.converged = i >= longest && starts.allSatisfy(\.history.converged)
        let running = starts.filter { $0.history.iterations > i }.count
        if running > 0 {
            scene.note = "\(starts.count) starts side by side · \(running) still running · the header and side column follow start \(optima.best + 1), the best"
        } else {
            let best = starts[optima.best].history.final.logLikelihood
            let distinct = optima.count == 1 ? "1 distinct optimum" : "\(optima.count) distinct optima"
            scene.note = "\(starts.count) starts · \(distinct) · best: start \(optima.best + 1), log-likelihood \(Ticks.formatted(best, decimals: 3))"
        }
        scene.view = .starts(StartsScene(panels: panels, columns: StartsScene.columns(for: panels.count), best: optima.best))
        return scene
    }
}
