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
                    let room = max(Self.nameRoom, 1.4 * nameFont)
                    let below = PixelRect(x: rect.x, y: rect.y + room, width: rect.width, height: rect.height - room)
                    try drawLineView(m.diagonal[c], in: below, strip: false, points: points)
                } else {
                    try panel(try cellScene(m, row: r, column: c), plot: rect, window: window).drawPlaneContents(points: points)
                }
                context.save()
                let cell = panel(scene, plot: rect, window: window)
                let t = cell.layout.transform
                // Tick targets for small cells: about one per 45 px, fewer where the labels are large.
                let w = window
                let tickFont = matrixTickFont
                let xTarget = max(2, Int(rect.width / max(45, 3.5 * tickFont))), yTarget = max(2, Int(rect.height / max(40, 2 * tickFont)))
                let x = (values: Ticks.values(from: w.xmin, to: w.xmax, target: xTarget), step: Ticks.step(from: w.xmin, to: w.xmax, target: xTarget))
                let y = (values: Ticks.values(from: w.ymin, to: w.ymax, target: yTarget), step: Ticks.step(from: w.ymin, to: w.ymax, target: yTarget))
                // Tick labels on the bottom row and the left column (not for the density axis).
                let xs = r == n - 1 && options.showAxes ? x.values.map { (t.pixel(Point2(x: $0, y: 0)).x, Ticks.label($0, step: x.step)) } : []
                let ys = c == 0 && r != c && options.showAxes ? y.values.map { (t.pixel(Point2(x: 0, y: $0)).y, Ticks.label($0, step: y.step)) } : []
                context.axisFrame(in: rect, x: xs, y: ys, line: theme.axis, labels: theme.mutedText, unit: layout.style.unit,
                                  fontSize: tickFont)
                if r == c {
                    context.setColor(theme.text)
                    context.text(m.labels[c], x: rect.x + 6 * u, baseline: rect.y + 1.05 * nameFont, fitting: rect.width - 12 * u,
                                 size: nameFont, bold: true)
                }
                context.restore()
                try context.check("drawing cell \(r + 1), \(c + 1)")
            }
        }
        // Which column runs along each side, under the bottom row and left of the left column.
        guard options.showAxes else { return }
        let cellWidth = Self.cell(row: 0, column: 0, of: n, in: area).width
        context.setColor(theme.text)
        for i in 0 ..< n {
            let bottom = Self.cell(row: n - 1, column: i, of: n, in: area)
            // A name wider than its cell narrows rather than running into the next one.
            context.font(size: nameFont)
            let size = nameFont * min(1, cellWidth / max(context.textWidth(m.labels[i]), 1))
            context.font(size: size)
            context.text(m.labels[i], x: bottom.x + bottom.width / 2, baseline: area.maxY + 8 * u + 1.35 * matrixTickFont + size, align: .center)
            let left = Self.cell(row: i, column: 0, of: n, in: area)
            context.font(size: nameFont)
            context.font(size: nameFont * min(1, left.height / max(context.textWidth(m.labels[i]), 1)))
            context.verticalText(m.labels[i], center: Point2(x: layout.yAxisLabelCenter, y: left.y + left.height / 2))
        }
    }

    /// The cells' tick labels: the frame's tick size shrunk to what a cell can hold, never
    /// below the default frame's 9 units.
    var matrixTickFont: Double {
        guard case let .matrix(m) = scene.view else { return layout.style.tickFont }
        let cell = Self.cell(row: 0, column: 0, of: max(m.labels.count, 1), in: layout.plot)
        return max(9 * u, min(layout.style.tickFont * 0.8, cell.height / 6))
    }

    /// The column names: on the diagonal cells and along the sides.
    var nameFont: Double { max(12 * u, min(layout.style.axisLabelFont * 0.8, matrixTickFont * 1.1)) }
}
