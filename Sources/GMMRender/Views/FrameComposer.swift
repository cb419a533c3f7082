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
            if options.density == .contours { main.drawContourNote() }
            try context.check("drawing the contour note")
        case let .line(line):
            try main.drawFrameBackground()
            try main.drawLineView(line, in: layout.plot, strip: true, points: points)
            try main.drawChrome()
        case let .matrix(matrix):
            try main.drawFrameBackground()
            try main.drawMatrix(matrix, points: points)
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

    /// Title, header and side panel: the parts every view shares.
    func drawChrome() throws {
        drawTitleAndHeader()
        try context.check("drawing the title and header")
        drawPanel()
        try context.check("drawing the inset and legend")
    }

    /// A drawer for one panel of this frame, showing `scene` in `plot` over `window`.
    func panel(_ scene: Scene, plot: PixelRect, window: DataWindow) -> FrameDrawer {
        FrameDrawer(context: context, scene: scene, layout: FrameLayout(panel: plot, window: window, in: layout), options: options)
    }

    /// The plane inside one panel: the field, grid, ellipses, points, trails and means, without
    /// axes or text.
    func drawPlaneContents(points: (FrameDrawer) throws -> Void) throws {
        try drawField()
        if options.showGrid { drawGrid() }
        if options.showEllipses { drawEllipses(fills: true) }
        try context.check("filling the ellipses")
        if options.showPoints { try points(self) }
        try context.check("drawing the points")
        if options.showEllipses { drawEllipses(fills: false) }
        if options.showTrails { drawTrails() }
        if options.showMeans { drawMeans() }
        try context.check("drawing the trails and means")
    }
}
