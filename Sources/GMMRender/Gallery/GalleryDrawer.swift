/// Draws a ``ModelGallery`` on a Cairo context in logical pixels, back to front: background,
/// title, summary and caption, then every shown panel (its plane or line view, a thin frame,
/// the chosen one's thick frame once the picture is complete, its heading), the outlines of
/// the panels still to come, and the chart with its heading.
///
/// Panels are drawn with the frame's own pieces (``FrameDrawer``'s panel drawing and
/// headings), so a panel reads like a cell of a grid of starts. Points are drawn by the
/// caller's `points` step, once per panel, as ``FrameRenderer`` draws them.
struct GalleryDrawer {
    let context: CairoContext
    let gallery: ModelGallery
    let layout: GalleryLayout
    /// The panels' options: the gallery renderer's, without axes, header or side column.
    let options: RenderOptions
    /// A frame's layout over the whole canvas, whose style and data window every panel shares.
    let frame: FrameLayout

    var theme: ThemeColors { options.theme.colors }
    var u: Double { layout.style.unit }

    /// The width of the chosen panel's frame: 4 units, four times the others', so the choice
    /// reads from across a room.
    static let chosenFrameWidth = 4.0

    func draw(points: (FrameDrawer) throws -> Void) throws {
        context.setColor(theme.background)
        context.paint()
        try context.check("painting the background")
        drawText()
        try context.check("drawing the title and summary")
        let complete = gallery.isComplete
        let headings = gallery.headings
        let sizes = headingSizes(headings)
        for (i, (panel, cell)) in zip(gallery.panels, layout.cells).enumerated() {
            guard i < gallery.revealed else {
                drawPlaceholder(cell)
                drawHeading(headings[i], over: cell, sizes: sizes, chosen: false, placeholder: true)
                continue
            }
            let drawer = FrameDrawer(context: context, scene: panel.scene, layout: frame, options: options)
            switch panel.scene.view {
            case let .line(line):
                try drawer.drawLineView(line, in: cell, strip: true, points: points)
            case .plane, .matrix, .comparison, .starts:
                try drawer.panel(panel.scene, plot: cell, window: frame.comparisonWindow(for: cell)).drawPlaneContents(points: points)
            }
            let chosen = complete && i == gallery.chosen
            drawFrame(cell, chosen: chosen)
            drawHeading(headings[i], over: cell, sizes: sizes, chosen: chosen, placeholder: false)
            try context.check("drawing the panel of K = \(panel.components)")
        }
        try drawChart(complete: complete)
    }

    /// The planned sizes of the K line and the detail lines, each narrowed further, the same
    /// for every panel, until the widest line of its kind fits a cell.
    func headingSizes(_ headings: [GalleryHeading]) -> (name: Double, detail: Double) {
        let plan = layout.headings, width = (layout.cells.first?.width ?? 0) - 2 * Self.chosenFrameWidth * u
        func fitted(_ size: Double, bold: Bool, _ lines: [String]) -> Double {
            context.font(size: size, bold: bold)
            let widest = lines.map { context.textWidth($0) }.max() ?? 0
            return widest > width && width > 0 ? size * width / widest : size
        }
        let details = headings.flatMap { $0.lines(plan.detailLines) }
        return (fitted(plan.nameFont, bold: true, headings.map(\.name)), fitted(plan.detailFont, bold: false, details))
    }

    /// A panel's heading in the room over its cell: K in bold — in the background colour on a
    /// tab of the chosen frame's colour for the chosen model — then the BIC, the
    /// log-likelihood and the type on the planned lines, the BIC's in the text colour.
    /// A panel still to come shows only its K, muted.
    func drawHeading(_ heading: GalleryHeading, over cell: PixelRect, sizes: (name: Double, detail: Double), chosen: Bool, placeholder: Bool) {
        let plan = layout.headings
        let top = cell.y - plan.room
        let nameBaseline = top + HeadingPlan.nameLeading * sizes.name * 0.8
        context.save()
        context.font(size: sizes.name, bold: true)
        if chosen {
            let frameWidth = Self.chosenFrameWidth * u, padding = 0.35 * sizes.name
            let tab = PixelRect(x: cell.x - frameWidth, y: top, width: context.textWidth(heading.name) + 2 * padding + frameWidth,
                                height: nameBaseline + 0.3 * sizes.name - top)
            context.newPath()
            context.rectangle(tab)
            context.setColor(theme.text)
            context.fill()
            context.setColor(theme.background)
            context.text(heading.name, x: cell.x + padding, baseline: nameBaseline)
        } else {
            context.setColor(placeholder ? theme.mutedText : theme.text)
            context.text(heading.name, x: cell.x, baseline: nameBaseline)
        }
        if !placeholder {
            let lines = heading.lines(plan.detailLines)
            for (j, line) in lines.enumerated() {
                context.setColor(j == 0 ? theme.text : theme.mutedText)
                let baseline = nameBaseline + 0.35 * sizes.name + HeadingPlan.detailLeading * sizes.detail * (Double(j) + 0.8)
                context.text(line, x: cell.x, baseline: baseline, fitting: cell.width, size: sizes.detail)
            }
        }
        context.restore()
    }

    /// Title (bold, centred), summary (bold) and caption (muted), each narrowed to the width.
    func drawText() {
        let room = layout.textRight - layout.textLeft
        context.setColor(theme.text)
        context.font(size: layout.style.titleFont, bold: true)
        if context.textWidth(gallery.title) <= room {
            context.text(gallery.title, x: layout.width / 2, baseline: layout.titleBaseline, align: .center)
        } else {
            context.text(gallery.title, x: layout.textLeft, baseline: layout.titleBaseline, fitting: room, size: layout.style.titleFont, bold: true)
        }
        let first = gallery.panels[0].components, last = gallery.panels[gallery.panels.count - 1].components
        let summary = gallery.isComplete ? gallery.summary : "fitted so far: K = \(first) to \(gallery.panels[gallery.revealed - 1].components) of \(first) to \(last)"
        context.text(summary, x: layout.textLeft, baseline: layout.summaryBaseline, fitting: room, size: layout.style.headerFont)
        context.setColor(theme.mutedText)
        for (j, line) in captionLines(room: room).enumerated() {
            context.text(line, x: layout.textLeft, baseline: layout.captionBaseline + Double(j) * FrameLayout.noteLeading * layout.style.noteFont,
                         fitting: room, size: layout.style.noteFont)
        }
    }

    /// The caption on the layout's lines: on two, broken at the " · " that best balances
    /// their widths.
    func captionLines(room: Double) -> [String] {
        let parts = gallery.caption.components(separatedBy: GalleryHeading.separator)
        guard layout.captionLines > 1, parts.count > 1 else { return [gallery.caption] }
        context.font(size: layout.style.noteFont)
        let split = (1 ..< parts.count).min { a, b in
            func widest(_ i: Int) -> Double {
                max(context.textWidth(parts[..<i].joined(separator: GalleryHeading.separator)),
                    context.textWidth(parts[i...].joined(separator: GalleryHeading.separator)))
            }
            return widest(a) < widest(b)
        } ?? 1
        return [parts[..<split].joined(separator: GalleryHeading.separator), parts[split...].joined(separator: GalleryHeading.separator)]
    }

    /// A shown panel's frame: thin in the axis colour, or thick in the text colour for the
    /// chosen model.
    func drawFrame(_ cell: PixelRect, chosen: Bool) {
        context.save()
        context.newPath()
        if chosen {
            let w = Self.chosenFrameWidth * u, half = w / 2
            context.rectangle(PixelRect(x: cell.x - half, y: cell.y - half, width: cell.width + w, height: cell.height + w))
            context.setColor(theme.text)
            context.setLineWidth(w)
        } else {
            context.rectangle(cell)
            context.setColor(theme.axis)
            context.setLineWidth(1 * u)
        }
        context.stroke()
        context.restore()
    }

    /// The outline of a panel still to come: dashed, in the grid's colour.
    func drawPlaceholder(_ cell: PixelRect) {
        context.save()
        context.newPath()
        context.rectangle(cell)
        context.setDash([6 * u, 5 * u])
        context.setColor(theme.axis, alpha: 0.5)
        context.setLineWidth(1 * u)
        context.stroke()
        context.setDash([])
        context.restore()
    }

    /// The chart's heading and the chart: the points as far as shown, the choice marked once
    /// complete.
    func drawChart(complete: Bool) throws {
        let area = layout.chartArea
        let chosen = gallery.panels[gallery.chosen].components
        let heading = ComparisonHeading(name: "\(gallery.chart.criterion) against K",
                                        action: complete ? "lowest at K = \(chosen): the chosen model" : "so far")
        let sizer = FrameDrawer(context: context, scene: gallery.panels[gallery.chosen].scene, layout: frame, options: options)
        sizer.drawHeading(heading, over: area, size: layout.style.noteFont)
        let chart = ChartDrawer(context: context, chart: gallery.shownChart, layout: layout.chart, theme: options.theme,
                                marked: complete ? (gallery.chosenPoint.series, gallery.chosenPoint.point) : nil)
        try chart.drawParts()
    }
}
