import Foundation

/// Draws a ``CriterionChart`` on a Cairo context in logical pixels, back to front: background,
/// grid, lines with their points, each line's minimum ringed, the overall minimum as the
/// frame's mean marker with a dashed drop line and a label, axes, title, legend panel.
struct ChartDrawer {
    let context: CairoContext
    let chart: CriterionChart
    let layout: ChartLayout
    let theme: ThemeColors
    let palette: RenderPalette

    init(context: CairoContext, chart: CriterionChart, layout: ChartLayout, options: ChartOptions) {
        self.context = context
        self.chart = chart
        self.layout = layout
        theme = options.theme.colors
        palette = RenderPalette(theme: options.theme)
    }

    func color(_ series: CriterionChart.Series) -> UInt32 { palette.color(ofComponent: series.colorIndex) }

    func draw() throws {
        context.setColor(theme.background)
        context.paint()
        drawGrid()
        try context.check("drawing the chart grid")
        drawLines()
        try context.check("drawing the chart lines")
        drawBest()
        try context.check("marking the lowest value")
        drawAxes()
        try context.check("drawing the chart axes")
        drawLegend()
        try context.check("drawing the chart legend")
    }

    /// Light lines at the ticks, on whole-pixel centres.
    func drawGrid() {
        let t = layout.transform
        context.gridLines(in: layout.plot, xs: layout.componentTicks.map { t.pixel(Point2(x: Double($0), y: 0)).x },
                          ys: layout.valueTicks.map { t.pixel(Point2(x: 0, y: $0)).y }, color: theme.grid)
    }

    /// Each line with a halo under it (as the ellipse outlines), a dot per K and a ring at its minimum.
    func drawLines() {
        context.save()
        context.clip(to: layout.plot)
        context.setRoundCaps()
        for line in chart.series {
            let c = color(line)
            let pixels = line.points.map { $0.value.isFinite ? layout.pixel($0) : nil }
            context.newPath()
            var pen = false
            for p in pixels {
                guard let p else { pen = false; continue }
                if pen { context.line(to: p) } else { context.move(to: p) }
                pen = true
            }
            context.setLineWidth(5)
            context.setColor(theme.halo, alpha: 0.8)
            context.strokePreserve()
            context.setLineWidth(2.4)
            context.setColor(c)
            context.stroke()
            for p in pixels.compactMap({ $0 }) {
                context.newPath()
                context.circle(p, radius: 3.6)
                context.setColor(theme.halo)
                context.fill()
                context.newPath()
                context.circle(p, radius: 2.6)
                context.setColor(c)
                context.fill()
            }
            if let m = line.minimumIndex {
                context.newPath()
                context.circle(layout.pixel(line.points[m]), radius: 7)
                context.setLineWidth(1.8)
                context.setColor(c)
                context.stroke()
            }
        }
        context.restore()
    }

    /// The overall minimum: a dashed line down to the K axis, the frame's mean marker, and
    /// "K = …" beside it.
    func drawBest() {
        guard let best = chart.best else { return }
        let line = chart.series[best.series]
        let p = layout.pixel(line.points[best.point])
        context.save()
        context.clip(to: layout.plot)
        context.newPath()
        context.setLineWidth(1)
        context.setDash([3, 3])
        context.setColor(theme.mutedText, alpha: 0.9)
        context.move(to: Point2(x: p.x.rounded(.down) + 0.5, y: p.y + 9))
        context.line(to: Point2(x: p.x.rounded(.down) + 0.5, y: layout.plot.maxY))
        context.stroke()
        context.setDash([])
        context.meanMarker(at: p, color: color(line), outline: theme.text, halo: theme.halo)
        context.font(size: 12, bold: true)
        context.setColor(theme.text)
        let label = "K = \(line.points[best.point].components)"
        // Below and to the right: a minimum has its lines above it, and the drop line to its left.
        context.text(label, x: p.x + 8, baseline: p.y + 24)
        context.restore()
    }

    func drawAxes() {
        let plot = layout.plot, t = layout.transform
        context.save()
        context.axisFrame(in: plot,
                          x: layout.componentTicks.map { (t.pixel(Point2(x: Double($0), y: 0)).x, "\($0)") },
                          y: layout.valueTicks.map { (t.pixel(Point2(x: 0, y: $0)).y, Ticks.label($0, step: layout.valueStep)) },
                          line: theme.axis, labels: theme.mutedText)
        context.font(size: 12)
        context.setColor(theme.text)
        context.text("number of components K", x: plot.x + plot.width / 2, baseline: plot.maxY + 35, align: .center)
        context.verticalText("\(chart.criterion) (lower is better)", center: Point2(x: plot.x - 66, y: plot.y + plot.height / 2))
        context.font(size: 17, bold: true)
        context.text(chart.title, x: plot.x + plot.width / 2, baseline: layout.titleBaseline, align: .center)
        context.restore()
    }

    /// The panel: one row per line (its colour and covariance type, and the K of its minimum),
    /// then the overall choice.
    func drawLegend() {
        let r = layout.legend
        context.save()
        context.newPath()
        context.rectangle(r)
        context.setColor(theme.panel)
        context.fill()
        context.setColor(theme.text)
        context.font(size: 12, bold: true)
        context.text("covariance type", x: r.x + 10, baseline: r.y + 20)
        context.setRoundCaps()
        for (i, line) in chart.series.enumerated() {
            let mid = r.y + 36 + 22 * Double(i) + 8
            context.newPath()
            context.move(to: Point2(x: r.x + 12, y: mid))
            context.line(to: Point2(x: r.x + 36, y: mid))
            context.setLineWidth(2.4)
            context.setColor(color(line))
            context.stroke()
            context.newPath()
            context.circle(Point2(x: r.x + 24, y: mid), radius: 2.6)
            context.fill()
            context.font(size: 11)
            context.setColor(theme.text)
            context.text(line.label, x: r.x + 44, baseline: mid + 4)
            if let m = line.minimumIndex {
                context.setColor(theme.mutedText)
                context.text("min K = \(line.points[m].components)", x: r.maxX - 10, baseline: mid + 4, align: .right)
            }
        }
        if let best = chart.best {
            let y = r.y + 36 + 22 * Double(chart.series.count) + 14
            let line = chart.series[best.series]
            context.setColor(theme.mutedText)
            context.font(size: 11)
            context.text("lowest \(chart.criterion)", x: r.x + 10, baseline: y + 4)
            context.setColor(theme.text)
            context.font(size: 13, bold: true)
            context.text("K = \(line.points[best.point].components), \(line.label)", x: r.x + 10, baseline: y + 24)
        }
        context.restore()
    }
}
