internal import CCairo

extension CairoContext {
    /// Draws `text` in the current font and `color` over a halo of `haloWidth` in `halo`, so it
    /// reads over points and lines: the glyph outlines stroked wide in the halo colour, then
    /// filled. Left-aligned at `x` on `baseline`.
    func haloText(_ text: String, x: Double, baseline: Double, color: UInt32, halo: UInt32, haloWidth: Double) {
        guard !text.isEmpty else { return }
        cairo_new_path(handle)
        cairo_move_to(handle, x, baseline)
        text.withCString { cairo_text_path(handle, $0) }
        setColor(halo, alpha: 0.9)
        setLineWidth(haloWidth)
        cairo_set_line_join(handle, CAIRO_LINE_JOIN_ROUND)
        strokePreserve()
        setColor(color)
        fill()
    }
}
