extension FrameLayout {
    /// The layout of one panel inside a frame — a cell of a scatter-plot matrix or a part of
    /// the line view: `plot` shows `window`; no title, header or side panel of its own.
    init(panel plot: PixelRect, window: DataWindow, in frame: FrameLayout) {
        width = frame.width
        height = frame.height
        self.plot = plot
        transform = ViewTransform(window: window, plot: plot)
        inset = nil
        legend = nil
        panel = nil
        titleBaseline = nil
        headerBaseline = nil
    }
}
