import Foundation

extension FrameDrawer {
    /// The size of the iteration numbers along the mean paths: small, below the key's text.
    var pathNumberFont: Double { 10.5 * u }

    /// The iteration numbers along each mean's path (``PathLabels``), in small muted text over
    /// a halo so they read over points, at least a label's width apart along a path.
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
            context.haloText("\(label.iteration)", x: label.origin.x, baseline: label.origin.y,
                             color: theme.mutedText, halo: theme.halo, haloWidth: 2.5 * u)
        }
        context.restore()
    }
}
