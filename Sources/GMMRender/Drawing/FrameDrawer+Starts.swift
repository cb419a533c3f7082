extension FrameDrawer {
    /// The colours of optima A, B, …: dark, muted tones apart from the components' Okabe–Ito
    /// colours, so a panel's band is not read as a component.
    static let optimumColors: [UInt32] = [0x3B3B98, 0x8C564B, 0x7F7F7F, 0xA5A51A, 0x6B4C9A, 0x2C8C8A, 0xB05A7A, 0x4F6D3A, 0x5A5A5A]

    /// The colour of optimum `group`.
    static func optimumColor(_ group: Int) -> UInt32 { optimumColors[group % optimumColors.count] }

    /// The grid of runs from several starts: each run's plane in its cell (field, grid, ellipses,
    /// points, trails, means) under its heading, framed thinly; a run that has stopped carries
    /// its optimum's colour as a band along the top of its frame, and the best run a thick frame
    /// in that colour.
    func drawStarts(_ starts: StartsScene, points: (FrameDrawer) throws -> Void) throws {
        let cells = layout.startCells(starts)
        let size = startHeadingSize(starts, width: cells.first?.width ?? 0)
        for (panel, rect) in zip(starts.panels, cells) {
            let drawer = self.panel(panel.scene, plot: rect, window: layout.comparisonWindow(for: rect))
            try drawer.drawPlaneContents(points: points)
            context.save()
            context.newPath()
            context.rectangle(rect)
            if panel.isBest, let group = panel.group {
                context.setColor(Self.optimumColor(group))
                context.setLineWidth(3 * u)
            } else {
                context.setColor(theme.axis)
                context.setLineWidth(1 * u)
            }
            context.stroke()
            if let group = panel.group {
                context.newPath()
                context.rectangle(PixelRect(x: rect.x, y: rect.y - 2 * u, width: rect.width, height: 5 * u))
                context.setColor(Self.optimumColor(group))
                context.fill()
            }
            context.restore()
            drawer.drawHeading(panel.heading, over: rect, size: size)
            try context.check("drawing a start's panel and heading")
        }
    }

    /// The size of every panel's heading: the note's, narrowed only as far as the widest line
    /// needs to fit a panel, so all headings match.
    func startHeadingSize(_ starts: StartsScene, width: Double) -> Double {
        let size = layout.style.noteFont
        var widest = 0.0
        for panel in starts.panels {
            context.font(size: size, bold: true)
            widest = max(widest, context.textWidth(panel.heading.name))
            context.font(size: size)
            widest = max(widest, context.textWidth(panel.heading.action))
        }
        return widest > width && widest > 0 && width > 0 ? size * width / widest : size
    }
}
