import Foundation

extension FrameDrawer {
    /// The side panel: the log-likelihood inset above the legend.
    func drawPanel() {
        guard let panel = layout.panel else { return }
        context.save()
        context.newPath()
        context.rectangle(panel)
        context.setColor(theme.panel)
        context.fill()
        if let inset = layout.inset { drawInset(inset, panel: panel) }
        if let legend = layout.legend { drawLegend(legend) }
        context.restore()
    }

    /// Mean log-likelihood against iteration: the whole curve faint (so the axes never move
    /// during an animation), the part up to ``Scene/progress`` solid, the current point marked.
    func drawInset(_ r: PixelRect, panel: PixelRect) {
        context.setColor(theme.text)
        context.font(size: 12, bold: true)
        context.text("mean log-likelihood", x: panel.x + 10, baseline: panel.y + 18)

        let values = scene.logLikelihoods
        let finite = values.filter(\.isFinite)
        let xMax = Double(max(scene.iterationCount, values.count - 1, 1))
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if !(hi - lo > 1e-12 * max(1, abs(hi))) || !(hi - lo).isFinite {
            lo -= 0.5
            hi += 0.5
        }
        func pixel(_ i: Double, _ v: Double) -> Point2 {
            Point2(x: r.x + i / xMax * r.width, y: r.maxY - (v - lo) / (hi - lo) * r.height)
        }

        context.newPath()
        context.rectangle(r)
        context.setColor(theme.background)
        context.fillPreserve()
        context.setLineWidth(1)
        context.setColor(theme.grid)
        context.stroke()

        context.font(size: 10)
        context.setColor(theme.mutedText)
        // Enough decimals that the two labels differ: two, or more for a flat curve.
        let decimals = max(2, min(8, 1 - Int(floor(log10(hi - lo)))))
        context.text(Ticks.formatted(hi, decimals: decimals), x: r.x - 4, baseline: r.y + 8, align: .right)
        context.text(Ticks.formatted(lo, decimals: decimals), x: r.x - 4, baseline: r.maxY, align: .right)
        context.text("0", x: r.x, baseline: r.maxY + 13, align: .center)
        context.text("\(Int(xMax))", x: r.maxX, baseline: r.maxY + 13, align: .center)
        context.text("iteration", x: r.x + r.width / 2, baseline: r.maxY + 13, align: .center)

        context.save()
        context.clip(to: PixelRect(x: r.x - 4, y: r.y - 4, width: r.width + 8, height: r.height + 8))
        context.setRoundCaps()
        // The whole curve, faint.
        polyline(values.indices.map { (Double($0), values[$0]) }, through: pixel)
        context.setLineWidth(1.2)
        context.setColor(theme.mutedText, alpha: 0.35)
        context.stroke()
        // The curve so far, solid, ending at the current position (interpolated when tweening).
        let progress = min(max(scene.progress, 0), Double(max(values.count - 1, 0)))
        let whole = Int(progress.rounded(.down))
        var sofar = values.indices.prefix(whole + 1).map { (Double($0), values[$0]) }
        if Double(whole) < progress, whole + 1 < values.count {
            let f = progress - Double(whole)
            sofar.append((progress, values[whole] + f * (values[whole + 1] - values[whole])))
        }
        polyline(sofar, through: pixel)
        context.setLineWidth(1.8)
        context.setColor(theme.text)
        context.stroke()
        if let current = sofar.last, current.1.isFinite {
            let p = pixel(current.0, current.1)
            context.newPath()
            context.setLineWidth(1)
            context.setDash([2, 2])
            context.setColor(theme.mutedText, alpha: 0.8)
            context.move(to: Point2(x: p.x, y: r.y))
            context.line(to: Point2(x: p.x, y: r.maxY))
            context.stroke()
            context.setDash([])
            context.circle(p, radius: 3.5)
            context.setColor(theme.text)
            context.fill()
        }
        context.restore()
    }

    /// Adds a polyline through the finite points, broken at non-finite ones.
    private func polyline(_ points: [(Double, Double)], through pixel: (Double, Double) -> Point2) {
        context.newPath()
        var pen = false
        for (i, v) in points {
            guard v.isFinite else {
                pen = false
                continue
            }
            let p = pixel(i, v)
            if pen { context.line(to: p) } else { context.move(to: p) }
            pen = true
        }
    }

    /// One row per component: its colour, its number and its weight as a bar and a number.
    func drawLegend(_ r: PixelRect) {
        context.setColor(theme.text)
        context.font(size: 12, bold: true)
        context.text("component weights πₖ", x: r.x, baseline: r.y + 12)
        let rowHeight = 19.0
        let rows = Int((r.height - 22) / rowHeight)
        guard rows >= 1 else { return }
        let k = scene.componentCount
        let shown = k <= rows ? k : max(rows - 1, 0)
        let barX = r.x + 40, barMax = r.width - 40 - 46
        context.font(size: 11)
        for i in 0 ..< shown {
            let c = scene.components[i]
            let mid = r.y + 22 + rowHeight * (Double(i) + 0.5)
            context.newPath()
            context.circle(Point2(x: r.x + 7, y: mid), radius: 5.5)
            context.setColor(componentColors[i])
            context.fillPreserve()
            context.setLineWidth(0.8)
            context.setColor(RGB(componentColors[i]).scaled(PointColors.rimFactor))
            context.stroke()
            context.setColor(theme.text)
            context.text("\(i + 1)", x: r.x + 18, baseline: mid + 4)
            let w = c.weight.isFinite ? min(max(c.weight, 0), 1) : 0
            if barMax > 4 {
                context.newPath()
                context.rectangle(PixelRect(x: barX, y: mid - 4, width: max(1, barMax * w), height: 8))
                context.setColor(componentColors[i], alpha: 0.85)
                context.fill()
            }
            context.setColor(theme.mutedText)
            context.text(c.weight.isFinite ? Ticks.formatted(c.weight, decimals: 3) : "—", x: r.maxX, baseline: mid + 4, align: .right)
        }
        if shown < k {
            context.setColor(theme.mutedText)
            context.text("+ \(k - shown) more", x: r.x, baseline: r.y + 22 + rowHeight * (Double(shown) + 0.5) + 4)
        }
    }
}
