extension FrameLayout {
    /// The layout of one panel inside a frame — a cell of a scatter-plot matrix or a part of
    /// the line view: `plot` shows `window`, in the frame's style; no title, header or side
    /// column of its own.
    init(panel plot: PixelRect, window: DataWindow, in frame: FrameLayout) {
        width = frame.width
        height = frame.height
        style = frame.style
        self.plot = plot
        transform = ViewTransform(window: window, plot: plot)
        equalScale = false
        inset = nil
        legend = nil
        key = nil
        keyLines = []
        pins = nil
        keyComplete = true
        panel = nil
        titleBaseline = nil
        headerBaseline = nil
        noteBaseline = nil
        noteLines = 0
        textLeft = plot.x
        textRight = plot.maxX
        xAxisLabelBaseline = frame.xAxisLabelBaseline
        yAxisLabelCenter = frame.yAxisLabelCenter
    }
}
