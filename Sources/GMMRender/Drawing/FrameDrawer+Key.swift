import Foundation

extension FrameDrawer {
    /// The key: one row per ``KeyRow``, each a small drawing made with the same calls and
    /// colours as the plot, then its meaning in the lines the layout planned for it.
    func drawKey(_ r: PixelRect) {
        heading("key", x: r.x, y: r.y)
        let p = layout.style.panelTextUnit
        let lineHeight = FrameLayout.keyRow * p
        let rows = KeyRow.rows(options: options, scene: scene)
        let font = layout.style.panelFont
        let iconWidth = 40 * u
        let first = componentColors.first ?? theme.text
        var top = r.y + FrameLayout.headingHeight * p
        for (i, row) in rows.enumerated() {
            let lines = i < layout.keyLines.count ? layout.keyLines[i] : 1
            let height = lineHeight * Double(lines)
            guard top + height <= r.maxY + 0.5 else { break }
            let mid = top + height / 2
            context.save()
            drawKeyIcon(row, at: Point2(x: r.x + iconWidth / 2, y: mid), color: first)
            context.restore()
            context.setColor(theme.text)
            let x = r.x + iconWidth + 6 * u
            // Text that needs fewer lines than planned is centred in its row.
            context.font(size: font)
            let used = context.wrapped(row.text, width: r.maxX - x, lines: lines)?.count ?? lines
            let first = top + lineHeight * (Double(lines - used) / 2 + 0.5) + font * 0.36
            context.paragraph(row.text, x: x, firstBaseline: first, width: r.maxX - x,
                              lines: used, lineHeight: lineHeight, size: font)
            top += height
        }
    }

    private func drawKeyIcon(_ row: KeyRow, at c: Point2, color: UInt32) {
        context.newPath()
        switch row {
        case let .ellipses(sigmas, _):
            let largest = sigmas.max() ?? 1
            for sigma in sigmas.reversed() {
                let scale = 8.5 * u * sigma / max(largest, 1e-9)
                let inner = sigma == sigmas.first
                context.newPath()
                context.ellipse(center: c, a: Point2(x: 2.2 * scale, y: 0), b: Point2(x: 0, y: scale))
                context.setColor(color, alpha: inner ? 0.13 : 0.07)
                context.fillPreserve()
                let pen = Self.lineWidth(weight: 0.33) * u
                context.setLineWidth(inner ? pen : max(0.8 * u, pen * 0.55))
                context.setColor(color, alpha: inner ? 0.95 : 0.75)
                context.stroke()
            }
        case .mean:
            context.meanMarker(at: c, color: color, outline: theme.text, halo: theme.halo, unit: u)
        case let .trail(numbered):
            let trail = RGB(color).scaled(0.8)
            context.setRoundCaps()
            context.move(to: Point2(x: c.x - 16 * u, y: c.y + 3 * u))
            context.line(to: Point2(x: c.x + 16 * u, y: c.y - 3 * u))
            context.setLineWidth(2 * u)
            context.setColor(trail, alpha: 0.8)
            context.stroke()
            for t in [-4.0, 6.0] {
                context.circle(Point2(x: c.x + t * u, y: c.y - t * 3 / 16 * u), radius: 2.2 * u)
            }
            context.setColor(trail, alpha: 0.8)
            context.fill()
            context.newPath()
            context.circle(Point2(x: c.x - 16 * u, y: c.y + 3 * u), radius: 3.6 * u)
            context.setLineWidth(1.5 * u)
            context.setColor(trail)
            context.stroke()
            if numbered {
                // The start and a later dot numbered as the plot numbers them.
                context.font(size: pathNumberFont)
                for (t, label) in [(-16.0, "0"), (6.0, "2")] {
                    let w = context.textWidth(label), h = pathNumberFont * 0.73
                    let baseline = c.y - t * 3 / 16 * u - 3.5 * u
                    pathNumber(label, box: PixelRect(x: c.x + t * u + 2.5 * u, y: baseline - h, width: w, height: h), halo: theme.panel)
                }
            }
        case .colour:
            // Component 1, a 50/50 point, component 2: the mix is what a point's colour means.
            let blender = ResponsibilityBlender(componentColors: Array(componentColors.prefix(2)))
            let half = [0.5, 0.5].withUnsafeBufferPointer { blender.color($0) }
            let colours = [RGB(componentColors[0]), half, RGB(componentColors[min(1, componentColors.count - 1)])]
            for (j, fill) in colours.enumerated() {
                keyPoint(Point2(x: c.x + Double(j - 1) * 11 * u, y: c.y), fill: fill)
            }
        case .unassigned:
            keyPoint(c, fill: RGB(ResponsibilityBlender.unassignedColor), level: PointSize.hollow)
        case .uncertainty:
            // A point of component 1 alone, one at 75/25 and a 50/50 point: sizes grow with the
            // uncertainty as in the plot.
            let blender = ResponsibilityBlender(componentColors: Array(componentColors.prefix(2)))
            for (j, share) in [1.0, 0.75, 0.5].enumerated() {
                let row = [share, 1 - share]
                let fill = row.withUnsafeBufferPointer { blender.color($0) }
                let level = row.withUnsafeBufferPointer { PointSize.level($0) }
                keyPoint(Point2(x: c.x - 13 * u + Double(j) * 12 * u, y: c.y), fill: fill, level: level)
            }
        case .pinned:
            let p = Point2(x: c.x - 8 * u, y: c.y + 3 * u)
            keyPoint(p, fill: RGB(color))
            pinMark(at: p, pointRadius: max(options.pointRadius, 2.5) * u, number: 12, halo: theme.panel)
        case .changed:
            keyPoint(c, fill: RGB(color))
            context.newPath()
            context.circle(c, radius: options.pointRadius * u + 5 * u)
            context.setLineWidth(1.3 * u)
            context.setColor(theme.text, alpha: 0.85)
            context.stroke()
        case .ghost:
            context.setDash([5 * u, 4 * u])
            context.ellipse(center: Point2(x: c.x - 3 * u, y: c.y), a: Point2(x: 11 * u, y: 0), b: Point2(x: 0, y: 6 * u))
            context.setLineWidth(1.4 * u)
            context.setColor(color, alpha: 0.5)
            context.stroke()
            context.setDash([])
            context.setColor(theme.text)
            context.move(to: Point2(x: c.x - 3 * u, y: c.y))
            context.line(to: Point2(x: c.x + 10 * u, y: c.y))
            context.setLineWidth(1.6 * u)
            context.stroke()
            context.move(to: Point2(x: c.x + 16 * u, y: c.y))
            context.line(to: Point2(x: c.x + 9 * u, y: c.y - 3.5 * u))
            context.line(to: Point2(x: c.x + 9 * u, y: c.y + 3.5 * u))
            context.closePath()
            context.fill()
        case .regions:
            // Two neighbouring regions, tinted as the plot tints them.
            let background = RGB(theme.background)
            for (j, colour) in componentColors.prefix(2).enumerated() {
                context.newPath()
                context.rectangle(PixelRect(x: c.x - 16 * u + Double(j) * 16 * u, y: c.y - 7 * u, width: 16 * u, height: 14 * u))
                context.setColor(background.mixed(with: RGB(colour), Self.regionTint))
                context.fill()
            }
        case let .contours(masses):
            for (i, _) in masses.enumerated() {
                let scale = 1 + Double(i) * 0.9
                context.newPath()
                context.ellipse(center: c, a: Point2(x: 4.5 * scale * u, y: 0), b: Point2(x: 0, y: 2.2 * scale * u))
                context.setLineWidth(0.9 + 0.35 * Double(masses.count - 1 - i))
                context.setColor(theme.text, alpha: 0.45 + 0.1 * Double(masses.count - 1 - i))
                context.stroke()
            }
        case .shade:
            let ink = RGB(theme.text), background = RGB(theme.background)
            for j in 0 ..< 4 {
                context.newPath()
                context.rectangle(PixelRect(x: c.x - 16 * u + Double(j) * 8 * u, y: c.y - 7 * u, width: 8 * u, height: 14 * u))
                context.setColor(background.mixed(with: ink, Self.shadeStrength * (Double(j + 1) / 4).squareRoot()))
                context.fill()
            }
        case .starved:
            warningRing(at: c, radius: 7 * u, pen: 1.6 * u)
        case .densityImage:
            for j in 0 ..< 4 {
                context.newPath()
                context.rectangle(PixelRect(x: c.x - 16 * u + Double(j) * 8 * u, y: c.y - 7 * u, width: 8 * u, height: 14 * u))
                context.setColor(color, alpha: 0.25 + 0.25 * Double(j))
                context.fill()
            }
        }
        context.newPath()
    }

    /// A data point as the plot draws it at the default radius: a disc with a darker rim, at
    /// the size of its uncertainty step, or a hollow ring (``PointSize``).
    private func keyPoint(_ p: Point2, fill: RGB, level: UInt8 = 0) {
        let base = max(options.pointRadius, 2.5) * u
        let radius = base * PointSize.radiusFactor(level)
        context.newPath()
        if level == PointSize.hollow {
            let pen = min(PointSize.hollowRing * u, radius)
            context.circle(p, radius: radius - pen / 2)
            context.setLineWidth(pen)
            context.setColor(fill)
            context.stroke()
            return
        }
        let rim = Self.rimWidth(radius: base, unit: u)
        context.circle(p, radius: radius - rim / 2)
        context.setColor(fill)
        context.fillPreserve()
        context.setLineWidth(rim)
        context.setColor(fill.scaled(PointColors.rimFactor))
        context.stroke()
    }
}
