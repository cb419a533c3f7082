extension FrameDrawer {
    /// Space between the cells of a scatter-plot matrix.
    static let cellGap = 10.0
    /// Room at the top of a diagonal cell for the column's name.
    static let nameRoom = 18.0

    /// The cell of row `r`, column `c` of an n × n matrix filling the plot area, on whole
    /// logical pixels: Cairo clips to a pixel-aligned rectangle without a mask, which keeps a
    /// frame of 16 clipped cells fast.
    static func cell(row r: Int, column c: Int, of n: Int, in area: PixelRect) -> PixelRect {
        let w = ((area.width - cellGap * Double(n - 1)) / Double(n)).rounded(.down)
        let h = ((area.height - cellGap * Double(n - 1)) / Double(n)).rounded(.down)
        return PixelRect(x: (area.x + Double(c) * (w + cellGap)).rounded(), y: (area.y + Double(r) * (h + cellGap)).rounded(), width: w, height: h)
    }

    /// The data window of cell (r, c): column c across, column r up.
    static func cellWindow(_ m: MatrixScene, row r: Int, column c: Int) -> DataWindow {
        DataWindow(xmin: m.diagonal[c].xmin, xmax: m.diagonal[c].xmax, ymin: m.diagonal[r].xmin, ymax: m.diagonal[r].xmax)
    }

    /// The scene of cell (r, c): the points and components projected on columns (c, r).
    func cellScene(_ m: MatrixScene, row r: Int, column c: Int) throws -> Scene {
        let points = zip(m.columns[c], m.columns[r]).map { Point2(x: $0, y: $1) }
        let components = m.weights.indices.map { k in
            SceneComponent(weight: m.weights[k], mean: Point2(x: m.means[k][c], y: m.means[k][r]),
                           covariance: Covariance2(xx: m.covariances[k][c][c],
                                                   xy: 0.5 * (m.covariances[k][c][r] + m.covariances[k][r][c]),
                                                   yy: m.covariances[k][r][r]))
        }
        let trails = m.trails.map { $0.map { Point2(x: $0[c], y: $0[r]) } }
        // Before the first E-step every point is grey here as on the plane.
        return try Scene(points: points, responsibilities: scene.responsibilities, components: components, trails: trails,
                         pointsAssigned: scene.pointsAssigned)
    }

    /// The scatter-plot matrix: each pair off the diagonal as a plane, each column's 1-D
    /// mixture on it, the column names on the diagonal and tick labels on the outer edges.
    func drawMatrix(_ m: MatrixScene, points: (FrameDrawer) throws -> Void) throws {
        let n = m.labels.count
        let area = layout.plot
        for r in 0 ..< n {
            for c in 0 ..< n {
                let rect = Self.cell(row: r, column: c, of: n, in: area)
                let window = Self.cellWindow(m, row: r, column: c)
                if r == c {
                    // The column's name goes above its curves.
                    let below = PixelRect(x: rect.x, y: rect.y + Self.nameRoom, width: rect.width, height: rect.height - Self.nameRoom)
                    try drawLineView(m.diagonal[c], in: below, strip: false, points: points)
                } else {
                    try panel(try cellScene(m, row: r, column: c), plot: rect, window: window).drawPlaneContents(points: points)
                }
                context.save()
                let cell = panel(scene, plot: rect, window: window)
                let t = cell.layout.transform
                // Tick targets for small cells: about one per 45 px.
                let w = window
                let xTarget = max(2, Int(rect.width / 45)), yTarget = max(2, Int(rect.height / 40))
                let x = (values: Ticks.values(from: w.xmin, to: w.xmax, target: xTarget), step: Ticks.step(from: w.xmin, to: w.xmax, target: xTarget))
                let y = (values: Ticks.values(from: w.ymin, to: w.ymax, target: yTarget), step: Ticks.step(from: w.ymin, to: w.ymax, target: yTarget))
                // Tick labels on the bottom row and the left column (not for the density axis).
                let xs = r == n - 1 && options.showAxes ? x.values.map { (t.pixel(Point2(x: $0, y: 0)).x, Ticks.label($0, step: x.step)) } : []
                let ys = c == 0 && r != c && options.showAxes ? y.values.map { (t.pixel(Point2(x: 0, y: $0)).y, Ticks.label($0, step: y.step)) } : []
                context.axisFrame(in: rect, x: xs, y: ys, line: theme.axis, labels: theme.mutedText, unit: layout.style.unit)
                if r == c {
                    context.font(size: 12 * layout.style.unit, bold: true)
                    context.setColor(theme.text)
                    context.text(m.labels[c], x: rect.x + 6, baseline: rect.y + 15)
                }
                context.restore()
                try context.check("drawing cell \(r + 1), \(c + 1)")
            }
        }
        // Which column runs along each side, under the bottom row and left of the left column.
        guard options.showAxes else { return }
        context.font(size: 12 * layout.style.unit)
        context.setColor(theme.text)
        for i in 0 ..< n {
            let bottom = Self.cell(row: n - 1, column: i, of: n, in: area)
            context.text(m.labels[i], x: bottom.x + bottom.width / 2, baseline: area.maxY + 38 * layout.style.unit, align: .center)
            let left = Self.cell(row: i, column: 0, of: n, in: area)
            context.verticalText(m.labels[i], center: Point2(x: area.x - 48 * layout.style.unit, y: left.y + left.height / 2))
        }
    }
}
