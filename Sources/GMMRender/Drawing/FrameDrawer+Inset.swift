import Foundation

extension FrameDrawer {
    /// The y range of the log-likelihood inset and whether the initial value lies below it.
    ///
    /// EM's first iteration usually gains far more than all the others together (the demo:
    /// +5.6 then +0.4 over the remaining 17), so an axis spanning every value would crush the
    /// later increases into a few pixels. The axis therefore starts just below the value after
    /// the first iteration — 8 % of the span lower, so that point is off the bottom edge — and
    /// ends at the largest value; the initial value, if lower, is an off-scale marker on the
    /// bottom edge with its value printed. Both ends come from the whole history, so the axis
    /// never moves during an animation. Increases too small even for this scale (the last
    /// iterations of a converging fit) are printed as the step's gain in the heading.
    static func insetRange(_ values: [Double]) -> (lo: Double, hi: Double, initialBelow: Bool) {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        var initialBelow = false
        if values.count >= 3, values[0].isFinite, values[1].isFinite {
            let after = values.dropFirst().filter(\.isFinite)
            if let low = after.min(), let high = after.max(), high > low, values[0] < low {
                lo = low - 0.08 * (high - low)
                hi = high
                initialBelow = true
            }
        }
        if !(hi - lo > 1e-12 * max(1, abs(hi))) || !(hi - lo).isFinite {
            lo -= 0.5
            hi += 0.5
        }
        return (lo, hi, initialBelow)
    }

    /// Mean log-likelihood against iteration, drawn only up to the iteration shown (the axes
    /// are fixed from the whole history, so they never move). Every iteration so far is a dot
    /// on the curve; the current one is larger. See ``insetRange(_:)`` for the scale.
    func drawInset(_ r: PixelRect) {
        let values = scene.logLikelihoods
        let shown = min(max(Int(scene.progress.rounded(.down)), 0), max(values.count - 1, 0))
        // The heading, with the gain of the step shown when there is one.
        heading("mean log-likelihood", x: r.x - 50 * u, y: r.y - 24 * u)
        if shown >= 1, shown < values.count, values[shown].isFinite, values[shown - 1].isFinite {
            let gain = values[shown] - values[shown - 1]
            // Shown only where it clears the heading (a narrow side column has no room for both).
            context.font(size: layout.style.panelHeadingFont, bold: true)
            let headingEnd = r.x - 50 * u + context.textWidth("mean log-likelihood")
            context.font(size: layout.style.panelFont)
            let label = "+" + Self.gainText(gain)
            if r.maxX - context.textWidth(label) > headingEnd + 8 * u {
                context.setColor(theme.mutedText)
                context.text(label, x: r.maxX, baseline: r.y - 24 * u + layout.style.panelHeadingFont * 0.76, align: .right)
            }
        }

        let range = Self.insetRange(values)
        let lo = range.lo, hi = range.hi
        let xMax = Double(max(scene.iterationCount, values.count - 1, 1))
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

        // Labels outside the plotting area only, so they can never touch the curve: the two
        // ends of the value axis on the left, the iteration axis below.
        let font = layout.style.panelFont
        let digit = font * 0.729
        context.font(size: font)
        context.setColor(theme.mutedText)
        let decimals = max(2, min(8, 1 - Int(floor(log10(hi - lo)))))
        context.text(Ticks.formatted(hi, decimals: decimals), x: r.x - 5 * u, baseline: r.y + digit, align: .right)
        let bottomValue = range.initialBelow && values.count > 1 ? values[1] : lo
        let bottomY = range.initialBelow ? pixel(1, bottomValue).y : r.maxY
        context.text(Ticks.formatted(bottomValue, decimals: decimals), x: r.x - 5 * u,
                     baseline: min(r.maxY, max(bottomY + digit / 2, r.y + 2 * digit + 3 * u)), align: .right)
        let below = r.maxY + 6 * u + digit
        context.text("0", x: r.x, baseline: below, align: .center)
        context.text("\(Int(xMax))", x: r.maxX, baseline: below, align: .center)
        context.text("iteration", x: r.x + r.width / 2, baseline: below, align: .center)
        if range.initialBelow {
            // The off-scale initial value: a downward triangle on the bottom edge at iteration
            // 0, its value under the value axis.
            let p = Point2(x: r.x, y: r.maxY)
            context.newPath()
            context.move(to: Point2(x: p.x - 4 * u, y: p.y - 7 * u))
            context.line(to: Point2(x: p.x + 4 * u, y: p.y - 7 * u))
            context.line(to: p)
            context.closePath()
            context.setColor(theme.text)
            context.fill()
            context.setColor(theme.mutedText)
            context.text("↓" + Ticks.formatted(values[0], decimals: 2), x: r.x - 9 * u, baseline: below, align: .right)
        }

        context.save()
        context.clip(to: PixelRect(x: r.x - 6 * u, y: r.y - 6 * u, width: r.width + 12 * u, height: r.height + 6 * u))
        context.setRoundCaps()
        let sofar = values.indices.prefix(shown + 1).map { (Double($0), values[$0]) }
        polyline(sofar, through: pixel)
        context.setLineWidth(1.8 * u)
        context.setColor(theme.text)
        context.stroke()
        for (i, v) in sofar where v.isFinite && !(range.initialBelow && i == 0) {
            context.newPath()
            context.circle(pixel(i, v), radius: (Int(i) == shown ? 3.8 : 2) * u)
            context.setColor(theme.text)
            context.fill()
        }
        context.restore()
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
