extension FrameLayout {
    /// The side column's plan: how wide it is, and where the inset, the weights legend and the
    /// key go inside it.
    ///
    /// The column is as wide as its longest key row on one line, up to
    /// ``FrameLayout/columnShare`` of a landscape frame, and never narrower than the width at
    /// which every key row fits in two lines: rows wrap rather than being cut. When its pieces
    /// stacked are taller than the column, a column wide enough for two sets them side by side
    /// (the inset beside the legend, the key below both); a narrow one shrinks the inset to its
    /// least height.
    struct Column {
        var panel: PixelRect
        var inset: PixelRect?
        var legend: PixelRect?
        var key: PixelRect?
        var pins: PixelRect?
        var keyLines: [Int]

        /// The least width of a piece's content, in panel text units: the inset's value labels
        /// and a readable curve, or a legend row's dot, bar and number.
        static let pieceWidth = 150.0
        /// The space between pieces, in panel text units.
        static let spacing = 12.0

        /// The planned width of the column.
        static func width(options: RenderOptions, scene: Scene, rows: [KeyRow], style: FrameStyle, frameWidth: Double,
                          height room: Double, widen: Bool) -> Double {
            let p = style.panelTextUnit
            let widestRow = options.showKey ? rows.map { textWidth($0.text, style: style) }.max() ?? 0 : 0
            let rowText = options.showKey ? iconWidth(style) : 0
            let natural = max(pieceWidth * p, rowText + widestRow) + 24 * p
            let twoLines = max(pieceWidth * p, rowText + widestRow / 2 + 3 * FrameStyle.meanAdvance * style.panelFont) + 24 * p
            let share = frameWidth * (frameWidth >= 1.2 * 600 * style.unit ? columnShare : 0.5)
            let planned = min(max(min(natural, share), twoLines), frameWidth * 0.5)
            // Pieces too tall to stack need the width to stand side by side.
            let probe = Column(area: PixelRect(x: 0, y: 0, width: planned, height: room), options: options, scene: scene,
                               rows: rows, style: style)
            guard widen, !probe.complete else { return planned }
            return min(max(planned, (2 * pieceWidth + 16 + 24) * p), frameWidth * 0.5)
        }

        /// The widest the column grows when an equal-scale plot leaves width over.
        static func widest(style: FrameStyle, frameWidth: Double) -> Double {
            min(420 * style.panelTextUnit, frameWidth * 0.45)
        }

        /// The room for a key row's icon and the space after it.
        static func iconWidth(_ style: FrameStyle) -> Double { 46 * style.unit }

        /// The planned width of a line of panel text.
        static func textWidth(_ text: String, style: FrameStyle) -> Double {
            Double(text.count) * FrameStyle.meanAdvance * style.panelFont
        }

        /// How many lines each key row takes in a key `width` wide: 1, or 2 when it does not fit.
        static func lines(_ rows: [KeyRow], width: Double, style: FrameStyle) -> [Int] {
            rows.map { textWidth($0.text, style: style) <= width - iconWidth(style) ? 1 : 2 }
        }

        /// Whether every piece asked for is placed, with all its rows.
        var complete: Bool

        init(area: PixelRect, options: RenderOptions, scene: Scene, rows: [KeyRow], style: FrameStyle) {
            let p = style.panelTextUnit
            let inner = PixelRect(x: area.x + 12 * p, y: area.y, width: area.width - 24 * p, height: area.height)
            let gap = Self.spacing * p
            let top = area.y + 10 * p
            let k = Double(max(scene.componentCount, 1))
            let showKey = options.showKey && !rows.isEmpty
            let legendHeight = options.showLegend ? (headingHeight + legendRow * k) * p : 0
            let pinsHeight = options.pins.isEmpty ? 0 : (headingHeight + pinRow * Double(options.pins.count)) * p
            func keyHeight(_ lines: [Int]) -> Double {
                showKey ? (headingHeight + keyRow * Double(lines.reduce(0, +))) * p : 0
            }
            func insetBlock(_ plotHeight: Double) -> Double {
                options.showInset ? (headingHeight + 30) * p + plotHeight : 0
            }
            func stack(_ heights: [Double]) -> Double {
                let shown = heights.filter { $0 > 0 }
                return shown.reduce(0, +) + gap * Double(max(shown.count - 1, 0))
            }
            let insetLeast = 40 * p
            let insetHeight = min(150 * p, max(insetLeast, area.height * 0.3))
            let room = area.maxY - 6 * p - top

            // One column, the inset as tall as it may be; else the inset and the legend side by
            // side above a key across the whole column; else one column with the inset shrunk.
            let fullLines = Self.lines(rows, width: inner.width, style: style)
            let halves = (inner.width - 16 * p) / 2
            let stacked = stack([insetBlock(insetHeight), legendHeight, pinsHeight, keyHeight(fullLines)])
            let paired = stacked > room && options.showInset && options.showLegend && halves >= Self.pieceWidth * p
                && stack([max(insetBlock(insetLeast), legendHeight), pinsHeight, keyHeight(fullLines)]) <= room
            var insetPlot = insetHeight
            if paired {
                let free = room - stack([keyHeight(fullLines), pinsHeight]) - gap - insetBlock(0)
                insetPlot = min(insetHeight, max(insetLeast, free))
            } else if stacked > room {
                insetPlot = max(insetLeast, insetHeight - (stacked - room))
            }
            let pairHeight = max(insetBlock(insetPlot), legendHeight)
            keyLines = fullLines

            var y = top
            var legendX = inner.x, legendWidth = inner.width
            if options.showInset {
                let width = paired ? halves : inner.width
                // Heading, then the plot with room on its left for the value labels and below for
                // the iteration labels.
                inset = PixelRect(x: inner.x + insetGutter * p, y: y + headingHeight * p, width: width - (insetGutter + 8) * p, height: insetPlot)
                if paired {
                    legendX = inner.x + halves + 16 * p
                    legendWidth = halves
                } else {
                    y += insetBlock(insetPlot) + gap
                }
            } else {
                inset = nil
            }
            let legendRoom = min(area.maxY - y - 6 * p, legendHeight)
            if options.showLegend, legendRoom >= (headingHeight + legendRow) * p - 0.5 {
                legend = PixelRect(x: legendX, y: y, width: legendWidth, height: legendRoom)
                y += paired ? pairHeight + gap : legendRoom + gap
            } else {
                legend = nil
            }
            if pinsHeight > 0, pinsHeight <= area.maxY - y - 6 * p {
                pins = PixelRect(x: inner.x, y: y, width: inner.width, height: pinsHeight)
                y += pinsHeight + gap
            } else {
                pins = nil
            }
            let keyRoom = min(area.maxY - y - 6 * p, keyHeight(keyLines))
            key = showKey && keyRoom >= (headingHeight + keyRow) * p
                ? PixelRect(x: inner.x, y: y, width: inner.width, height: keyRoom) : nil
            let fullKey = keyHeight(fullLines)
            let keyHolds = !showKey || (key?.height ?? 0) >= fullKey - 0.5
            let legendHolds = !options.showLegend || (legend?.height ?? 0) >= legendHeight - 0.5
            complete = keyHolds && legendHolds && (pinsHeight == 0 || pins != nil)
            // The column's background ends below its content.
            let ends = [key?.maxY, pins?.maxY, legend?.maxY, inset.map { $0.maxY + 22 * p }].compactMap { $0 }
            var panel = area
            panel.height = min(area.height, (ends.max() ?? area.maxY) + 8 * p - area.y)
            self.panel = panel
        }
    }
}
