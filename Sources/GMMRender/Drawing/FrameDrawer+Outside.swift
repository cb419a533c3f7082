extension FrameDrawer {
    /// The number of points a fixed window leaves out, in the plot's upper right corner, so a
    /// viewer never takes an empty or thin picture for the whole data set.
    func drawOutsideNote() {
        let outside = scene.pointsOutsideWindow
        guard outside > 0 else { return }
        let total = scene.points.count
        let text = "\(outside) of \(total) point\(total == 1 ? "" : "s") outside this window"
        let plot = layout.plot
        let font = layout.style.panelFont
        let margin = 6 * u
        context.font(size: font, bold: true)
        let width = min(context.textWidth(text), plot.width - 2 * margin - 6 * u)
        let box = PixelRect(x: plot.maxX - margin - width - 6 * u, y: plot.y + margin, width: width + 6 * u, height: 1.5 * font)
        context.newPath()
        context.rectangle(box)
        context.setColor(theme.background, alpha: 0.9)
        context.fillPreserve()
        context.setLineWidth(max(1, u))
        context.setColor(theme.text, alpha: 0.6)
        context.stroke()
        context.setColor(theme.text)
        context.text(text, x: box.x + 3 * u, baseline: box.y + 1.05 * font, fitting: width, size: font, bold: true)
    }
}
