import Foundation

/// Draws a ``CriterionChart`` on a Cairo context in logical pixels, back to front: background,
/// grid, lines with their points, each line's minimum ringed, the overall minimum as the
/// frame's mean marker with a dashed drop line and a label, axes, title, legend panel.
///
/// Every size is a multiple of the layout's ``ChartLayout/scale`` (`s` below), so the same
/// chart drawn inside a slide-sized picture keeps its proportions.
struct ChartDrawer {
    let context: CairoContext
    let chart: CriterionChart
    let layout: ChartLayout
    let theme: ThemeColors
    let palette: RenderPalette
    /// The point marked as the choice (series and point indices into ``chart``), or nil for none.
    let marked: (series: Int, point: Int)?
    let s: Double

    init(context: CairoContext, chart: CriterionChart, layout: ChartLayout, options: ChartOptions) {
        self.init(context: context, chart: chart, layout: layout, theme: options.theme, marked: chart.best)
    }

    /// A drawer marking `marked` as the choice, whatever the lowest point of `chart`.
    init(context: CairoContext, chart: CriterionChart, layout: ChartLayout, theme: Theme, marked: (series: Int, point: Int)?) {
        self.context = context
        self.chart = chart
        self.layout = layout
        self.theme = theme.colors
        palette = RenderPalette(theme: theme)
        self.marked = marked
        s = layout.scale
    }

    func color(_ series: CriterionChart.Series) -> UInt32 { palette.color(ofComponent: series.colorIndex) }

    /// The dash of a series' line: solid for the palette's eight distinct colours, dashed
    /// beyond them (mclust's fourteen models), whose hues come nearer each other.
    func dash(_ series: CriterionChart.Series) -> [Double] {
        series.colorIndex < RenderPalette.okabeIto.count ? [] : [5 * s, 3 * s]
    }

    func draw() throws {
        context.setColor(theme.background)
        context.paint()
        try drawParts()
    }

    /// Everything but the background, for a chart drawn inside a larger picture.
    func drawParts() throws {
        drawGrid()
        try context.check("drawing the chart grid")
        drawLines()
        try context.check("drawing the chart lines")
        drawBest()
        try context.check("marking the lowest value")
        drawAxes()
        try context.check("drawing the chart axes")
        if layout.legend.height > 0 { drawLegend() }
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
            context.setLineWidth(5 * s)
            context.setColor(theme.halo, alpha: 0.8)
            context.strokePreserve()
            context.setLineWidth(2.4 * s)
            context.setColor(c)
            context.setDash(dash(line))
            context.stroke()
            context.setDash([])
            for p in pixels.compactMap({ $0 }) {
                context.newPath()
                context.circle(p, radius: 3.6 * s)
                context.setColor(theme.halo)
                context.fill()
                context.newPath()
                context.circle(p, radius: 2.6 * s)
                context.setColor(c)
                context.fill()
            }
            if let m = line.minimumIndex {
                context.newPath()
                context.circle(layout.pixel(line.points[m]), radius: 7 * s)
                context.setLineWidth(1.8 * s)
                context.setColor(c)
                context.stroke()
            }
        }
        context.restore()
    }

    /// The marked point (the overall minimum unless told otherwise): a dashed line down to the
    /// K axis, the frame's mean marker, and "K = …" beside it.
    func drawBest() {
        guard let best = marked, chart.series.indices.contains(best.series),
              chart.series[best.series].points.indices.contains(best.point) else { return }
        let line = chart.series[best.series]
        let p = layout.pixel(line.points[best.point])
        context.save()
        context.clip(to: layout.plot)
        context.newPath()
        context.setLineWidth(max(1, s.rounded(.down)))
        context.setDash([3 * s, 3 * s])
        context.setColor(theme.mutedText, alpha: 0.9)
        context.move(to: Point2(x: p.x.rounded(.down) + 0.5, y: p.y + 9 * s))
        context.line(to: Point2(x: p.x.rounded(.down) + 0.5, y: layout.plot.maxY))
        context.stroke()
        context.setDash([])
        context.meanMarker(at: p, color: color(line), outline: theme.text, halo: theme.halo, unit: s)
        context.font(size: 12 * s, bold: true)
        context.setColor(theme.text)
        let label = "K = \(line.points[best.point].components)"
        // Below and to the right: a minimum has its lines above it, and the drop line to its
        // left; near the right edge, to the left instead, and near the bottom, above.
        let width = context.textWidth(label)
        let below = p.y + 24 * s
        let baseline = below + 3 * s > layout.plot.maxY ? p.y - 12 * s : below
        if p.x + 8 * s + width > layout.plot.maxX {
            context.text(label, x: p.x - 8 * s, baseline: baseline, align: .right)
        } else {
            context.text(label, x: p.x + 8 * s, baseline: baseline)
        }
        context.restore()
    }

    func drawAxes() {
        let plot = layout.plot, t = layout.transform
        context.save()
        context.axisFrame(in: plot,
                          x: layout.componentTicks.map { (t.pixel(Point2(x: Double($0), y: 0)).x, "\($0)") },
                          y: layout.valueTicks.map { (t.pixel(Point2(x: 0, y: $0)).y, Ticks.label($0, step: layout.valueStep)) },
                          line: theme.axis, labels: theme.mutedText, unit: s, fontSize: 11 * s)
        context.font(size: 12 * s)
        context.setColor(theme.text)
        // Centred under the plot, moved (then narrowed) to stay inside the chart's bounds.
        let name = "number of components K", bounds = layout.bounds
        let nameWidth = context.textWidth(name)
        if nameWidth > bounds.width {
            context.text(name, x: bounds.x, baseline: plot.maxY + 35 * s, fitting: bounds.width, size: 12 * s)
        } else {
            let left = min(max(plot.x + plot.width / 2 - nameWidth / 2, bounds.x), bounds.maxX - nameWidth)
            context.text(name, x: left, baseline: plot.maxY + 35 * s)
        }
        context.verticalText("\(chart.criterion) (lower is better)", center: Point2(x: plot.x - 66 * s, y: plot.y + plot.height / 2))
        context.font(size: 17 * s, bold: true)
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
        context.font(size: 12 * s, bold: true)
        context.text("covariance type", x: r.x + 10 * s, baseline: r.y + 20 * s)
        context.setRoundCaps()
        for (i, line) in chart.series.enumerated() {
            let mid = r.y + (36 + 22 * Double(i) + 8) * s
            context.newPath()
            context.move(to: Point2(x: r.x + 12 * s, y: mid))
            context.line(to: Point2(x: r.x + 36 * s, y: mid))
            context.setLineWidth(2.4 * s)
            context.setColor(color(line))
            context.setDash(dash(line))
            context.stroke()
            context.setDash([])
            context.newPath()
            context.circle(Point2(x: r.x + 24 * s, y: mid), radius: 2.6 * s)
            context.fill()
            context.font(size: 11 * s)
            context.setColor(theme.text)
            context.text(line.label, x: r.x + 44 * s, baseline: mid + 4 * s)
            if let m = line.minimumIndex {
                context.setColor(theme.mutedText)
                context.text("min K = \(line.points[m].components)", x: r.maxX - 10 * s, baseline: mid + 4 * s, align: .right)
            }
        }
        if layout.legendNamesChoice, let best = marked, chart.series.indices.contains(best.series),
           chart.series[best.series].points.indices.contains(best.point) {
            let y = r.y + (36 + 22 * Double(chart.series.count) + 14) * s
            let line = chart.series[best.series]
            context.setColor(theme.mutedText)
            context.font(size: 11 * s)
            context.text("lowest \(chart.criterion)", x: r.x + 10 * s, baseline: y + 4 * s)
            context.setColor(theme.text)
            context.font(size: 13 * s, bold: true)
            context.text("K = \(line.points[best.point].components), \(line.label)", x: r.x + 10 * s, baseline: y + 24 * s)
        }
        context.restore()
    }
}
