import Foundation

extension FrameDrawer {
    /// The value axis of the inset in `r` for this scene's history (see ``InsetScale``).
    func insetScale(_ r: PixelRect) -> InsetScale {
        InsetScale(values: scene.logLikelihoods, plot: r, style: layout.style)
    }

    /// Mean log-likelihood against iteration, drawn only up to the iteration shown (the axes
    /// are fixed from the whole history, so they never move). Every iteration so far is a dot
    /// on the curve; the current one is larger. Iteration 0 is always on the chart: when it
    /// lies far below the rest, below a drawn axis break (see ``InsetScale``), which the words
    /// "axis broken" in the break name.
    func drawInset(_ r: PixelRect) {
        let values = scene.logLikelihoods
        let shown = min(max(Int(scene.progress.rounded(.down)), 0), max(values.count - 1, 0))
        // The heading, with the gain of the step shown when there is one.
        let p = layout.style.panelTextUnit
        let headingX = r.x - FrameLayout.insetGutter * p, headingY = r.y - FrameLayout.headingHeight * p
        heading("mean log-likelihood", x: headingX, y: headingY, width: r.maxX - headingX)
        if shown >= 1, shown < values.count, values[shown].isFinite, values[shown - 1].isFinite {
            let gain = values[shown] - values[shown - 1]
            // A gain the header's three decimals cannot show reads "no visible change" in the
            // note; here it is left out rather than printed as noise such as +3.3e−5.
            // Shown only where it clears the heading (a narrow side column has no room for both).
            context.font(size: layout.style.panelHeadingFont, bold: true)
            let headingEnd = headingX + context.textWidth("mean log-likelihood")
            context.font(size: layout.style.panelFont)
            let label = "+" + Self.gainText(gain)
            if gain >= DisplayPrecision.logLikelihoodStep, r.maxX - context.textWidth(label) > headingEnd + 8 * u {
                context.setColor(theme.mutedText)
                context.text(label, x: r.maxX, baseline: headingY + layout.style.panelHeadingFont * 0.76, align: .right)
            }
        }

        let scale = insetScale(r)
        let xMax = Double(max(scene.iterationCount, values.count - 1, 1))
        func pixel(_ i: Double, _ v: Double) -> Point2 {
            Point2(x: r.x + i / xMax * r.width, y: scale.y(v))
        }

        context.newPath()
        context.rectangle(r)
        context.setColor(theme.background)
        context.fillPreserve()
        context.setLineWidth(1)
        context.setColor(theme.grid)
        context.stroke()

        // Labels outside the plotting area only, so they can never touch the curve: the value
        // ticks on the left, the iteration axis below.
        let font = layout.style.panelFont
        let digit = font * 0.729
        context.font(size: font)
        let labelRight = r.x - 5 * u
        var marks = scale.ticks.map { (y: scale.y($0), text: Ticks.label($0, step: scale.step)) }
        if let initial = scale.brokenInitial {
            // Not a tick but the value itself, at its own row: one decimal more than the ticks.
            marks.append((scale.y(initial), Ticks.label(initial, step: scale.step / 10)))
        }
        context.newPath()
        for mark in marks {
            context.move(to: Point2(x: r.x - 3 * u, y: mark.y))
            context.line(to: Point2(x: r.x, y: mark.y))
        }
        context.setColor(theme.grid)
        context.stroke()
        context.setColor(theme.mutedText)
        for mark in marks {
            context.text(mark.text, x: labelRight, baseline: mark.y + digit / 2, align: .right)
        }
        // The iteration labels: "0" kept clear of the lowest value label on its left.
        let below = r.maxY + max(6 * u, digit / 2 + 3 * u) + digit
        let zeroHalf = context.textWidth("0") / 2
        context.text("0", x: max(r.x, labelRight + 2 * u + zeroHalf), baseline: below, align: .center)
        context.text("\(Int(xMax))", x: r.maxX, baseline: below, align: .center)
        context.text("iteration", x: r.x + r.width / 2, baseline: below, align: .center)

        context.save()
        context.clip(to: PixelRect(x: r.x - 6 * u, y: r.y - 6 * u, width: r.width + 12 * u, height: r.height + 6 * u))
        context.setRoundCaps()
        let sofar = values.indices.prefix(shown + 1).map { (Double($0), values[$0]) }
        polyline(sofar, through: pixel)
        context.setLineWidth(1.8 * u)
        context.setColor(theme.text)
        context.stroke()
        for (i, v) in sofar where v.isFinite {
            context.newPath()
            context.circle(pixel(i, v), radius: (Int(i) == shown ? 3.8 : 2) * u)
            context.setColor(theme.text)
            context.fill()
        }
        context.restore()
        if let band = scale.breakBand { drawInsetBreak(r, band: band) }
    }

    /// The axis break: the band between the bottom strip and the main part cleared to the
    /// column's colour (cutting the frame and the curve), two slanted strokes on each side,
    /// and "axis broken" in the band where it fits.
    func drawInsetBreak(_ r: PixelRect, band: (top: Double, bottom: Double)) {
        let gap = PixelRect(x: r.x - 1.5 * u, y: band.top + 2 * u, width: r.width + 3 * u, height: band.bottom - band.top - 4 * u)
        context.newPath()
        context.rectangle(gap)
        context.setColor(theme.panel)
        context.fill()
        context.newPath()
        for x in [r.x, r.maxX] {
            for y in [gap.y, gap.maxY] {
                context.move(to: Point2(x: x - 4 * u, y: y + 2 * u))
                context.line(to: Point2(x: x + 4 * u, y: y - 2 * u))
            }
        }
        context.setLineWidth(1.2 * u)
        context.setColor(theme.mutedText)
        context.stroke()
        let font = layout.style.panelFont
        context.font(size: font)
        let words = "axis broken"
        let width = context.textWidth(words)
        // Centred in the band, right of the steep first step (which crosses near the left).
        let x = r.x + r.width * 0.6
        if x - width / 2 > r.x + r.width * 0.15, x + width / 2 < r.maxX - 6 * u {
            context.text(words, x: x, baseline: (band.top + band.bottom) / 2 + font * 0.729 / 2, align: .center)
        }
    }

    /// A positive gain with two significant digits: "0.018", "1.9e−6".
    static func gainText(_ gain: Double) -> String {
        guard gain.isFinite else { return "\(gain)" }
        let g = max(gain, 0)
        if g == 0 { return "0" }
        if g >= 1e-3 {
            let decimals = max(0, min(6, 1 - Int(floor(log10(g)))))
            return Ticks.formatted(g, decimals: decimals)
        }
        let exponent = Int(floor(log10(g)))
        let mantissa = g / pow(10, Double(exponent))
        return String(format: "%.1f", mantissa) + "e" + (exponent < 0 ? "−" : "") + "\(abs(exponent))"
    }

    /// Adds a polyline through the finite points, broken at non-finite ones.
    func polyline(_ points: [(Double, Double)], through pixel: (Double, Double) -> Point2) {
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
}
