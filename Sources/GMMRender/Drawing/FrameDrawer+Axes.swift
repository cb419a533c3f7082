import Foundation

extension FrameDrawer {
    var xTicks: (values: [Double], step: Double) {
        let w = layout.transform.window
        let target = Int(layout.plot.width / (90 * u))
        return (Ticks.values(from: w.xmin, to: w.xmax, target: target), Ticks.step(from: w.xmin, to: w.xmax, target: target))
    }

    var yTicks: (values: [Double], step: Double) {
        let w = layout.transform.window
        let target = Int(layout.plot.height / (55 * u))
        return (Ticks.values(from: w.ymin, to: w.ymax, target: target), Ticks.step(from: w.ymin, to: w.ymax, target: target))
    }

    /// Light lines at the ticks, on whole-pixel centres so they stay crisp.
    func drawGrid() {
        let t = layout.transform
        context.gridLines(in: layout.plot, xs: xTicks.values.map { t.pixel(Point2(x: $0, y: 0)).x },
                          ys: yTicks.values.map { t.pixel(Point2(x: 0, y: $0)).y }, color: theme.grid)
    }

    /// The plot frame, outward ticks, tick labels and the axis names.
    func drawAxes() {
        let plot = layout.plot, t = layout.transform
        context.save()
        let x = xTicks, y = yTicks
        context.axisFrame(in: plot,
                          x: x.values.map { (t.pixel(Point2(x: $0, y: 0)).x, Ticks.label($0, step: x.step)) },
                          y: y.values.map { (t.pixel(Point2(x: 0, y: $0)).y, Ticks.label($0, step: y.step)) },
                          line: theme.axis, labels: theme.mutedText, unit: u, fontSize: layout.style.tickFont)
        context.font(size: layout.style.axisLabelFont)
        context.setColor(theme.text)
        context.text(scene.axisLabels.x, x: plot.x + plot.width / 2, baseline: plot.maxY + 38 * u, align: .center)
        context.verticalText(scene.axisLabels.y, center: Point2(x: plot.x - 48 * u, y: plot.y + plot.height / 2))
        context.restore()
    }

    /// The title, centred over the plot, the header line (the frame's name from
    /// ``Scene/stageLabel``, log-likelihood, the converged mark) and under it the note saying in
    /// words what the step did.
    func drawTitleAndHeader() {
        let plot = layout.plot
        if let baseline = layout.titleBaseline {
            context.setColor(theme.text)
            context.font(size: layout.style.titleFont, bold: true)
            context.text(options.title, x: plot.x + plot.width / 2, baseline: baseline, align: .center)
        }
        guard let baseline = layout.headerBaseline else { return }
        var x = plot.x
        func piece(_ text: String, color: UInt32, bold: Bool = false) {
            context.font(size: layout.style.headerFont, bold: bold)
            context.setColor(color)
            context.text(text, x: x, baseline: baseline)
            x += context.textWidth(text)
        }
        let separator = "   ·   "
        if let caption = scene.caption, !caption.isEmpty {
            piece(caption, color: theme.text, bold: true)
            piece(separator, color: theme.mutedText)
        }
        for run in scene.stageLabel {
            piece(run.text, color: run.isValue ? theme.text : theme.mutedText, bold: run.isValue)
        }
        if let ll = scene.logLikelihood {
            piece(separator, color: theme.mutedText)
            piece("mean log-likelihood ", color: theme.mutedText)
            piece(ll.isFinite ? Ticks.formatted(ll, decimals: 3) : "\(ll)", color: theme.text, bold: true)
        }
        if scene.converged {
            piece(separator, color: theme.mutedText)
            piece("✓ converged", color: theme.text, bold: true)
        }
        if let noteBaseline = layout.noteBaseline, let note = scene.note, !note.isEmpty {
            context.font(size: layout.style.noteFont)
            context.setColor(theme.mutedText)
            context.text(note, x: plot.x, baseline: noteBaseline)
        }
    }
}
