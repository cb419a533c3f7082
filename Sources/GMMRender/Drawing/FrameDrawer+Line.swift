import Foundation

extension FrameDrawer {
    /// Where the parts of a line panel go inside `area`: the density plot (density 0 on its
    /// bottom edge), the band below it for the mean markers and trails, and the point strip.
    struct LinePanels {
        /// The density plot: x over the line's window, y from 0 (bottom) to its `densityMax`.
        var density: PixelRect
        /// The density plot extended down by ``markerRoom`` so markers on the axis show whole.
        var markers: PixelRect
        /// The points, jittered vertically; nil when the panel has no strip.
        var strip: PixelRect?

        /// Room below the density axis for the mean markers (8 px in radius).
        static let markerRoom = 10.0

        init(area: PixelRect, strip hasStrip: Bool) {
            let stripHeight = hasStrip ? max(16, min(64, area.height * 0.16)) : 0
            let gap = hasStrip ? 6.0 : 0
            density = PixelRect(x: area.x, y: area.y, width: area.width,
                                height: max(8, area.height - stripHeight - gap - Self.markerRoom))
            markers = PixelRect(x: area.x, y: area.y, width: area.width, height: density.height + Self.markerRoom)
            strip = hasStrip ? PixelRect(x: area.x, y: markers.maxY + gap, width: area.width, height: stripHeight) : nil
        }
    }

    /// The vertical position of point i in the strip, in (0, 1): a golden-ratio sequence, so
    /// the points spread evenly and the same data always lands in the same place.
    static func stripJitter(_ i: Int) -> Double {
        let u = (Double(i) * 0.618_033_988_749_894_9).truncatingRemainder(dividingBy: 1)
        return 0.12 + 0.76 * u
    }

    /// One column's picture in `area`: histogram, weighted component densities, the mixture
    /// density, mean markers and trails on the axis and, with `strip`, the points below.
    func drawLineView(_ line: LineScene, in area: PixelRect, strip: Bool, points: (FrameDrawer) throws -> Void) throws {
        let panels = LinePanels(area: area, strip: strip)
        let densityWindow = DataWindow(xmin: line.xmin, xmax: line.xmax, ymin: 0, ymax: line.densityMax)
        let curves = panel(scene, plot: panels.density, window: densityWindow)
        let t = curves.layout.transform
        let d = panels.density

        if options.showGrid {
            let yTicks = Ticks.values(from: 0, to: line.densityMax, target: densityTickTarget(d))
            context.gridLines(in: d, xs: curves.xTicks.values.map { t.pixel(Point2(x: $0, y: 0)).x },
                              ys: strip ? yTicks.map { t.pixel(Point2(x: 0, y: $0)).y } : [], color: theme.grid)
        }
        context.save()
        context.clip(to: d)
        // The histogram.
        context.newPath()
        for (i, f) in line.histogram.densities.enumerated() where f > 0 {
            let left = line.histogram.start + Double(i) * line.histogram.width
            let p = t.pixel(Point2(x: left, y: f)), q = t.pixel(Point2(x: left + line.histogram.width, y: 0))
            guard inGuard(p), inGuard(q) else { continue }
            context.rectangle(PixelRect(x: p.x, y: p.y, width: q.x - p.x, height: q.y - p.y))
        }
        context.setColor(theme.mutedText, alpha: 0.2)
        context.fillPreserve()
        context.setLineWidth(0.8)
        context.setColor(theme.mutedText, alpha: 0.45)
        context.stroke()
        // The curves, sampled at every logical pixel across the panel.
        let xs = stride(from: d.x, through: d.maxX + 0.5, by: 1).map { t.data(Point2(x: $0, y: 0)).x }
        func curve(_ f: (Double) -> Double) -> [Point2] {
            xs.map { x in
                let p = t.pixel(Point2(x: x, y: f(x)))
                return Point2(x: p.x, y: p.y.isFinite ? max(min(p.y, d.maxY), d.y - 4) : d.y - 4)
            }
        }
        context.setRoundCaps()
        for (k, c) in line.components.enumerated() where k < componentColors.count {
            let path = curve(c.weightedDensity)
            guard let first = path.first, let last = path.last else { continue }
            // The area under each curve is tinted on the line view; a matrix's diagonal cells
            // are too small for it to add more than drawing time.
            if strip {
                context.newPath()
                context.move(to: Point2(x: first.x, y: d.maxY))
                for p in path { context.line(to: p) }
                context.line(to: Point2(x: last.x, y: d.maxY))
                context.closePath()
                context.setColor(componentColors[k], alpha: 0.1)
                context.fill()
            }
            context.newPath()
            polyline(path)
            context.setLineWidth(Self.lineWidth(weight: c.weight) * 0.8)
            context.setColor(componentColors[k], alpha: 0.95)
            context.stroke()
        }
        let mixture = curve(line.mixtureDensity)
        polyline(mixture)
        if strip {
            context.setLineWidth(5)
            context.setColor(theme.halo, alpha: 0.8)
            context.strokePreserve()
        }
        context.setLineWidth(strip ? 2.4 : 2)
        context.setColor(theme.text)
        context.stroke()
        context.restore()
        try context.check("drawing the densities")

        // Mean markers and trails on the axis (y = 0).
        if options.showMeans || options.showTrails {
            let room = LinePanels.markerRoom / t.sy
            let onAxis = try Scene(points: [], responsibilities: [], components: line.components.map {
                SceneComponent(weight: $0.weight, mean: Point2(x: $0.mean, y: 0), covariance: Covariance2(xx: $0.variance, xy: 0, yy: 0))
            }, trails: line.trails.map { $0.map { Point2(x: $0, y: 0) } })
            let axis = panel(onAxis, plot: panels.markers,
                             window: DataWindow(xmin: line.xmin, xmax: line.xmax, ymin: -room, ymax: line.densityMax))
            if options.showTrails { axis.drawTrails() }
            if options.showMeans { axis.drawMeans() }
            try context.check("drawing the means on the axis")
        }

        // The points, as a strip below.
        if let s = panels.strip {
            context.newPath()
            context.rectangle(s)
            context.setColor(theme.panel)
            context.fill()
            if options.showPoints {
                let jittered = scene.points.indices.map { Point2(x: scene.points[$0].x, y: Self.stripJitter($0)) }
                let stripScene = try Scene(points: jittered, responsibilities: scene.responsibilities, components: scene.components,
                                           pointsAssigned: scene.pointsAssigned)
                try points(panel(stripScene, plot: s, window: DataWindow(xmin: line.xmin, xmax: line.xmax, ymin: 0, ymax: 1)))
                try context.check("drawing the point strip")
            }
        }

        guard strip, options.showAxes else { return }
        let yTicks = Ticks.values(from: 0, to: line.densityMax, target: densityTickTarget(d))
        let yStep = Ticks.step(from: 0, to: line.densityMax, target: densityTickTarget(d))
        context.save()
        context.axisFrame(in: d, x: [], y: yTicks.map { (t.pixel(Point2(x: 0, y: $0)).y, Ticks.label($0, step: yStep)) },
                          line: theme.axis, labels: theme.mutedText, unit: layout.style.unit, fontSize: layout.style.tickFont)
        let bottom = panels.strip ?? panels.markers
        let whole = PixelRect(x: area.x, y: bottom.y, width: area.width, height: bottom.height)
        let x = curves.xTicks
        context.axisFrame(in: whole, x: x.values.map { (t.pixel(Point2(x: $0, y: 0)).x, Ticks.label($0, step: x.step)) }, y: [],
                          line: theme.axis, labels: theme.mutedText, unit: layout.style.unit, fontSize: layout.style.tickFont)
        context.font(size: layout.style.axisLabelFont)
        context.setColor(theme.text)
        context.text(line.label, x: area.x + area.width / 2, baseline: layout.xAxisLabelBaseline, align: .center)
        context.verticalText("density", center: Point2(x: layout.yAxisLabelCenter, y: d.y + d.height / 2))
        context.restore()
        drawLineKey(in: d)
    }

    /// Adds a polyline through `points` as a new path.
    func polyline(_ points: [Point2]) {
        context.newPath()
        guard let first = points.first else { return }
        context.move(to: first)
        for p in points.dropFirst() { context.line(to: p) }
    }

    /// About how many ticks the density axis of `d` carries, as the plane's vertical axis.
    func densityTickTarget(_ d: PixelRect) -> Int {
        FrameLayout.tickTarget(length: d.height, style: layout.style, vertical: true)
    }

    /// What the marks of a line panel are, at its top right.
    func drawLineKey(in d: PixelRect) {
        let rows: [(String, Int)] = [("histogram (Freedman–Diaconis/Sturges bins)", 0), ("mixture density", 1), ("components πₖ·N(x | μₖ, σₖ²)", 2)]
        let p = layout.style.panelTextUnit, font = 11 * p
        let row = 16 * p, icon = 18 * p, pad = 6 * p
        context.font(size: font)
        // Never wider than the panel: a long row narrows its font rather than running off it.
        let textRoom = d.width - icon - 3 * pad
        let width = min(rows.map { context.textWidth($0.0) }.max() ?? 0, textRoom) + icon + 2 * pad + pad
        let x = d.maxX - width - pad, y = d.y + pad
        context.newPath()
        context.rectangle(PixelRect(x: x, y: y, width: width, height: row * Double(rows.count) + pad))
        context.setColor(theme.background, alpha: 0.85)
        context.fill()
        for (i, entry) in rows.enumerated() {
            let mid = y + pad / 2 + row * (Double(i) + 0.5)
            context.newPath()
            switch entry.1 {
            case 0:
                context.rectangle(PixelRect(x: x + pad, y: mid - 5 * p, width: icon, height: 10 * p))
                context.setColor(theme.mutedText, alpha: 0.3)
                context.fill()
            case 1:
                context.move(to: Point2(x: x + pad, y: mid))
                context.line(to: Point2(x: x + pad + icon, y: mid))
                context.setLineWidth(2.4 * u)
                context.setColor(theme.text)
                context.stroke()
            default:
                // One short stroke per component colour.
                let n = max(1, min(componentColors.count, 3))
                for j in 0 ..< n {
                    context.newPath()
                    let x0 = x + pad + icon * Double(j) / Double(n)
                    context.move(to: Point2(x: x0, y: mid))
                    context.line(to: Point2(x: x0 + icon / Double(n) - u, y: mid))
                    context.setLineWidth(2 * u)
                    context.setColor(componentColors[j])
                    context.stroke()
                }
            }
            context.setColor(theme.text)
            context.text(entry.0, x: x + 2 * pad + icon, baseline: mid + font * 0.36, fitting: textRoom, size: font)
        }
    }
}
