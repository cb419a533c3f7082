/// Where everything goes on a frame, in logical pixels: the plot area with its data → pixel map,
/// the side column holding the log-likelihood inset, the weights legend and the key (each a
/// separate rectangle, so other plot kinds can reuse the pieces), and the text baselines.
///
/// Every size is a multiple of ``FrameStyle/unit``. Pure arithmetic on the options and the
/// scene, so it is tested without Cairo.
public struct FrameLayout: Sendable, Equatable {
    /// Logical canvas size.
    public let width: Double
    public let height: Double
    /// The sizes of text and strokes.
    public let style: FrameStyle
    /// The plot area; the data window fills it exactly.
    public let plot: PixelRect
    public let transform: ViewTransform
    /// Whether the plot is drawn at equal scale on both axes.
    public let equalScale: Bool
    /// The log-likelihood inset's plotting area, if shown; its heading sits above it.
    public let inset: PixelRect?
    /// The weights legend's area (heading included), if shown.
    public let legend: PixelRect?
    /// The key's area (heading included), if shown.
    public let key: PixelRect?
    /// The pinned points' bars (heading included), between the legend and the key, when
    /// ``RenderOptions/pins`` names points and the column has room.
    public private(set) var pins: PixelRect? = nil
    /// The side column behind inset, legend and key, if any is shown.
    public let panel: PixelRect?
    /// Baselines of the title, header and note lines (nil when hidden).
    public let titleBaseline: Double?
    public let headerBaseline: Double?
    public let noteBaseline: Double?

    /// Height of one legend row, in units.
    static let legendRow = 20.0
    /// Height of one key row, in units.
    static let keyRow = 20.0
    /// Height of one pinned point's bar row, in units.
    static let pinRow = 20.0

    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` when the size leaves no room
    ///   for the plot after the elements shown.
    public init(options: RenderOptions, scene: Scene) throws {
        let w = Double(options.width), h = Double(options.height)
        let style = FrameStyle(options: options)
        let u = style.unit
        // The outer margin never goes below 14 pixels, so small frames keep a clean edge.
        let pad = 14 * max(u, 1)
        let titleHeight = options.title.isEmpty ? 0.0 : 28 * u
        let headerHeight = options.showHeader ? 22 * u : 0
        // The note line is reserved whenever the header is shown, so the plot never moves
        // between frames that have a note and frames that have none.
        let noteHeight = options.showHeader ? 20 * u : 0
        let above = titleHeight + headerHeight + noteHeight
        let top = pad + above + (above > 0 ? 6 * u : 0)
        let left = pad + (options.showAxes ? 62 * u : 0)
        let bottom = pad + (options.showAxes ? 44 * u : 0)
        let hasPanel = options.showInset || options.showLegend || options.showKey
        let gap = 20 * u
        let minPanel = hasPanel ? 236 * u : 0
        let maxPanel = hasPanel ? 420 * u : 0
        let free = PixelRect(x: left, y: top, width: w - left - pad - (hasPanel ? minPanel + gap : 0), height: h - top - bottom)
        guard free.width >= 16, free.height >= 16 else {
            throw RenderError.invalidOption(.size, value: "\(options.width)x\(options.height)",
                                            fix: "too small for the elements shown; enlarge the frame or hide the header, axes, inset, legend and key")
        }
        let window = Self.window(options: options, scene: scene)
        let dataAspect = (window.xmax - window.xmin) / (window.ymax - window.ymin)
        let equal: Bool
        switch options.aspect {
        case .equal: equal = true
        case .fill: equal = false
        case .auto: equal = max(dataAspect, 1 / dataAspect) <= RenderOptions.equalAspectFactor
        }
        var plot = free
        if equal, options.view.usesEqualAspect, dataAspect.isFinite, dataAspect > 0 {
            if plot.width / plot.height > dataAspect {
                plot.width = plot.height * dataAspect
            } else {
                let newHeight = plot.width / dataAspect
                plot.y += (plot.height - newHeight) / 2
                plot.height = newHeight
            }
        }
        // The side column takes the width the plot leaves, up to a cap; what is left beyond the
        // cap is shared on both sides so plot and column stay together.
        var panelWidth = hasPanel ? w - pad - (plot.maxX + gap) : 0
        if panelWidth > maxPanel {
            let slack = panelWidth - maxPanel
            panelWidth = maxPanel
            if !hasPanel || equal { plot.x += slack / 2 } else { plot.width += slack }
        }
        if !hasPanel, equal {
            plot.x = left + (free.width - plot.width) / 2
        }
        width = w
        height = h
        self.style = style
        self.plot = plot
        equalScale = equal
        transform = ViewTransform(window: window, plot: plot)
        titleBaseline = titleHeight > 0 ? pad + 19 * u : nil
        headerBaseline = headerHeight > 0 ? pad + titleHeight + 16 * u : nil
        noteBaseline = noteHeight > 0 ? pad + titleHeight + headerHeight + 15 * u : nil

        guard hasPanel else {
            panel = nil
            inset = nil
            legend = nil
            key = nil
            return
        }
        // The column may run down into the band of the x axis's labels, which it does not share.
        var panel = PixelRect(x: plot.maxX + gap, y: top, width: panelWidth, height: h - top - pad)
        let inner = PixelRect(x: panel.x + 12 * u, y: panel.y, width: panel.width - 24 * u, height: panel.height)
        var y = panel.y + 10 * u
        if options.showInset {
            // Heading, then the plot with room on its left for the value labels and below for
            // the iteration labels.
            let insetHeight = min(150 * u, max(40 * u, panel.height * 0.3))
            inset = PixelRect(x: inner.x + 50 * u, y: y + 24 * u, width: inner.width - 50 * u - 8 * u, height: insetHeight)
            y += 24 * u + insetHeight + 30 * u
        } else {
            inset = nil
        }
        let k = Double(max(scene.componentCount, 1))
        let legendHeight = min(panel.maxY - y - 6 * u, (24 + Self.legendRow * k) * u)
        if options.showLegend, legendHeight > 24 * u + Self.legendRow * u {
            legend = PixelRect(x: inner.x, y: y, width: inner.width, height: legendHeight)
            y += legendHeight + 12 * u
        } else {
            legend = nil
        }
        let pinsHeight = (24 + Self.pinRow * Double(options.pins.count)) * u
        if !options.pins.isEmpty, pinsHeight <= panel.maxY - y - 6 * u {
            pins = PixelRect(x: inner.x, y: y, width: inner.width, height: pinsHeight)
            y += pinsHeight + 12 * u
        }
        let rows = Double(KeyRow.rows(options: options, scene: scene).count)
        let keyHeight = min(panel.maxY - y - 6 * u, (24 + Self.keyRow * rows) * u)
        key = options.showKey && rows > 0 && keyHeight >= (24 + Self.keyRow) * u
            ? PixelRect(x: inner.x, y: y, width: inner.width, height: keyHeight) : nil
        // The column's background ends below its content.
        let contentBottom = key?.maxY ?? pins?.maxY ?? legend?.maxY ?? inset.map { $0.maxY + 22 * u } ?? panel.maxY
        panel.height = min(panel.height, contentBottom + 8 * u - panel.y)
        self.panel = panel
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
