import GMM
import GMMAnimation
import GMMRender

extension Select {
    /// Where `--render-best` writes: the GIF at `--out`, no frame files.
    func renderJob() throws -> AnimationJob {
        AnimationJob(out: try out.resolved(format: format), threads: tuning.threads, quiet: quiet)
    }

    /// Renders the chosen model's fit with `render`'s pipeline and defaults, on the data's
    /// extent (user data rarely fits the demo's ±10 window) in the chart's theme; one-column
    /// data in the 1-D view.
    func renderBest(_ history: FitHistory, data: Dataset, into outputs: AnimationJob.Outputs) throws {
        var options = RenderOptions()
        options.bounds = .auto
        options.theme = theme
        options.title = "GMM visualization: K = \(history.components), \(history.covarianceType) (lowest BIC)"
        // One column has no second axis: it is drawn as its 1-D mixture, as `render` draws it.
        if data.dimension == 1 { options.view = .line(column: 0) }
        try options.validate(dimension: data.dimension)
        try renderJob().run(outputs, history: history, data: data, options: options, timeline: Timeline.Options())
    }
}
