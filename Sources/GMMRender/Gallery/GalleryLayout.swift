/// Where everything of a ``ModelGallery`` goes, in logical pixels: the title, summary and
/// caption lines, the grid of panels (one per K, each under room for its two-line heading) and,
/// on the right, the criterion chart with its heading and legend.
///
/// Sizes follow ``FrameStyle`` as a frame's do (strokes with the unit, text with the text
/// scale), so the slide presets make a gallery readable from the back of a hall. The number of
/// columns is the one that draws the data largest (``columns(count:in:gap:aspect:room:)``).
/// Pure arithmetic on the options and the gallery, tested without Cairo.
public struct GalleryLayout: Sendable, Equatable {
    /// Logical canvas size.
    public let width: Double
    public let height: Double
    /// The sizes of text and strokes.
    public let style: FrameStyle
    /// Baselines of the title, the summary and the caption.
    public let titleBaseline: Double
    public let summaryBaseline: Double
    public let captionBaseline: Double
    /// How many lines the caption takes: 2 when it would be narrowed below three quarters of
    /// the note's size on one (the drawing breaks it at a " · ").
    public let captionLines: Int
    /// Where the text lines start and end.
    public let textLeft: Double
    public let textRight: Double
    /// The room of the panels, headings included.
    public let grid: PixelRect
    /// Panels per row.
    public let columns: Int
    /// Each panel's drawing area, in panel order filled row by row, under its heading.
    public let cells: [PixelRect]
    /// How the panels' headings are set, and the room over each cell.
    public let headings: HeadingPlan
    /// The room over the chart for its two-line heading.
    public let chartHeadingRoom: Double
    /// The chart's room under its heading: plot, axes and legend.
    public let chartArea: PixelRect
    /// The chart inside ``chartArea``.
    public let chart: ChartLayout

    /// The width of a panel per unit of its height when the data does not fix it (the line
    /// view, or a plot stretched to its cell): 1.5, the shape of a frame's plot.
    public static let freeAspect = 1.5
    /// The chart column's share of the width.
    public static let chartShare = 0.3
    /// How much smaller panels may be to leave fewer cells of the grid empty: 5 %, less than
    /// the eye tells apart between two pictures, while an empty cell shows at once.
    public static let sizeTolerance = 0.05
    /// The least height of the chart above its legend, in chart units: 200, of which the axes'
    /// labels take 52, leaving a plot about as high as the column is wide on a default frame.
    public static let chartPlotRoom = 200.0

    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` when the size leaves no room for
    ///   the panels or the chart.
    public init(options: RenderOptions, gallery: ModelGallery) throws {
        let w = Double(options.width), h = Double(options.height)
        let style = FrameStyle(options: options)
        let u = style.unit
        let pad = 14 * max(u, 1)
        width = w
        height = h
        self.style = style
        titleBaseline = pad + 1.06 * style.titleFont
        summaryBaseline = pad + 1.45 * style.titleFont + 1.15 * style.headerFont
        captionBaseline = pad + 1.45 * style.titleFont + 1.5 * style.headerFont + 1.15 * style.noteFont
        let captionWidth = Double(gallery.caption.count) * FrameStyle.meanAdvance * style.noteFont
        captionLines = captionWidth * 0.75 > w - 2 * pad ? 2 : 1
        let top = (pad + 1.45 * style.titleFont + 1.5 * style.headerFont + Double(captionLines) * FrameLayout.noteLeading * style.noteFont + 10 * u).rounded()
        textLeft = pad
        textRight = w - pad
        chartHeadingRoom = 2.6 * style.noteFont
        let gap = 12 * u
        let column = (w * Self.chartShare).rounded()
        grid = PixelRect(x: pad, y: top, width: w - 2 * pad - column - 2 * gap, height: h - top - pad)
        let chartRoom = PixelRect(x: w - pad - column, y: top + chartHeadingRoom, width: column, height: h - top - pad - chartHeadingRoom)
        // The chart's sizes grow as the side column's text does, as far as its plot keeps
        // Self.chartPlotRoom units of height over its legend (a long legend on a slide).
        let legend = gallery.chart.series.count > 1 ? ChartLayout.legendHeight(series: gallery.chart.series.count, namingChoice: false) : 0
        let scale = min(style.panelTextUnit, chartRoom.height / (legend + Self.chartPlotRoom))
        let texts = gallery.headings
        let plan = { (width: Double) in HeadingPlan(headings: texts, width: width, style: style) }
        guard grid.width >= 40, grid.height >= plan(grid.width).room + 40, scale >= 0.6 * u else {
            throw RenderError.invalidOption(.size, value: "\(options.width)x\(options.height)",
                                            fix: "too small for a panel per K beside the BIC chart; enlarge the frame or lower the text scale")
        }
        chartArea = chartRoom
        chart = ChartLayout(area: chartRoom, in: w, h, chart: gallery.chart, scale: scale)
        let aspect = Self.panelAspect(options: options, gallery: gallery)
        columns = Self.columns(count: gallery.panels.count, in: grid, gap: gap, aspect: aspect) { plan($0).room }
        let cellWidth = ((grid.width - gap * Double(columns - 1)) / Double(columns)).rounded(.down)
        headings = plan(cellWidth)
        cells = FrameLayout.gridCells(count: gallery.panels.count, columns: columns, in: grid, headingRoom: headings.room, gap: gap)
    }

    /// The width per unit of height that a panel's drawing needs: the data window's, when the
    /// options keep one scale on both axes of a plane (``RenderOptions/Aspect``), and
    /// ``freeAspect`` otherwise.
    static func panelAspect(options: RenderOptions, gallery: ModelGallery) -> Double {
        guard let scene = gallery.panels.first?.scene, case .plane = scene.view else { return freeAspect }
        let window = FrameLayout.window(options: options, scene: scene)
        let aspect = (window.xmax - window.xmin) / (window.ymax - window.ymin)
        guard aspect.isFinite, aspect > 0 else { return freeAspect }
        switch options.aspect {
        case .equal: return aspect
        case .fill: return freeAspect
        case .auto: return max(aspect, 1 / aspect) <= RenderOptions.equalAspectFactor ? aspect : freeAspect
        }
    }

    /// The number of columns that draws `count` panels largest in `area`, `gap` apart: for
    /// each choice the cells of ``FrameLayout``'s grid under the heading room that `room`
    /// gives a cell of that width, and in each the height of the largest rectangle of
    /// width/height `aspect` it holds; the largest wins, ties (within ``sizeTolerance``) to
    /// the grid with fewer empty cells, then to fewer columns.
    public static func columns(count: Int, in area: PixelRect, gap: Double, aspect: Double, room: (Double) -> Double) -> Int {
        guard count > 1 else { return 1 }
        var best = (columns: 1, size: -Double.infinity, empty: Int.max)
        for c in 1 ... count {
            let rows = (count + c - 1) / c
            let width = ((area.width - gap * Double(c - 1)) / Double(c)).rounded(.down)
            guard let cell = FrameLayout.gridCells(count: count, columns: c, in: area, headingRoom: room(width), gap: gap).first else { continue }
            let size = min(cell.width / aspect, cell.height)
            let empty = rows * c - count
            if size > best.size * (1 + Self.sizeTolerance) || (size >= best.size * (1 - Self.sizeTolerance) && empty < best.empty) {
                best = (c, size, empty)
            }
        }
        return best.columns
    }
}
