extension FrameLayout {
    /// Space between the two panels of a comparison: room for the right panel's tick labels.
    var comparisonGap: Double { 14 * style.unit + style.tickFont * 3.2 }
    /// Room over each panel of a comparison for its heading's two lines.
    var comparisonHeadingRoom: Double { 2.9 * style.noteFont }

    /// The two panels of a comparison, left (k-means) and right (EM), sharing the plot area
    /// under their headings, on whole logical pixels.
    func comparisonPanels() -> (left: PixelRect, right: PixelRect) {
        let area = plot, room = comparisonHeadingRoom
        let w = ((area.width - comparisonGap) / 2).rounded(.down)
        let left = PixelRect(x: area.x.rounded(), y: (area.y + room).rounded(), width: w, height: (area.height - room).rounded(.down))
        let right = PixelRect(x: (area.maxX - w).rounded(), y: left.y, width: w, height: left.height)
        return (left, right)
    }

    /// The frame's data window, widened on one axis to `rect`'s shape when the frame keeps an
    /// equal scale, so a unit is as long across as up in both panels.
    func comparisonWindow(for rect: PixelRect) -> DataWindow {
        var w = transform.window
        guard equalScale, rect.width > 0, rect.height > 0 else { return w }
        let want = rect.width / rect.height, have = (w.xmax - w.xmin) / (w.ymax - w.ymin)
        guard want.isFinite, have.isFinite, have > 0 else { return w }
        if have < want {
            let half = 0.5 * (w.ymax - w.ymin) * want, mid = 0.5 * (w.xmin + w.xmax)
            (w.xmin, w.xmax) = (mid - half, mid + half)
        } else {
            let half = 0.5 * (w.xmax - w.xmin) / want, mid = 0.5 * (w.ymin + w.ymax)
            (w.ymin, w.ymax) = (mid - half, mid + half)
        }
        return w
    }
}
