import Foundation

extension FrameDrawer {
    /// The pinned points' responsibilities, one row each: the point's number (its data row,
    /// counted from 1), a bar split into its shares γᵢₖ in the component colours, left to right
    /// by component, and its largest share. What an interactive player shows on a click, on
    /// every frame; before the first E-step the bar is an empty outline.
    func drawPins(_ r: PixelRect) {
        heading("pinned points γ", x: r.x, y: r.y, width: r.width)
        let p = layout.style.panelTextUnit
        let rowHeight = FrameLayout.pinRow * p
        let font = layout.style.panelFont
        context.font(size: font)
        let labelWidth = (options.pins.map { context.textWidth("#\($0 + 1)") }.max() ?? 0) + 6 * u
        let numberWidth = context.textWidth("0.00") + 6 * u
        let barX = r.x + labelWidth, barWidth = r.width - labelWidth - numberWidth
        for (row, point) in options.pins.enumerated() {
            let mid = r.y + FrameLayout.headingHeight * p + rowHeight * (Double(row) + 0.5)
            let baseline = mid + font * 0.36
            context.setColor(theme.text)
            context.text("#\(point + 1)", x: r.x, baseline: baseline)
            guard barWidth > 4 * u else { continue }
            let bar = PixelRect(x: barX, y: mid - 5 * p, width: barWidth, height: 10 * p)
            let shares = pinShares(point)
            if let shares {
                var x = bar.x
                for (c, share) in shares.enumerated() where share > 0 && c < componentColors.count {
                    let w = bar.width * share
                    context.newPath()
                    context.rectangle(PixelRect(x: x, y: bar.y, width: w, height: bar.height))
                    context.setColor(componentColors[c])
                    context.fill()
                    x += w
                }
            }
            context.newPath()
            context.rectangle(bar)
            context.setLineWidth(0.8 * u)
            context.setColor(shares == nil ? RGB(ResponsibilityBlender.unassignedColor) : RGB(theme.text))
            context.stroke()
            context.setColor(theme.mutedText)
            let largest = shares?.max()
            context.text(largest.map { Ticks.formatted($0, decimals: 2) } ?? "—", x: r.maxX, baseline: baseline, align: .right)
        }
    }

    /// Point `i`'s K responsibilities, renormalised, or nil when it has none yet (before the
    /// first E-step, a row that is not a distribution, or a point not in the scene).
    func pinShares(_ i: Int) -> [Double]? {
        let k = scene.componentCount
        guard scene.pointsAssigned, k > 0, i >= 0, i < scene.points.count else { return nil }
        let shares: [Double]
        if (i + 1) * k <= scene.responsibilities.count {
            shares = Array(scene.responsibilities[(i * k) ..< ((i + 1) * k)])
        } else if scene.responsibilities.isEmpty, let deferred = scene.deferredResponsibilities,
                  let computed = try? deferred.block(i ..< i + 1) {
            shares = computed
        } else {
            return nil
        }
        let row = shares.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let total = row.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        return row.map { $0 / total }
    }

    /// A ring around each pinned point in the plot, with a short leader to its number, so the
    /// bars in the side column can be matched to the points.
    func drawPinMarks() {
        guard !options.pins.isEmpty, scene.view.drawsPinMarks else { return }
        let t = layout.transform
        let radius = Self.pointRadius(options: options, count: scene.points.count)
        context.save()
        context.clip(to: layout.plot)
        for point in options.pins where point < scene.points.count {
            let p = t.pixel(scene.points[point])
            guard inGuard(p) else { continue }
            pinMark(at: p, pointRadius: radius * pointSizeFactor(point), number: point + 1, halo: theme.halo)
        }
        context.restore()
    }

    /// The mark of a pinned point at `p`: a thin ring 3.5 units outside the point, and a leader
    /// up and to the right ending at the point's number, all over a halo. Thinner and wider
    /// than a mean marker's outline, and with its leader, it does not read as a mean.
    func pinMark(at p: Point2, pointRadius: Double, number: Int, halo: UInt32) {
        let ring = pointRadius + 3.5 * u
        let dx = 0.7071, dy = -0.7071
        let start = Point2(x: p.x + dx * ring, y: p.y + dy * ring)
        let end = Point2(x: p.x + dx * (ring + 7 * u), y: p.y + dy * (ring + 7 * u))
        context.newPath()
        context.circle(p, radius: ring)
        context.move(to: start)
        context.line(to: end)
        context.setRoundCaps()
        context.setLineWidth(3.6 * u)
        context.setColor(halo, alpha: 0.85)
        context.strokePreserve()
        context.setLineWidth(1.4 * u)
        context.setColor(theme.text)
        context.stroke()
        context.font(size: layout.style.panelFont, bold: true)
        context.haloText("\(number)", x: end.x + 1 * u, baseline: end.y + layout.style.panelFont * 0.3,
                         color: theme.text, halo: halo, haloWidth: 3 * u)
    }
}

extension SceneView {
    /// Whether pinned points are ringed in this scene's plot: in the single plane (the 2-D and
    /// PCA views); the line view's strip and the matrix's cells are too small for the rings.
    var drawsPinMarks: Bool {
        if case .plane = self { return true }
        return false
    }
}
