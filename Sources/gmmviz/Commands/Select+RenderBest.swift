import GMM
import GMMAnimation
import GMMRender

extension Select {
    /// Where `--render-best` writes: the GIF at `--out`, no frame files.
    func renderJob() throws -> AnimationJob {
        AnimationJob(out: try out.resolved(format: format), threads: tuning.threads, quiet: quiet)
    }

    /// Renders the chosen model's fit with `render`'s pipeline and defaults, in `options`
    /// (``pictureOptions(dimension:)``: the view, size and theme asked for, on the data's
    /// extent).
    func renderBest(_ history: FitHistory, data: Dataset, options: RenderOptions, into outputs: AnimationJob.Outputs) throws {
        var options = options
        options.title = "GMM visualization: K = \(history.components), \(history.covarianceType) (lowest BIC)"
        try renderJob().run(outputs, history: history, data: data, options: options, timeline: Timeline.Options())
    }
}
