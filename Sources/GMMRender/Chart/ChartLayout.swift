import Foundation

/// Where everything of a ``CriterionChart`` goes, in logical pixels: the plot area and its
/// data → pixel map (K horizontally, the criterion vertically, lower values lower), the ticks,
/// the legend panel (on the right of a chart of its own, under the plot of one drawn inside a
/// larger picture) and the title's baseline. Pure arithmetic, tested without Cairo.
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
    /// The factor on every font size, stroke, marker and text offset of the drawing: 1 for a
    /// chart of its own (whose sizes read as pixels), larger for one on a slide-sized picture.
    public let scale: Double
    /// The chart's whole room: the canvas for a chart of its own, the area given to one inside
    /// a larger picture. Text that would leave it is moved or narrowed to stay inside.
    public let bounds: PixelRect
    /// Whether the legend ends with the overall choice ("lowest BIC, K = 3, tied"): a chart of
    /// its own says it there; one inside a larger picture leaves it to the picture.
    public let legendNamesChoice: Bool

    static let pad = 14.0

    /// The height of the legend of `series` lines at scale 1: its heading, a row per line and
    /// the overall choice.
    static func legendHeight(series: Int, namingChoice: Bool = true) -> Double { 36 + 22 * Double(series) + (namingChoice ? 58 : 6) }

    public init(options: ChartOptions, chart: CriterionChart) {
        let w = Double(options.width), h = Double(options.height), pad = Self.pad
        let legendWidth = min(190, (w * 0.26).rounded())
        let top = pad + 26 + 10
        let left = pad + 78
        let bottom = pad + 40
        self.init(width: w, height: h, chart: chart, scale: 1, bounds: PixelRect(x: 0, y: 0, width: w, height: h), legendNamesChoice: true,
                  componentTickSpacing: 45, titleBaseline: pad + 18,
                  plot: PixelRect(x: left, y: top, width: w - left - pad - legendWidth - 18, height: h - top - bottom),
                  legend: PixelRect(x: w - pad - legendWidth, y: top, width: legendWidth,
                                    height: min(h - top - bottom, Self.legendHeight(series: chart.series.count))))
    }

    /// The chart inside `area` of a larger picture of `width` × `height`, every size times
    /// `scale`: no title, the plot over the area's width (less the room of the vertical axis's
    /// name and tick labels) and the legend under it, as wide as the area, without the choice
    /// — for several lines only: one line needs no key (its legend is empty).
    init(area: PixelRect, in width: Double, _ height: Double, chart: CriterionChart, scale s: Double) {
        let legendHeight = chart.series.count > 1 ? Self.legendHeight(series: chart.series.count, namingChoice: false) * s : 0
        let left = 78 * s, below = 44 * s, gap = legendHeight > 0 ? 12 * s : 0
        let plot = PixelRect(x: area.x + left, y: area.y + 8 * s, width: max(1, area.width - left - 6 * s),
                             height: max(1, area.height - 8 * s - below - gap - legendHeight))
        // A tick per K wherever the widest K label, and a gap of half a digit, fit between ticks.
        let digits = Double(String(chart.componentRange.upperBound).count)
        self.init(width: width, height: height, chart: chart, scale: s, bounds: area, legendNamesChoice: false,
                  componentTickSpacing: (0.64 * digits + 0.55) * 11 * s, titleBaseline: area.y,
                  plot: plot, legend: PixelRect(x: area.x, y: plot.maxY + below + gap, width: area.width, height: legendHeight))
    }

    private init(width w: Double, height h: Double, chart: CriterionChart, scale: Double, bounds: PixelRect, legendNamesChoice: Bool,
                 componentTickSpacing: Double, titleBaseline: Double, plot: PixelRect, legend: PixelRect) {
        width = w
        height = h
        self.scale = scale
        self.bounds = bounds
        self.legendNamesChoice = legendNamesChoice
        self.titleBaseline = titleBaseline
        self.plot = plot
        self.legend = legend

        let ks = chart.componentRange
        let kStep = max(1, Int(Ticks.step(from: Double(ks.lowerBound), to: Double(ks.upperBound), target: max(2, Int(plot.width / componentTickSpacing)))))
        componentTicks = Array(stride(from: ks.lowerBound, through: ks.upperBound, by: kStep))

        var (lo, hi) = chart.valueRange
        if !(hi - lo > 1e-9 * max(1, abs(hi))) {
            lo -= max(1, abs(lo) * 0.05)
            hi += max(1, abs(hi) * 0.05)
        }
        let margin = (hi - lo) * 0.08
        let target = max(2, Int(plot.height / (50 * scale)))
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
