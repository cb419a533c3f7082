extension FrameDrawer {
    /// The opacity of a Voronoi cell's tint: as light as the regions under the EM's ellipses.
    static let voronoiTint = 0.12

    /// The k-means panel's own scene: the points one-hot in their centroid's colour (grey
    /// before the first assignment), the centroids as means of point-like components, and
    /// their trails.
    func kmeansScene(_ c: ComparisonScene) throws -> Scene {
        let k = c.centres.count, n = scene.points.count
        var r = [Double](repeating: c.labels.isEmpty ? 1 / Double(max(k, 1)) : 0, count: n * k)
        if c.labels.count == n { for (i, label) in c.labels.enumerated() where label >= 0 && label < k { r[i * k + label] = 1 } }
        let components = c.centres.map { SceneComponent(weight: 1 / Double(max(k, 1)), mean: $0, covariance: Covariance2(xx: 0, xy: 0, yy: 0)) }
        return try Scene(points: scene.points, responsibilities: r, components: components, trails: c.trails,
                         axisLabels: scene.axisLabels, pointsAssigned: !c.labels.isEmpty)
    }

    /// k-means on the left (Voronoi cells of the centroids as a light tint, points in their
    /// centroid's colour, the centroids' paths and markers), EM on the right as the plane draws
    /// it, each under its heading and with its own axes.
    func drawComparison(_ c: ComparisonScene, points: (FrameDrawer) throws -> Void) throws {
        let (leftRect, rightRect) = layout.comparisonPanels()
        let left = panel(try kmeansScene(c), plot: leftRect, window: layout.comparisonWindow(for: leftRect))
        if c.drawsCells { left.drawVoronoiCells(c.centres) }
        try context.check("tinting the Voronoi cells")
        if options.showGrid { left.drawGrid() }
        if options.showPoints { try points(left) }
        try context.check("drawing the k-means points")
        if options.showTrails { left.drawTrails() }
        if options.showMeans { left.drawMeans() }
        try context.check("drawing the centroids")

        var em = scene
        em.view = .plane
        let right = panel(em, plot: rightRect, window: layout.comparisonWindow(for: rightRect))
        try right.drawPlaneWithStepMarks(points: points)

        let size = comparisonHeadingSize(c, width: leftRect.width)
        for (drawer, heading) in [(left, c.kmeansHeading), (right, c.emHeading)] {
            if options.showAxes { drawer.drawPanelAxes() }
            drawer.drawHeading(heading, over: drawer.layout.plot, size: size)
            try context.check("drawing the axes and heading of a panel")
        }
    }

    /// The plot of the full plane without its axes and text, in the plane's order: field, grid,
    /// the model before an M-step, ellipse fills, points, rings around the points whose shares
    /// changed, ellipse outlines, the moves of the means, trails, means and pins, so the EM
    /// panel shows everything the header's note and the key speak of.
    func drawPlaneWithStepMarks(points: (FrameDrawer) throws -> Void) throws {
        try drawField()
        if options.showGrid { drawGrid() }
        if options.showEllipses { drawGhosts() }
        if options.showEllipses { drawEllipses(fills: true) }
        try context.check("drawing the EM panel's field and ellipse fills")
        if options.showPoints { try points(self) }
        if options.showPoints { drawChangeRings() }
        try context.check("drawing the EM panel's points")
        if options.showEllipses { drawEllipses(fills: false) }
        if options.showMeans { drawMeanMoves() }
        if options.showTrails { drawTrails() }
        if options.showTrails { drawPathNumbers() }
        if options.showMeans { drawMeans() }
        drawPinMarks()
        try context.check("drawing the EM panel's ellipses, trails and means")
    }

    /// Each centroid's Voronoi cell — the part of the plot nearer to it than to any other
    /// centroid — filled with its colour, lightly. The cell is the window clipped by one
    /// half-plane per other centroid, {x : ‖x − a‖² ≤ ‖x − b‖²}, computed in data units; an
    /// affine map takes half-planes to half-planes, so its pixel image is the cell on the plot
    /// however the axes are scaled, and every pixel is tinted by its nearest centroid.
    func drawVoronoiCells(_ centres: [Point2]) {
        let w = layout.transform.window, t = layout.transform
        context.save()
        context.clip(to: layout.plot)
        for (k, a) in centres.enumerated() where k < componentColors.count && a.isFinite {
            var cell = [Point2(x: w.xmin, y: w.ymin), Point2(x: w.xmax, y: w.ymin), Point2(x: w.xmax, y: w.ymax), Point2(x: w.xmin, y: w.ymax)]
            for (j, b) in centres.enumerated() where j != k && b.isFinite && (b.x != a.x || b.y != a.y || j < k) {
                // ‖x − a‖² ≤ ‖x − b‖²  ⇔  (b − a)·x ≤ (‖b‖² − ‖a‖²)/2; a centroid equal to an
                // earlier one gets no cell (ties go to the lower index, as the labels do).
                let nx = b.x - a.x, ny = b.y - a.y, limit = 0.5 * (b.x * b.x + b.y * b.y - a.x * a.x - a.y * a.y)
                cell = Self.clip(cell, nx: nx, ny: ny, limit: limit)
                if cell.isEmpty { break }
            }
            guard cell.count >= 3 else { continue }
            context.newPath()
            context.move(to: t.pixel(cell[0]))
            for p in cell.dropFirst() { context.line(to: t.pixel(p)) }
            context.closePath()
            context.setColor(componentColors[k], alpha: Self.voronoiTint)
            context.fill()
        }
        context.restore()
    }

    /// The convex polygon `polygon` cut to the half-plane nx·x + ny·y ≤ limit
    /// (Sutherland–Hodgman, one edge).
    static func clip(_ polygon: [Point2], nx: Double, ny: Double, limit: Double) -> [Point2] {
        var out: [Point2] = []
        for (i, p) in polygon.enumerated() {
            let q = polygon[(i + 1) % polygon.count]
            let fp = nx * p.x + ny * p.y - limit, fq = nx * q.x + ny * q.y - limit
            if fp <= 0 { out.append(p) }
            if (fp < 0 && fq > 0) || (fp > 0 && fq < 0) {
                let s = fp / (fp - fq)
                out.append(Point2(x: p.x + (q.x - p.x) * s, y: p.y + (q.y - p.y) * s))
            }
        }
        return out
    }

    /// A panel's frame, ticks and tick labels, with the horizontal axis's name: the frame's
    /// vertical name stands once, beside the first panel.
    func drawPanelAxes() { drawAxes(verticalName: false) }

    /// The size of both panels' headings: the note's, narrowed only as far as the widest of
    /// their lines needs to fit its panel, so the two headings match.
    func comparisonHeadingSize(_ c: ComparisonScene, width: Double) -> Double {
        let size = layout.style.noteFont
        var widest = 0.0
        for heading in [c.kmeansHeading, c.emHeading] {
            context.font(size: size, bold: true)
            widest = max(widest, context.textWidth(heading.name))
            context.font(size: size)
            widest = max(widest, context.textWidth(heading.action))
        }
        return widest > width && widest > 0 && width > 0 ? size * width / widest : size
    }

    /// `heading` in two lines over `rect` at `size`: the algorithm and step in bold, then what
    /// the step did, muted.
    func drawHeading(_ heading: ComparisonHeading, over rect: PixelRect, size: Double) {
        let action = rect.y - 0.5 * layout.style.noteFont
        let lines = [(heading.name, theme.text, true, action - 1.3 * size), (heading.action, theme.mutedText, false, action)]
        for (text, color, bold, baseline) in lines {
            context.setColor(color)
            context.text(text, x: rect.x, baseline: baseline, fitting: rect.width, size: size, bold: bold)
        }
    }
}
