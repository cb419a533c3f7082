/// Draws a whole frame of any view: the plane through ``FrameDrawer/draw(points:)``, the line
/// and pairs views as panels drawn with the same pieces, under one title, header and side panel.
///
/// Points are drawn by the caller's `points` step, once per panel, with a drawer whose layout
/// is that panel's: the raster path stamps them into its pixel buffer clipped to the panel.
struct FrameComposer {
    let context: CairoContext
    let scene: Scene
    let layout: FrameLayout
    let options: RenderOptions

    func draw(points: (FrameDrawer) throws -> Void) throws {
        let main = FrameDrawer(context: context, scene: scene, layout: layout, options: options)
        switch scene.view {
        case .plane:
            try main.draw { try points(main) }
            // The key names the contours; without a key, a note in the plot does.
            if options.density == .contours, layout.key == nil { main.drawContourNote() }
            main.drawOutsideNote()
            try context.check("drawing the notes in the plot")
        case let .line(line):
            try main.drawFrameBackground()
            try main.drawLineView(line, in: layout.plot, strip: true, points: points)
            try main.drawChrome()
        case let .matrix(matrix):
            try main.drawFrameBackground()
            try main.drawMatrix(matrix, points: points)
            try main.drawChrome()
        case let .comparison(comparison):
            try main.drawFrameBackground()
            try main.drawComparison(comparison, points: points)
            // The vertical axis's name once, beside the left panel.
            if options.showAxes {
                context.font(size: layout.style.axisLabelFont)
                context.setColor(main.theme.text)
                let left = layout.comparisonPanels().left
                context.verticalText(scene.axisLabels.y, center: Point2(x: layout.yAxisLabelCenter, y: left.y + left.height / 2))
            }
            try main.drawChrome()
        case let .starts(starts):
            try main.drawFrameBackground()
            try main.drawStarts(starts, points: points)
            try main.drawChrome()
        }
    }
}

extension FrameDrawer {
    func drawFrameBackground() throws {
        context.setColor(theme.background)
        context.paint()
        try context.check("painting the background")
    }

    /// Title, header, side panel and warnings: the parts every view shares.
    func drawChrome() throws {
        drawTitleAndHeader()
        try context.check("drawing the title and header")
        drawPanel()
        try context.check("drawing the inset and legend")
        drawWarnings()
        try context.check("drawing the warnings")
    }

    /// A drawer for one panel of this frame, showing `scene` in `plot` over `window`.
    func panel(_ scene: Scene, plot: PixelRect, window: DataWindow) -> FrameDrawer {
        FrameDrawer(context: context, scene: scene, layout: FrameLayout(panel: plot, window: window, in: layout), options: options)
    }

    /// The plane inside one cell of a matrix: the field, grid, ellipses, points, trails and
    /// means, without axes or text.
    func drawPlaneContents(points: (FrameDrawer) throws -> Void) throws {
        try drawField()
        if options.showGrid { drawGrid() }
        if options.showEllipses { drawCellEllipses(fills: true) }
        try context.check("filling the ellipses")
        if options.showPoints { try points(self) }
        try context.check("drawing the points")
        if options.showEllipses { drawCellEllipses(fills: false) }
        if options.showTrails { drawTrails() }
        if options.showMeans { drawMeans() }
        try context.check("drawing the trails and means")
    }
}

extension FrameDrawer {
    /// The ellipses of a small cell, in two Cairo operations per component: the innermost
    /// ellipse's light fill, then every outline in one stroke, without the halo of the full
    /// plane. A 4-column matrix has twelve cells of ellipses; drawn like the full plane's (fills
    /// and outlines per σ, each outline over a halo) they alone cost more than the rest of the
    /// frame, and in a cell of a few hundred pixels the finer hierarchy does not read anyway.
    func drawCellEllipses(fills: Bool) {
        context.save()
        context.clip(to: layout.plot)
        context.setRoundCaps()
        let innermost = options.sigmas.min() ?? 1
        for (k, component) in scene.components.enumerated() where k < componentColors.count {
            context.newPath()
            for sigma in sigmasOutsideIn where !fills || sigma == innermost {
                guard let shape = pixelEllipse(component, sigma: sigma) else { continue }
                switch shape {
                case let .ellipse(center, a, b):
                    context.ellipse(center: center, a: a, b: b)
                case let .segment(from, to):
                    if fills { continue }
                    context.move(to: from)
                    context.line(to: to)
                }
            }
            if fills {
                context.setColor(componentColors[k], alpha: 0.13)
                context.fill()
            } else {
                context.setLineWidth(max(0.8, Self.lineWidth(weight: component.weight) * 0.75))
                context.setColor(componentColors[k], alpha: 0.9)
                context.stroke()
            }
        }
        context.newPath()
        context.restore()
    }
}
