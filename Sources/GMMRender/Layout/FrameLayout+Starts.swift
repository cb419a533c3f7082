extension FrameLayout {
    /// Space between the panels of a grid of starts, across and down.
    var startGap: Double { 12 * style.unit }
    /// Room over each panel of a grid of starts for its heading's two lines.
    var startHeadingRoom: Double { 2.6 * style.noteFont }

    /// The panels of `starts`' grid, in run order filled row by row, each under room for its
    /// heading, sharing the plot area, on whole logical pixels.
    func startCells(_ starts: StartsScene) -> [PixelRect] {
        let columns = max(starts.columns, 1), rows = max(starts.rows, 1)
        let area = plot, room = startHeadingRoom, gap = startGap
        let w = ((area.width - gap * Double(columns - 1)) / Double(columns)).rounded(.down)
        let h = ((area.height - gap * Double(rows - 1)) / Double(rows)).rounded(.down)
        return starts.panels.indices.map { i in
            let r = i / columns, c = i % columns
            let top = (area.y + Double(r) * (h + gap)).rounded()
            return PixelRect(x: (area.x + Double(c) * (w + gap)).rounded(), y: (top + room).rounded(),
                             width: w, height: max(1, (h - room).rounded(.down)))
        }
    }
}
