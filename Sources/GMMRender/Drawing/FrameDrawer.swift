/// Draws one scene on a Cairo context, in logical pixels, in a fixed back-to-front order:
/// background, density and regions, grid, ghost ellipses of the previous model, ellipse fills,
/// points, rings around the points whose responsibilities changed, ellipse outlines, the moves
/// of the means, trails, means, pinned points, axes, text, side column, warnings.
///
/// Every size is a multiple of ``FrameStyle/unit`` (`u` below), so a larger frame is the same
/// picture, sharper.
///
/// Points are drawn by a caller-supplied step so the raster path can stamp them straight into
/// the pixel buffer while vector outputs get real Cairo paths.
struct FrameDrawer {
    let context: CairoContext
    let scene: Scene
    let layout: FrameLayout
    let options: RenderOptions
    let theme: ThemeColors
    /// K component colours.
    let componentColors: [UInt32]
    /// Logical pixels per style unit.
    let u: Double

    init(context: CairoContext, scene: Scene, layout: FrameLayout, options: RenderOptions) {
        self.context = context
        self.scene = scene
        self.layout = layout
        self.options = options
        theme = options.theme.colors
        componentColors = RenderPalette(theme: options.theme).colors(forComponents: scene.componentCount)
        u = layout.style.unit
    }

    /// Draws the frame; `drawPoints` runs between the ellipse fills and outlines.
    func draw(points drawPoints: () throws -> Void) throws {
        context.setColor(theme.background)
        context.paint()
        try context.check("painting the background")
        try drawField()
        if options.showGrid { drawGrid() }
        try context.check("drawing the grid")
        if options.showEllipses { drawGhosts() }
        try context.check("drawing the previous ellipses")
        if options.showEllipses { drawEllipses(fills: true) }
        try context.check("filling the ellipses")
        if options.showPoints { try drawPoints() }
        try context.check("drawing the points")
        if options.showPoints { drawChangeRings() }
        try context.check("ringing the points that changed")
        if options.showEllipses { drawEllipses(fills: false) }
        try context.check("stroking the ellipses")
        if options.showMeans { drawMeanMoves() }
        try context.check("drawing the moves of the means")
        if options.showTrails { drawTrails() }
        if options.showTrails { drawPathNumbers() }
        try context.check("drawing the trails")
        if options.showMeans { drawMeans() }
        try context.check("drawing the mean markers")
        drawPinMarks()
        try context.check("ringing the pinned points")
        if options.showAxes { drawAxes() }
        try context.check("drawing the axes")
        drawTitleAndHeader()
        try context.check("drawing the title and header")
        drawPanel()
        try context.check("drawing the inset, legend and key")
        drawWarnings()
        try context.check("drawing the warnings")
    }

    /// The effective point radius in logical pixels: the option in style units, shrunk for large
    /// N so that dense clouds keep their structure (√(2000/N), never below half the option).
    static func pointRadius(options: RenderOptions, count: Int) -> Double {
        let r = options.pointRadius * FrameStyle(options: options).unit
        guard count > 2000 else { return r }
        return r * max(0.5, (2000 / Double(count)).squareRoot())
    }

    /// Whether `count` points are drawn as a density image rather than as discs.
    static func drawsDensity(options: RenderOptions, count: Int) -> Bool {
        count > (options.densityAbove ?? RenderOptions.densityThreshold)
    }

    /// Far-away geometry is culled before it reaches Cairo, whose fixed-point coordinates
    /// overflow near ±8 million: anything drawn must lie within this rectangle.
    var guardRect: PixelRect {
        PixelRect(x: -2000, y: -2000, width: layout.width + 4000, height: layout.height + 4000)
    }

    func inGuard(_ p: Point2) -> Bool {
        p.isFinite && p.x >= guardRect.x && p.x <= guardRect.maxX && p.y >= guardRect.y && p.y <= guardRect.maxY
    }
}
