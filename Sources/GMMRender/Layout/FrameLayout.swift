/// Where everything goes on a frame, in logical pixels: the plot area with its data → pixel map,
/// the side column holding the log-likelihood inset, the weights legend and the key (each a
/// separate rectangle, so other plot kinds can reuse the pieces), and the text baselines.
///
/// Strokes and margins are multiples of ``FrameStyle/unit``; every band that holds text is sized
/// from its font, so larger text (``RenderOptions/textScale``) takes the room it needs instead of
/// being cut. The side column is planned in `FrameLayout/Column`. Pure arithmetic on the
/// options and the scene, so it is tested without Cairo; text widths are planned with
/// ``FrameStyle/meanAdvance`` and the drawing wraps or narrows what the plan underestimated.
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
    /// The number of text lines of each key row (1 or 2), in the order of ``KeyRow/rows(options:scene:)``.
    public let keyLines: [Int]
    /// Whether the key holds every row (false only when even the smallest side-column text
    /// leaves no room).
    let keyComplete: Bool
    /// The pinned points' bars (heading included), between the legend and the key, when
    /// ``RenderOptions/pins`` names points.
    public let pins: PixelRect?
    /// The side column behind inset, legend and key, if any is shown.
    public let panel: PixelRect?
    /// Baselines of the title, header and note lines (nil when hidden).
    public let titleBaseline: Double?
    public let headerBaseline: Double?
    public let noteBaseline: Double?
    /// How many lines the note under the header may take; the drawing wraps it into them.
    public let noteLines: Int
    /// Where the header and note lines start and end.
    public let textLeft: Double
    public let textRight: Double
    /// The baseline of the horizontal axis's name and the centre of the vertical one's.
    public let xAxisLabelBaseline: Double
    public let yAxisLabelCenter: Double

    /// Height of one legend row, in panel text units.
    static let legendRow = 20.0
    /// Height of one line of a key row, in panel text units.
    static let keyRow = 20.0
    /// The distance between the note's lines, in note font sizes.
    static let noteLeading = 1.35
    /// The room left of the inset's plot for its value labels, in panel text units.
    static let insetGutter = 50.0
    /// The height of a block's heading, in panel text units.
    static let headingHeight = 24.0
    /// The longest note a frame is planned for, in characters: the E-step note with its count
    /// of changed points.
    static let longestNote = 100
    /// The largest share of a landscape frame's width the side column takes, so that a plot
    /// free to stretch (``RenderOptions/Aspect/fill``) gets most of the width.
    static let columnShare = 0.32
    /// Height of one pinned point's bar row, in panel text units.
    static let pinRow = 20.0

    /// - Throws: ``RenderError/invalidOption(_:value:fix:)`` when the size leaves no room
    ///   for the plot after the elements shown.
    public init(options: RenderOptions, scene: Scene) throws {
        let w = Double(options.width), h = Double(options.height)
        // The side column's text grows with the text scale as far as its pieces still fit.
        var style = FrameStyle(options: options)
        // The plot keeps its width before the column widens: the column's text shrinks towards
        // the default frame's until the column fits its share of the width, then it may take
        // more, and last it may widen to set its pieces side by side.
        var widen = false
        if options.textScale > 1 {
            let share = w * Self.columnShare
            search: for (allowWidening, keepShare) in [(false, true), (false, false), (true, false)] {
                for growth in [FrameStyle.panelGrowthLimit, 0.3, 0.15, 0] {
                    style = FrameStyle(width: w, height: h, textScale: options.textScale, panelGrowth: growth)
                    widen = allowWidening
                    if let fitted = try? FrameLayout(options: options, scene: scene, style: style, widen: widen),
                       fitted.fitsEveryPiece, !keepShare || (fitted.panel?.width ?? 0) <= share + 0.5 { break search }
                }
            }
        } else {
            widen = true
        }
        try self.init(options: options, scene: scene, style: style, widen: widen)
    }

    /// Whether the side column holds every piece it was asked for, with every key row.
    var fitsEveryPiece: Bool { keyComplete }

    private init(options: RenderOptions, scene: Scene, style: FrameStyle, widen: Bool) throws {
        let w = Double(options.width), h = Double(options.height)
        let u = style.unit
        // The outer margin never goes below 14 pixels, so small frames keep a clean edge.
        let pad = 14 * max(u, 1)
        let window = Self.window(options: options, scene: scene)
        let rows = KeyRow.rows(options: options, scene: scene)
        let hasPanel = options.showInset || options.showLegend || (options.showKey && !rows.isEmpty)
        // The last horizontal tick label is centred on the plot's edge: half of it must clear the column.
        let gap = max(20 * u, 0.75 * style.tickFont)

        // Left: the vertical axis's name, its tick labels (as wide as the widest label the
        // window's ticks can have) and the ticks.
        let yLabels = Self.tickLabelWidth(lo: window.ymin, hi: window.ymax, length: h * 0.6, style: style, vertical: true)
        let axisNameBand = 1.35 * style.axisLabelFont
        let left = pad + (options.showAxes ? axisNameBand + yLabels + 14 * u : 0)
        let bottom = pad + (options.showAxes ? Self.tickLabelGap(style) + 1.35 * style.tickFont + 1.1 * style.axisLabelFont : 0)
        // Above: title, header and the note, which wraps into as many lines as the longest
        // note needs at this width. The note's band is reserved whenever the header is shown,
        // so the plot never moves between frames that have a note and frames that have none.
        let textRight = w - pad
        let noteCapacity = (textRight - left) / (FrameStyle.meanAdvance * style.noteFont)
        let noteLines = options.showHeader ? min(3, max(1, Int((Double(Self.longestNote) / max(noteCapacity, 1)).rounded(.up)))) : 0
        let titleHeight = options.title.isEmpty ? 0.0 : 1.45 * style.titleFont
        let headerHeight = options.showHeader ? 1.5 * style.headerFont : 0
        let noteHeight = Double(noteLines) * Self.noteLeading * style.noteFont
        let above = titleHeight + headerHeight + noteHeight
        let top = pad + above + (above > 0 ? 6 * u : 0)
        let column = hasPanel ? Column.width(options: options, scene: scene, rows: rows, style: style, frameWidth: w, height: h - top - pad, widen: widen) : 0

        let free = PixelRect(x: left, y: top, width: w - left - pad - (hasPanel ? column + gap : 0), height: h - top - bottom)
        guard free.width >= 16, free.height >= 16 else {
            throw RenderError.invalidOption(.size, value: "\(options.width)x\(options.height)",
                                            fix: "too small for the elements shown; enlarge the frame, lower the text scale, or hide the header, axes, inset, legend and key")
        }
        let dataAspect = (window.xmax - window.xmin) / (window.ymax - window.ymin)
        let equal: Bool
        switch options.aspect {
        case .equal: equal = true
        case .fill: equal = false
        case .auto: equal = max(dataAspect, 1 / dataAspect) <= RenderOptions.equalAspectFactor
        }
        var plot = free
        // A comparison or a grid of starts keeps the whole room: each panel widens its own window.
        let comparing: Bool
        switch scene.view {
        case .comparison, .starts: comparing = true
        case .plane, .line, .matrix: comparing = false
        }
        if equal, !comparing, options.view.usesEqualAspect, dataAspect.isFinite, dataAspect > 0 {
            if plot.width / plot.height > dataAspect {
                plot.width = plot.height * dataAspect
            } else {
                let newHeight = plot.width / dataAspect
                plot.y += (plot.height - newHeight) / 2
                plot.height = newHeight
            }
        }
        // An equal-scale plot narrower than its room leaves width over: the column takes what
        // it can use, and what is left is shared on both sides so plot and column stay together.
        var columnWidth = hasPanel ? column : nil
        if plot.width < free.width {
            let spare = free.width - plot.width
            let grown = hasPanel ? min(column + spare, max(Column.widest(style: style, frameWidth: w), column)) : 0
            plot.x += (spare - (grown - column)) / 2
            if hasPanel { columnWidth = grown }
        }
        self.init(w: w, h: h, style: style, plot: plot, window: window, equal: equal, options: options, scene: scene,
                  rows: rows, column: columnWidth, gap: gap, pad: pad, top: top, textLeft: left,
                  textRight: textRight, noteLines: noteLines, heights: (titleHeight, headerHeight))
    }

    private init(w: Double, h: Double, style: FrameStyle, plot: PixelRect, window: DataWindow, equal: Bool,
                 options: RenderOptions, scene: Scene, rows: [KeyRow], column: Double?, gap: Double, pad: Double,
                 top: Double, textLeft: Double, textRight: Double, noteLines: Int, heights: (title: Double, header: Double)) {
        width = w
        height = h
        self.style = style
        self.plot = plot
        equalScale = equal
        transform = ViewTransform(window: window, plot: plot)
        self.textLeft = min(textLeft, plot.x)
        self.textRight = textRight
        self.noteLines = noteLines
        titleBaseline = heights.title > 0 ? pad + 1.06 * style.titleFont : nil
        headerBaseline = heights.header > 0 ? pad + heights.title + 1.15 * style.headerFont : nil
        noteBaseline = noteLines > 0 ? pad + heights.title + heights.header + 1.15 * style.noteFont : nil
        xAxisLabelBaseline = plot.maxY + Self.tickLabelGap(style) + 1.35 * style.tickFont + 0.9 * style.axisLabelFont
        yAxisLabelCenter = plot.x - 14 * style.unit - Self.tickLabelWidth(lo: window.ymin, hi: window.ymax, length: plot.height, style: style, vertical: true) - 0.55 * style.axisLabelFont
        guard let column else {
            panel = nil
            inset = nil
            legend = nil
            key = nil
            pins = nil
            keyLines = []
            keyComplete = true
            return
        }
        // The column may run down into the band of the x axis's labels, which it does not share.
        let area = PixelRect(x: plot.maxX + gap, y: top, width: column, height: h - top - pad)
        let planned = Column(area: area, options: options, scene: scene, rows: rows, style: style)
        panel = planned.panel
        inset = planned.inset
        legend = planned.legend
        key = planned.key
        keyLines = planned.keyLines
        keyComplete = planned.complete
        pins = planned.pins
    }

    /// The space between the plot's lower edge and the top of the horizontal tick labels,
    /// which clears the lowest vertical label centred on the corner (as the axes draw it).
    static func tickLabelGap(_ style: FrameStyle) -> Double {
        max(8 * style.unit, FrameStyle.capHeight * style.tickFont / 2 + 4 * style.unit)
    }

    /// The width the tick labels of `lo…hi` can take, for an axis `length` pixels long.
    static func tickLabelWidth(lo: Double, hi: Double, length: Double, style: FrameStyle, vertical: Bool) -> Double {
        let target = tickTarget(length: length, style: style, vertical: vertical, lo: lo, hi: hi)
        return widestTickLabel(lo: lo, hi: hi, target: target) * style.tickFont
    }

    /// The widest label of the ticks of `lo…hi` at `target`, in font sizes: digits are 0.636 em
    /// and the minus sign 0.838 em in DejaVu Sans.
    static func widestTickLabel(lo: Double, hi: Double, target: Int) -> Double {
        let step = Ticks.step(from: lo, to: hi, target: target)
        let labels = Ticks.values(from: lo, to: hi, target: target).map { Ticks.label($0, step: step) }
        return labels.map { label in
            label.reduce(0.0) { $0 + ($1 == "−" ? 0.84 : $1 == "." ? 0.32 : 0.64) }
        }.max() ?? 1.3
    }

    /// About how many ticks an axis `length` pixels long carries: one per 90 units across and
    /// 55 up, and never closer than the labels need — across, the widest label and a gap of
    /// 1.2 font sizes; up, 2.2 font sizes — so larger text gets fewer ticks rather than labels
    /// that touch.
    static func tickTarget(length: Double, style: FrameStyle, vertical: Bool, lo: Double = 0, hi: Double = 0) -> Int {
        if vertical { return max(2, Int(length / max(55 * style.unit, 2.2 * style.tickFont))) }
        var target = max(2, Int(length / (90 * style.unit)))
        // Ticks are about length / target apart: fewer until the widest label fits between them.
        while target > 2, length / Double(target) < (widestTickLabel(lo: lo, hi: hi, target: target) + 1.2) * style.tickFont {
            target -= 1
        }
        return target
    }
}
