import GMM
import GMMRender

extension Select {
    /// Renders the chosen model's fit with `render`'s pipeline and defaults, on the data's
    /// extent (user data rarely fits the demo's ±10 window) in the chart's theme.
    func renderBest(_ history: FitHistory, data: Dataset) throws {
        var options = RenderOptions()
        options.bounds = .auto
        options.theme = theme
        options.title = "GMM visualization: K = \(history.components), \(history.covarianceType) (lowest BIC)"
        try options.validate(dimension: data.dimension)
        let summary = try AnimationWriter.render(history: history, data: data, options: options, timeline: Timeline.Options(),
                                                 gifPath: out, framesDirectory: nil, threads: tuning.threads, quiet: quiet)
        if !quiet { Terminal.note(Render.summaryLine(summary, history: history, gif: out, frames: nil, format: .png)) }
    }
}
