/// Where everything goes on a frame, in logical pixels: the plot area with its data → pixel map,
/// the side panel holding the log-likelihood inset and the legend, and the text baselines.
///
/// Pure arithmetic on the options and the scene, so it is tested without Cairo.
public struct FrameLayout: Sendable, Equatable {
    /// Logical canvas size.
    public let width: Double
    public let height: Double
    /// The plot area; the data window fills it exactly.
    public let plot: PixelRect
    public let transform: ViewTransform
    /// The log-likelihood inset's plotting area, if shown.
    public let inset: PixelRect?
    /// The legend's area, if shown.
    public let legend: PixelRect?
    /// The side panel behind inset and legend, if either is shown.
    public let panel: PixelRect?
    /// Baselines of the title and header lines (nil when hidden).
    public let titleBaseline: Double?
    public let headerBaseline: Double?

    static let pad = 14.0

    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` when the size leaves no room
    ///   for the plot after the elements shown.
    public init(options: RenderOptions, scene: Scene) throws {
        let w = Double(options.width), h = Double(options.height)
        let pad = Self.pad
        let titleHeight = options.title.isEmpty ? 0.0 : 26
        let headerHeight = options.showHeader ? 22.0 : 0
        let top = pad + titleHeight + headerHeight + (titleHeight + headerHeight > 0 ? 6 : 0)
        let left = pad + (options.showAxes ? 54 : 0)
        let bottom = pad + (options.showAxes ? 38 : 0)
        let hasPanel = options.showInset || options.showLegend
        let panelWidth = hasPanel ? min(230, (w * 0.27).rounded()) : 0
        let right = pad + (hasPanel ? panelWidth + 18 : 0)
        var plot = PixelRect(x: left, y: top, width: w - left - right, height: h - top - bottom)
        guard plot.width >= 16, plot.height >= 16 else {
            throw RenderError.invalidOption(.size, value: "\(options.width)x\(options.height)",
                                            fix: "too small for the elements shown; enlarge the frame or hide the header, axes, inset and legend")
        }
        let window = Self.window(options: options, scene: scene)
        if options.equalAspect, options.view.usesEqualAspect {
            let dataAspect = (window.xmax - window.xmin) / (window.ymax - window.ymin)
            if plot.width / plot.height > dataAspect {
                let newWidth = plot.height * dataAspect
                plot.x += (plot.width - newWidth) / 2
                plot.width = newWidth
            } else {
                let newHeight = plot.width / dataAspect
                plot.y += (plot.height - newHeight) / 2
                plot.height = newHeight
            }
        }
        width = w
        height = h
        self.plot = plot
        transform = ViewTransform(window: window, plot: plot)
        titleBaseline = titleHeight > 0 ? pad + 18 : nil
        headerBaseline = headerHeight > 0 ? pad + titleHeight + 15 : nil

        if hasPanel {
            var panel = PixelRect(x: w - pad - panelWidth, y: top, width: panelWidth, height: h - top - bottom)
            var y = panel.y + 28 // room for the inset's title
            if options.showInset {
                let insetHeight = min(130, max(40, panel.height * 0.4))
                inset = PixelRect(x: panel.x + 44, y: y, width: panel.width - 56, height: insetHeight)
                y += insetHeight + 30
            } else {
                inset = nil
                y = panel.y + 8
            }
            // The legend is as tall as its rows (a title and 19 px per component) or the space left.
            let legendHeight = min(panel.maxY - y - 8, 22 + 19 * Double(max(scene.componentCount, 1)) + 4)
            legend = options.showLegend && legendHeight > 20
                ? PixelRect(x: panel.x + 10, y: y, width: panel.width - 20, height: legendHeight) : nil
            // The panel's background ends below its content.
            panel.height = (legend.map { $0.maxY } ?? inset.map { $0.maxY + 22 } ?? panel.maxY) + 8 - panel.y
            self.panel = panel
        } else {
            panel = nil
            inset = nil
            legend = nil
        }
    }

    /// The data window: the fixed bounds, or the points' extent plus a margin.
    static func window(options: RenderOptions, scene: Scene) -> DataWindow {
        switch options.bounds {
        case let .fixed(xmin, xmax, ymin, ymax):
            return DataWindow(xmin: xmin, xmax: xmax, ymin: ymin, ymax: ymax)
        case .auto:
            var xs = (lo: Double.infinity, hi: -Double.infinity), ys = xs
            func include(_ p: Point2) {
                guard p.isFinite else { return }
                xs = (min(xs.lo, p.x), max(xs.hi, p.x))
                ys = (min(ys.lo, p.y), max(ys.hi, p.y))
            }
            scene.points.forEach(include)
            if scene.points.isEmpty {
                // No data: frame the components at two standard deviations.
                for c in scene.components {
                    let dx = 2 * max(c.covariance.xx, 0).squareRoot(), dy = 2 * max(c.covariance.yy, 0).squareRoot()
                    include(Point2(x: c.mean.x - dx, y: c.mean.y - dy))
                    include(Point2(x: c.mean.x + dx, y: c.mean.y + dy))
                }
            }
            guard xs.lo <= xs.hi, ys.lo <= ys.hi else { return DataWindow(xmin: -10, xmax: 10, ymin: -10, ymax: 10) }
            func padded(_ r: (lo: Double, hi: Double)) -> (Double, Double) {
                let span = r.hi - r.lo
                let m = span > 0 && span.isFinite ? span * RenderOptions.autoMargin : max(1, abs(r.lo) * 0.1)
                let lo = r.lo - m, hi = r.hi + m
                return lo < hi && (hi - lo).isFinite ? (lo, hi) : (-1, 1)
            }
            let (xmin, xmax) = padded(xs), (ymin, ymax) = padded(ys)
            return DataWindow(xmin: xmin, xmax: xmax, ymin: ymin, ymax: ymax)
        }
    }
}
