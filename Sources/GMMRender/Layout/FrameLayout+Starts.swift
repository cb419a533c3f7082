extension FrameLayout {
    /// Space between the panels of a grid of starts, across and down.
    var startGap: Double { 12 * style.unit }
    /// Room over each panel of a grid of starts for its heading's two lines.
    var startHeadingRoom: Double { 2.6 * style.noteFont }

    /// The panels of `starts`' grid, in run order filled row by row, each under room for its
    /// heading, sharing the plot area, on whole logical pixels.
    func startCells(_ starts: StartsScene) -> [PixelRect] {
        Self.gridCells(count: starts.panels.count, columns: starts.columns, in: plot, headingRoom: startHeadingRoom, gap: startGap)
    }

    /// The cells of a grid of `count` panels in `columns` columns filling `area`, in order row
    /// by row, each under `headingRoom` for its heading, `gap` apart across and down, on whole
    /// logical pixels: the small multiples of a grid of starts and of a ``ModelGallery``.
    static func gridCells(count: Int, columns: Int, in area: PixelRect, headingRoom room: Double, gap: Double) -> [PixelRect] {
        let columns = max(columns, 1), rows = max((count + columns - 1) / columns, 1)
        let w = ((area.width - gap * Double(columns - 1)) / Double(columns)).rounded(.down)
        let h = ((area.height - gap * Double(rows - 1)) / Double(rows)).rounded(.down)
        return (0 ..< max(count, 0)).map { i in
            let r = i / columns, c = i % columns
            let top = (area.y + Double(r) * (h + gap)).rounded()
            return PixelRect(x: (area.x + Double(c) * (w + gap)).rounded(), y: (top + room).rounded(),
                             width: w, height: max(1, (h - room).rounded(.down)))
        }
    }
}
