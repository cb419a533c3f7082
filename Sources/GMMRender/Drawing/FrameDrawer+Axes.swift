import Foundation

extension FrameDrawer {
    var xTicks: (values: [Double], step: Double) {
        let w = layout.transform.window
        let target = FrameLayout.tickTarget(length: layout.plot.width, style: layout.style, vertical: false, lo: w.xmin, hi: w.xmax)
        return (Ticks.values(from: w.xmin, to: w.xmax, target: target), Ticks.step(from: w.xmin, to: w.xmax, target: target))
    }

    var yTicks: (values: [Double], step: Double) {
        let w = layout.transform.window
        let target = FrameLayout.tickTarget(length: layout.plot.height, style: layout.style, vertical: true)
        return (Ticks.values(from: w.ymin, to: w.ymax, target: target), Ticks.step(from: w.ymin, to: w.ymax, target: target))
    }

    /// Light lines at the ticks, on whole-pixel centres so they stay crisp.
    func drawGrid() {
        let t = layout.transform
        context.gridLines(in: layout.plot, xs: xTicks.values.map { t.pixel(Point2(x: $0, y: 0)).x },
                          ys: yTicks.values.map { t.pixel(Point2(x: 0, y: $0)).y }, color: theme.grid)
    }

    /// The plot frame, outward ticks, tick labels and the axis names (the vertical one only
    /// with `verticalName`).
    func drawAxes(verticalName: Bool = true) {
        let plot = layout.plot, t = layout.transform
        context.save()
        let x = xTicks, y = yTicks
        context.axisFrame(in: plot,
                          x: x.values.map { (t.pixel(Point2(x: $0, y: 0)).x, Ticks.label($0, step: x.step)) },
                          y: y.values.map { (t.pixel(Point2(x: 0, y: $0)).y, Ticks.label($0, step: y.step)) },
                          line: theme.axis, labels: theme.mutedText, unit: u, fontSize: layout.style.tickFont)
        context.font(size: layout.style.axisLabelFont)
        context.setColor(theme.text)
        context.text(scene.axisLabels.x, x: plot.x + plot.width / 2, baseline: layout.xAxisLabelBaseline, align: .center)
        if verticalName {
            context.verticalText(scene.axisLabels.y, center: Point2(x: layout.yAxisLabelCenter, y: plot.y + plot.height / 2))
        }
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
        // The pieces in one line, in a font narrowed only if the line would not fit otherwise.
        var pieces = [(text: String, color: UInt32, bold: Bool)]()
        let separator = "   ·   "
        if let caption = scene.caption, !caption.isEmpty {
            pieces.append((caption, theme.text, true))
            pieces.append((separator, theme.mutedText, false))
        }
        for run in scene.stageLabel {
            pieces.append((run.text, run.isValue ? theme.text : theme.mutedText, run.isValue))
        }
        if let ll = scene.logLikelihood {
            pieces.append((separator, theme.mutedText, false))
            pieces.append(("mean log-likelihood ", theme.mutedText, false))
            pieces.append((ll.isFinite ? Ticks.formatted(ll, decimals: 3) : "\(ll)", theme.text, true))
        }
        if scene.converged {
            pieces.append((separator, theme.mutedText, false))
            pieces.append(("✓ converged", theme.text, true))
        }
        if let total = options.sampledFrom {
            pieces.append((separator, theme.mutedText, false))
            pieces.append((Self.sampleText(points: scene.points.count, of: total), theme.text, false))
        }
        if let warning = Self.starvedHeaderText(scene) {
            pieces.append((separator, theme.mutedText, false))
            pieces.append((warning, warningColor, true))
        }
        var size = layout.style.headerFont
        let natural = pieces.reduce(0.0) { total, piece in
            context.font(size: size, bold: piece.bold)
            return total + context.textWidth(piece.text)
        }
        let room = layout.textRight - layout.textLeft
        if natural > room, natural > 0 { size *= room / natural }
        var x = layout.textLeft
        for piece in pieces {
            context.font(size: size, bold: piece.bold)
            context.setColor(piece.color)
            context.text(piece.text, x: x, baseline: baseline)
            x += context.textWidth(piece.text)
        }
        if let noteBaseline = layout.noteBaseline, let note = scene.note, !note.isEmpty {
            context.setColor(theme.mutedText)
            context.paragraph(note, x: layout.textLeft, firstBaseline: noteBaseline, width: layout.textRight - layout.textLeft,
                              lines: layout.noteLines, lineHeight: FrameLayout.noteLeading * layout.style.noteFont, size: layout.style.noteFont)
        }
    }

    /// The header's words for drawn points that are a sample: "sample of 20,000 of
    /// 10,000,000 points".
    static func sampleText(points: Int, of total: Int) -> String {
        "sample of \(Ticks.grouped(points)) of \(Ticks.grouped(total)) points"
    }
}
