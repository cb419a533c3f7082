import Foundation

extension FrameDrawer {
    /// The size of the iteration numbers along the mean paths: small, below the key's text.
    var pathNumberFont: Double { 10.5 * u }

    /// The iteration numbers along each mean's path (``PathLabels``), in small muted text on a
    /// plate so they read over points, at least a label's width apart along a path.
    func drawPathNumbers() {
        guard scene.trails.contains(where: { $0.count >= 2 }) else { return }
        let t = layout.transform
        context.save()
        context.clip(to: layout.plot)
        context.font(size: pathNumberFont)
        let height = pathNumberFont * 0.73
        let placer = PathLabels(height: height, spacing: context.textWidth("00") + 6 * u, offset: 3 * u)
        // Keep the mean markers (about 8 units across the halo) clear.
        let markers = scene.components.map { c -> PixelRect in
            let p = t.pixel(c.mean)
            return PixelRect(x: p.x - 9 * u, y: p.y - 9 * u, width: 18 * u, height: 18 * u)
        }
        let labels = placer.place(scene.trails.map { $0.map(t.pixel) }, inside: layout.plot, avoiding: markers) {
            context.textWidth($0)
        }
        for label in labels {
            pathNumber("\(label.iteration)", box: label.box, halo: theme.halo)
        }
        context.restore()
    }

    /// One iteration number in its text box (``PathLabels/Label/box``, its baseline at the
    /// bottom): small muted text on a translucent plate of the halo colour, a little larger than
    /// the box, so it reads over points and lines. A plate is one rectangle, where a halo
    /// around each glyph would cost several text draws per label on every frame.
    func pathNumber(_ text: String, box: PixelRect, halo: UInt32) {
        let pad = 1.5 * u
        context.newPath()
        context.rectangle(PixelRect(x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad))
        context.setColor(halo, alpha: 0.8)
        context.fill()
        context.setColor(theme.mutedText)
        context.font(size: pathNumberFont)
        context.text(text, x: box.x, baseline: box.maxY)
    }
}
