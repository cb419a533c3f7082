import Foundation

extension FrameDrawer {
    /// The side column: its background, then each piece in its own rectangle of the layout —
    /// the log-likelihood inset, the weights legend and the key. Each piece draws from its
    /// rectangle and the scene alone, so other plot kinds can place them where they like.
    func drawPanel() {
        guard let panel = layout.panel else { return }
        context.save()
        context.newPath()
        context.rectangle(panel)
        context.setColor(theme.panel)
        context.fill()
        if let inset = layout.inset { drawInset(inset) }
        if let legend = layout.legend { drawLegend(legend) }
        if let pins = layout.pins { drawPins(pins) }
        if let key = layout.key { drawKey(key) }
        context.restore()
    }

    /// A piece's heading, bold, with its baseline `ascent` below `y`, narrowed to `width` if
    /// given and needed.
    func heading(_ text: String, x: Double, y: Double, width: Double? = nil) {
        context.setColor(theme.text)
        let size = layout.style.panelHeadingFont, baseline = y + size * 0.76
        if let width {
            context.text(text, x: x, baseline: baseline, fitting: width, size: size, bold: true)
        } else {
            context.font(size: size, bold: true)
            context.text(text, x: x, baseline: baseline)
        }
    }

    /// One row per component: its colour, its number and its weight as a bar and a number. The
    /// weights are ``Scene/displayedWeights``, a real snapshot's.
    func drawLegend(_ r: PixelRect) {
        heading("component weights πₖ", x: r.x, y: r.y, width: r.width)
        let p = layout.style.panelTextUnit
        let rowHeight = FrameLayout.legendRow * p
        let rows = Int((r.height - FrameLayout.headingHeight * p) / rowHeight)
        guard rows >= 1 else { return }
        let k = scene.componentCount
        let shown = k <= rows ? k : max(rows - 1, 0)
        let font = layout.style.panelFont
        context.font(size: font)
        let numberWidth = context.textWidth("0.000") + 4 * p
        let barX = r.x + 40 * p, barMax = r.width - 40 * p - numberWidth
        for i in 0 ..< shown {
            let weight = i < scene.displayedWeights.count ? scene.displayedWeights[i] : .nan
            let mid = r.y + FrameLayout.headingHeight * p + rowHeight * (Double(i) + 0.5)
            let baseline = mid + font * 0.36
            context.newPath()
            context.circle(Point2(x: r.x + 7 * p, y: mid), radius: 5.5 * p)
            context.setColor(componentColors[i])
            context.fillPreserve()
            context.setLineWidth(0.8 * u)
            context.setColor(RGB(componentColors[i]).scaled(PointColors.rimFactor))
            context.stroke()
            context.setColor(theme.text)
            context.text("\(i + 1)", x: r.x + 18 * p, baseline: baseline)
            let w = weight.isFinite ? min(max(weight, 0), 1) : 0
            if barMax > 4 * u {
                context.newPath()
                context.rectangle(PixelRect(x: barX, y: mid - 4 * p, width: max(1, barMax * w), height: 8 * p))
                context.setColor(componentColors[i], alpha: 0.85)
                context.fill()
            }
            context.setColor(theme.mutedText)
            context.text(weight.isFinite ? Ticks.formatted(weight, decimals: 3) : "—", x: r.maxX, baseline: baseline, align: .right)
        }
        if shown < k {
            context.setColor(theme.mutedText)
            context.text("+ \(k - shown) more", x: r.x, baseline: r.y + FrameLayout.headingHeight * p + rowHeight * (Double(shown) + 0.5) + font * 0.36)
        }
    }
}
