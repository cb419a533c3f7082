import GMM

extension ModelGallery {
    /// The gallery of a model selection fitted on `data`: a panel per K that was fitted, each
    /// drawing the fit of lowest BIC at that K among those ranked (singular fits are not; the
    /// chosen fit at the chosen K, so ties break as the selection broke them), and the BIC of
    /// every ranked fit against K. A K whose every fit failed or is singular has no panel.
    ///
    /// Each panel is the final snapshot of its fit drawn with `options`' view (the plane of
    /// two columns, the PCA plane, or one column's line view), bounds and theme, without the
    /// means' trails: a still of a final model has no path to show.
    ///
    /// - Parameters:
    ///   - selection: the fits and the choice, from `ModelSelection.run(_:)` on `data`.
    ///   - data: the data the selection fitted.
    ///   - options: how each panel is drawn; see ``GalleryRenderer`` for what a gallery ignores.
    ///   - title: the title above the picture; nil for "Choosing K by BIC".
    ///   - source: the data's name in the caption, e.g. "faithful.csv"; nil for none.
    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` for the pairs view (a panel is
    ///   one plane or one line) or options invalid for the data; ``RenderError/invalidScene(_:)``
    ///   when a fit does not describe `data`.
    public init(selection: ModelSelectionResult, data: Dataset, options: RenderOptions,
                title: String? = nil, source: String? = nil) throws {
        if case .pairs = options.view {
            throw RenderError.invalidOption(.view, value: options.view.name, fix: "each K is drawn in one panel: use the plane, the PCA plane or a line view")
        }
        var options = options
        options.showTrails = false
        let best = selection.best
        var chosenPanel = 0
        var panels = [GalleryPanel]()
        var axisLabels: Scene.AxisLabels?
        for k in Set(selection.candidates.map(\.components)).sorted() {
            let fitted = selection.candidates.filter { $0.components == k && selection.isRanked($0) }
            // The lowest BIC at this K, ties to fewer parameters then the earlier (the
            // selection's own rule); the chosen fit at the chosen K.
            var pick: ModelCandidate?
            for c in fitted {
                if let p = pick, let current = p.bic, let bic = c.bic,
                   !(bic < current || (bic == current && c.numberOfParameters < p.numberOfParameters)) { continue }
                pick = c
            }
            if k == best.components { pick = best }
            guard let pick, let result = pick.result, let bic = pick.bic, let logLikelihood = pick.logLikelihood else { continue }
            let builder = try SceneBuilder(history: result.history, data: data, options: options)
            var scene = try builder.scene(at: builder.snapshotCount - 1)
            scene.note = nil
            axisLabels = builder.axisLabels
            let isChosen = k == best.components
            if isChosen { chosenPanel = panels.count }
            panels.append(GalleryPanel(components: k, covarianceType: pick.covarianceType.rawValue, bic: bic,
                                       logLikelihood: logLikelihood, scene: scene, isChosen: isChosen))
        }
        let chart = try CriterionChart(selection: selection, criterion: .bic, title: "")
        let series = chart.series.firstIndex { $0.label == best.covarianceType.rawValue } ?? 0
        let point = chart.series.indices.contains(series) ? chart.series[series].points.firstIndex { $0.components == best.components } ?? 0 : 0
        let summary = "lowest BIC: K = \(best.components), \(best.covarianceType.rawValue) covariances, BIC \(Ticks.formatted(best.bic ?? .nan, decimals: 2))"
        let points = "\(data.count) points in \(data.dimension) dimension\(data.dimension == 1 ? "" : "s")"
        var caption = [source.map { "\($0): \(points)" } ?? points]
        if let axisLabels {
            switch options.view {
            case .line: caption.append("densities over the histogram of \(axisLabels.x)")
            case .pca: caption.append("first two principal axes")
            case .plane, .pairs: caption.append("\(axisLabels.x) across, \(axisLabels.y) up")
            }
        }
        if case .line = options.view {} else { caption.append("points coloured by each fit's responsibilities") }
        if chart.series.count > 1 { caption.append("each K drawn with its covariance type of lowest BIC") }
        let singular = selection.candidates.filter(\.isSingular).count
        if singular > 0, !selection.ranksSingularFits {
            caption.append("\(singular) singular fit\(singular == 1 ? "" : "s") left out")
        }
        try self.init(panels: panels, chart: chart, chosen: chosenPanel, chosenPoint: ChartMark(series: series, point: point),
                      title: title ?? "Choosing K by BIC", summary: summary, caption: caption.joined(separator: " · "))
    }
}
