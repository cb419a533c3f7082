internal import CCairo

extension CairoContext {
    /// Draws `text` in the current font and `color` over a halo about `haloWidth` wide in
    /// `halo`, so it reads over points and lines. Left-aligned at `x` on `baseline`.
    ///
    /// The halo is the text itself drawn four times around its place, diagonally, half the
    /// halo's width away: glyphs come from the font cache, where stroking the glyph outlines
    /// would build and stroke their paths on every frame, several times the cost for small
    /// labels.
    func haloText(_ text: String, x: Double, baseline: Double, color: UInt32, halo: UInt32, haloWidth: Double) {
        guard !text.isEmpty else { return }
        let d = haloWidth / 2 * 0.7071
        setColor(halo, alpha: 0.9)
        text.withCString { glyphs in
            for (dx, dy) in [(d, d), (-d, d), (d, -d), (-d, -d)] {
                cairo_move_to(handle, x + dx, baseline + dy)
                cairo_show_text(handle, glyphs)
            }
            setColor(color)
            cairo_move_to(handle, x, baseline)
            cairo_show_text(handle, glyphs)
        }
        cairo_new_path(handle)
    }
}
