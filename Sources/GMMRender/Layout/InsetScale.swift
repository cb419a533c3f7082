import Foundation

/// The value axis of the log-likelihood inset: which mean log-likelihood goes to which pixel
/// row, the ticks to label, and whether the axis is broken below the main part.
///
/// EM's first iteration often gains far more than all the others together (the demo: +5.6,
/// then +0.4 over the remaining 17), so one linear axis over every value would crush the later
/// increases into a few pixels. When the initial value lies so far below the rest that the rest
/// would get less than half of the height, the axis is **broken**: the main part, above, spans
/// iterations 1… at a linear scale; a short strip at the bottom holds the initial value at the
/// same scale (pixels per unit of log-likelihood), centred in it; between them a band marks the
/// values skipped, with the usual slanted strokes on the axis. The mapping stays monotone over
/// every value (a value in the skipped range goes to the band, proportionally), so a curve of
/// EM's non-decreasing log-likelihoods never goes down on the chart.
///
/// Otherwise the axis is linear over every value. Either way the main part spans at least
/// ``minimumSpan`` and its ends are snapped out to nice tick multiples (1, 2 or 5 × 10ᵏ), with
/// as many ticks as fit the height at a readable spacing: at least three where the part is
/// taller than three label spacings.
///
/// The scale comes from the whole history, so the axes never move during an animation.
struct InsetScale: Equatable {
    /// The smallest value range of the main part, in nats per point: 50 times the default
    /// convergence tolerance on the mean log-likelihood (1e-3, scikit-learn's). A step the fit
    /// would call converged then moves the curve by at most 2 % of the height, and a whole run
    /// gaining 1e-4 by 0.2 % — a flat run looks flat — while a gain of 0.01, ten times the
    /// tolerance and still a real improvement, takes a fifth of the height.
    static let minimumSpan = 0.05

    /// The value at the bottom of the main part, a multiple of ``step``.
    let lo: Double
    /// The value at the top of the plotting area, a multiple of ``step``.
    let hi: Double
    /// The spacing of the main part's ticks.
    let step: Double
    /// The main part's tick values, ascending, from `lo` to `hi`.
    let ticks: [Double]
    /// The plotting area the scale maps onto.
    let plot: PixelRect
    /// Pixel row of `lo` (the plot's bottom edge when the axis is not broken).
    let mainBottom: Double
    /// The initial value, drawn below a break, or `nil` when the axis is linear throughout.
    let brokenInitial: Double?
    /// Pixel row of the top of the bottom strip (equal to `mainBottom` when not broken).
    let stripTop: Double

    /// The band between the bottom strip and the main part, top to bottom, when broken.
    var breakBand: (top: Double, bottom: Double)? {
        brokenInitial == nil ? nil : (mainBottom, stripTop)
    }

    /// Pixels per unit of log-likelihood, the same in the main part and the bottom strip.
    var pixelsPerUnit: Double { (mainBottom - plot.y) / (hi - lo) }

    /// The scale for `values` (the mean log-likelihood before the first iteration, then after
    /// each; non-finite entries are ignored) drawn in `plot` with `style`'s inset labels.
    init(values: [Double], plot: PixelRect, style: FrameStyle) {
        self.init(values: values, plot: plot, labelHeight: Self.labelHeight(style), unit: style.unit)
    }

    /// The height of the inset's value labels: DejaVu Sans's digits are 0.729 em tall.
    static func labelHeight(_ style: FrameStyle) -> Double { style.panelFont * 0.729 }

    /// The scale for `values` drawn in `plot`, with labels `labelHeight` pixels tall (digit
    /// height) and `unit` pixels per layout unit.
    init(values: [Double], plot: PixelRect, labelHeight: Double, unit: Double) {
        self.plot = plot
        let finite = values.filter(\.isFinite)
        let top = finite.max() ?? 0
        let rest = values.dropFirst().filter(\.isFinite)
        // The break is worth it only when the initial value is far below the rest, and the
        // strip, band and a readable main part all fit the height.
        let strip = max(2.4 * labelHeight, 0.2 * plot.height)
        let band = labelHeight + 6 * unit
        var initial: Double?
        if let first = values.first, first.isFinite, let restLow = rest.min(),
           plot.height - strip - band >= 3 * labelHeight {
            let restWindow = max(top - restLow, Self.minimumSpan) * 1.1
            if top - first > 2 * restWindow { initial = first }
        }
        let mainHeight = initial == nil ? plot.height : plot.height - strip - band
        let low = initial == nil ? (finite.min() ?? 0) : (rest.min() ?? 0)
        let axis = Self.niceAxis(low: low, high: top, height: mainHeight, labelHeight: labelHeight)
        lo = axis.lo
        hi = axis.hi
        step = axis.step
        ticks = axis.ticks
        mainBottom = plot.y + mainHeight
        stripTop = initial == nil ? mainBottom : plot.maxY - strip
        brokenInitial = initial
    }

    /// Pixel row of `value`: monotone (a larger value is never lower), inside the plot.
    func y(_ value: Double) -> Double {
        let k = pixelsPerUnit
        var y: Double
        if value >= lo || brokenInitial == nil {
            y = mainBottom - (value - lo) * k
        } else if let initial = brokenInitial {
            // The strip's own linear piece, centred on the initial value, at the same scale.
            let centre = (stripTop + plot.maxY) / 2
            let stripHigh = initial + (centre - stripTop) / k
            if value <= stripHigh {
                y = centre - (value - initial) * k
            } else {
                // The skipped range, squeezed into the band.
                let t = (value - stripHigh) / (lo - stripHigh)
                y = stripTop + t * (mainBottom - stripTop)
            }
        } else {
            y = mainBottom
        }
        if !y.isFinite { y = value > lo ? plot.y : plot.maxY }
        return min(max(y, plot.y), plot.maxY)
    }

    /// Nice ends and ticks for values from `low` to `high` over `height` pixels: the range
    /// widened to ``minimumSpan`` about its centre and by a 5 % margin, then snapped out to multiples of a 1-2-5
    /// step chosen so that ticks sit at least two label heights apart, three or more where
    /// that fits and seven at most (more would be a column of digits, not an axis).
    static func niceAxis(low: Double, high: Double, height: Double,
                         labelHeight: Double) -> (lo: Double, hi: Double, step: Double, ticks: [Double]) {
        var a = low, b = max(high, low)
        if !(b - a >= minimumSpan) {
            let mid = (a + b) / 2
            a = mid - minimumSpan / 2
            b = mid + minimumSpan / 2
        }
        // A margin of 5 % at each end, so that no point sits on the frame's edge (where a dot
        // would be cut in half) even when a value is itself a tick multiple.
        let margin = 0.05 * (b - a)
        a -= margin
        b += margin
        let most = max(2, min(7, Int(height / (2 * max(labelHeight, 1))) + 1))
        var best: (lo: Double, hi: Double, step: Double, count: Int)?
        for target in stride(from: max(most - 1, 1), through: 1, by: -1) {
            let step = Ticks.step(from: a, to: b, target: target)
            guard step > 0, step.isFinite else { continue }
            let first = (a / step).rounded(.down), last = (b / step).rounded(.up)
            let count = Int(last - first) + 1
            let candidate = (lo: first * step, hi: last * step, step: step, count: count)
            if count <= most {
                if count >= min(3, most) { best = candidate; break }
                if best == nil { best = candidate }
            }
        }
        guard let axis = best, axis.hi > axis.lo else {
            // Values too large for a finite span: a unit axis with no ticks, every point clamped.
            return a.isFinite && b.isFinite && b > a ? (a, b, b - a, [a, b]) : (-1, 0, 1, [])
        }
        let first = (axis.lo / axis.step).rounded()
        let ticks = (0 ..< axis.count).map { (first + Double($0)) * axis.step }
            .map { abs($0) < axis.step * 1e-9 ? 0 : $0 }
        return (axis.lo, axis.hi, axis.step, ticks)
    }
}
