import Foundation

/// Where everything of a ``CriterionChart`` goes, in logical pixels: the plot area and its
/// data → pixel map (K horizontally, the criterion vertically, lower values lower), the ticks,
/// the legend panel on the right and the title's baseline. Pure arithmetic, tested without Cairo.
public struct ChartLayout: Sendable, Equatable {
    public let width: Double
    public let height: Double
    /// The plot area; the data window fills it exactly.
    public let plot: PixelRect
    /// K ∈ [Kmin − ½, Kmax + ½] horizontally; the criterion's range widened to whole ticks
    /// vertically.
    public let transform: ViewTransform
    /// The K values that get a tick (every K, or every 2nd/5th… when there are many).
    public let componentTicks: [Int]
    /// The criterion values that get a tick, and their spacing.
    public let valueTicks: [Double]
    public let valueStep: Double
    /// The legend panel at the right.
    public let legend: PixelRect
    public let titleBaseline: Double

    static let pad = 14.0

    public init(options: ChartOptions, chart: CriterionChart) {
        let w = Double(options.width), h = Double(options.height), pad = Self.pad
        width = w
        height = h
        titleBaseline = pad + 18
        let legendWidth = min(190, (w * 0.26).rounded())
        let top = pad + 26 + 10
        let left = pad + 78
        let bottom = pad + 40
        plot = PixelRect(x: left, y: top, width: w - left - pad - legendWidth - 18, height: h - top - bottom)
        legend = PixelRect(x: w - pad - legendWidth, y: top, width: legendWidth,
                           height: min(h - top - bottom, 36 + 22 * Double(chart.series.count) + 58))

        let ks = chart.componentRange
        let kStep = max(1, Int(Ticks.step(from: Double(ks.lowerBound), to: Double(ks.upperBound), target: max(2, Int(plot.width / 45)))))
        componentTicks = Array(stride(from: ks.lowerBound, through: ks.upperBound, by: kStep))

        var (lo, hi) = chart.valueRange
        if !(hi - lo > 1e-9 * max(1, abs(hi))) {
            lo -= max(1, abs(lo) * 0.05)
            hi += max(1, abs(hi) * 0.05)
        }
        let margin = (hi - lo) * 0.08
        let target = max(2, Int(plot.height / 50))
        let step = Ticks.step(from: lo - margin, to: hi + margin, target: target)
        let ymin = ((lo - margin) / step).rounded(.down) * step
        let ymax = ((hi + margin) / step).rounded(.up) * step
        valueStep = step
        let count = min(50, Int(((ymax - ymin) / step).rounded()))
        valueTicks = (0 ... max(count, 0)).map { ymin + Double($0) * step }
        transform = ViewTransform(window: DataWindow(xmin: Double(ks.lowerBound) - 0.5, xmax: Double(ks.upperBound) + 0.5,
                                                     ymin: ymin, ymax: ymax),
                                  plot: plot)
    }

    /// The pixel of a chart point.
    public func pixel(_ point: CriterionChart.Point) -> Point2 {
        transform.pixel(Point2(x: Double(point.components), y: point.value))
    }
}
