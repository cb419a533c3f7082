import Foundation
internal import CCairo

/// Owns one `cairo_t`, destroyed in `deinit`, with the few drawing calls the frame needs.
///
/// Drawing calls return nothing: Cairo records the first failure in the context's sticky status,
/// which ``check(_:)`` turns into a ``RenderError`` after each stage of the frame.
final class CairoContext {
    let handle: OpaquePointer
    private let surface: CairoSurface

    init(_ surface: CairoSurface) throws {
        guard let handle = cairo_create(surface.handle) else {
            throw RenderError.cairo(call: "cairo_create", status: "returned NULL", code: -1)
        }
        self.handle = handle
        self.surface = surface
        try cairoCheck(cairo_status(handle), "cairo_create")
    }

    deinit { cairo_destroy(handle) }

    /// Throws if anything drawn so far failed; `stage` names what was being drawn.
    func check(_ stage: String) throws {
        try cairoCheck(cairo_status(handle), stage)
    }

    // MARK: State

    func save() { cairo_save(handle) }
    func restore() { cairo_restore(handle) }
    func scale(_ s: Double) { cairo_scale(handle, s, s) }

    func setColor(_ rgb: UInt32, alpha: Double = 1) {
        let c = RGB(rgb)
        if alpha >= 1 {
            cairo_set_source_rgb(handle, c.red, c.green, c.blue)
        } else {
            cairo_set_source_rgba(handle, c.red, c.green, c.blue, max(0, alpha))
        }
    }

    func setColor(_ c: RGB, alpha: Double = 1) {
        cairo_set_source_rgba(handle, c.red, c.green, c.blue, min(1, max(0, alpha)))
    }

    func setLineWidth(_ w: Double) { cairo_set_line_width(handle, w) }
    func setRoundCaps() {
        cairo_set_line_cap(handle, CAIRO_LINE_CAP_ROUND)
        cairo_set_line_join(handle, CAIRO_LINE_JOIN_ROUND)
    }
    func setButtCaps() { cairo_set_line_cap(handle, CAIRO_LINE_CAP_BUTT) }

    func setDash(_ pattern: [Double]) {
        pattern.withUnsafeBufferPointer { cairo_set_dash(handle, $0.baseAddress, Int32($0.count), 0) }
    }

    /// Restricts drawing to a rectangle until the next `restore`.
    func clip(to r: PixelRect) {
        cairo_rectangle(handle, r.x, r.y, r.width, r.height)
        cairo_clip(handle)
    }

    // MARK: Paths

    func newPath() { cairo_new_path(handle) }
    func move(to p: Point2) { cairo_move_to(handle, p.x, p.y) }
    func line(to p: Point2) { cairo_line_to(handle, p.x, p.y) }
    func closePath() { cairo_close_path(handle) }
    func rectangle(_ r: PixelRect) { cairo_rectangle(handle, r.x, r.y, r.width, r.height) }

    func circle(_ c: Point2, radius: Double) {
        cairo_new_sub_path(handle)
        cairo_arc(handle, c.x, c.y, radius, 0, 2 * Double.pi)
    }

    /// Adds the ellipse center + cos t · a + sin t · b (pixel vectors) as a closed sub-path, by
    /// drawing the unit circle under the affine matrix [a b center]. The caller guarantees that
    /// a and b are independent (|det| well above 0): a singular matrix would poison the context.
    func ellipse(center: Point2, a: Point2, b: Point2) {
        var m = cairo_matrix_t(xx: a.x, yx: a.y, xy: b.x, yy: b.y, x0: center.x, y0: center.y)
        cairo_save(handle)
        cairo_transform(handle, &m)
        cairo_new_sub_path(handle)
        cairo_arc(handle, 0, 0, 1, 0, 2 * Double.pi)
        cairo_close_path(handle)
        // Restoring keeps the path but not the matrix, so the pen is not scaled by the ellipse.
        cairo_restore(handle)
    }

    func fill() { cairo_fill(handle) }
    func fillPreserve() { cairo_fill_preserve(handle) }
    func stroke() { cairo_stroke(handle) }
    func strokePreserve() { cairo_stroke_preserve(handle) }
    func paint() { cairo_paint(handle) }

    // MARK: Text

    /// Lays text out with unhinted metrics and outlines, as a vector surface does, so a raster
    /// frame and its PDF or SVG place every glyph at the same fractional position.
    func useUnhintedText() {
        guard let fontOptions = cairo_font_options_create() else { return }
        cairo_font_options_set_hint_metrics(fontOptions, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(fontOptions, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(handle, fontOptions)
        cairo_font_options_destroy(fontOptions)
    }

    enum Align { case left, center, right }

    /// Selects DejaVu Sans (by name, so no fallback font sneaks in) at `size` logical pixels.
    func font(size: Double, bold: Bool = false) {
        cairo_select_font_face(handle, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(handle, size)
    }

    /// The advance width of `text` in the current font.
    func textWidth(_ text: String) -> Double {
        var extents = cairo_text_extents_t()
        text.withCString { cairo_text_extents(handle, $0, &extents) }
        return extents.x_advance
    }

    /// Draws `text` with its baseline at `baseline`, aligned on `x`.
    func text(_ text: String, x: Double, baseline: Double, align: Align = .left) {
        guard !text.isEmpty else { return }
        var origin = x
        switch align {
        case .left: break
        case .center: origin -= textWidth(text) / 2
        case .right: origin -= textWidth(text)
        }
        cairo_move_to(handle, origin, baseline)
        text.withCString { cairo_show_text(handle, $0) }
        cairo_new_path(handle)
    }

    /// Draws `text` left-aligned at `x` within `width`: as it is when it fits, else in a font
    /// narrowed just enough to fit. Text is never cut: a reader must get every word, so the
    /// layout plans room for it (wrapping or fewer words), and this is the last resort for
    /// what the plan underestimated.
    func text(_ text: String, x: Double, baseline: Double, fitting width: Double, size: Double, bold: Bool = false) {
        font(size: size, bold: bold)
        let natural = textWidth(text)
        guard natural > width, natural > 0, width > 0 else { return self.text(text, x: x, baseline: baseline) }
        font(size: size * width / natural, bold: bold)
        self.text(text, x: x, baseline: baseline)
        font(size: size, bold: bold)
    }

    /// `text` broken at spaces into at most `lines` lines no wider than `width` in the current
    /// font, the words spread so the last line is not left nearly empty; nil when the words do
    /// not fit in that many lines.
    func wrapped(_ text: String, width: Double, lines: Int) -> [String]? {
        let words = text.split(separator: " ").map(String.init)
        guard lines > 0, !words.isEmpty else { return lines > 0 ? [] : nil }
        if textWidth(text) <= width { return [text] }
        guard lines > 1 else { return nil }
        // Greedy filling with a shrinking width: the narrowest width at which the words still
        // fit in `lines` lines balances them.
        func fill(_ limit: Double) -> [String]? {
            var out = [String](), line = ""
            for word in words {
                let candidate = line.isEmpty ? word : line + " " + word
                if textWidth(candidate) <= limit || line.isEmpty {
                    line = candidate
                } else {
                    out.append(line)
                    line = word
                }
            }
            out.append(line)
            return out.count <= lines && out.allSatisfy({ textWidth($0) <= width }) ? out : nil
        }
        guard var best = fill(width) else { return nil }
        // As few lines as the words need, then balanced within that many.
        let needed = best.count
        var limit = width
        while limit > width / Double(needed) {
            limit *= 0.95
            guard let tighter = fill(limit), tighter.count <= needed else { break }
            best = tighter
        }
        return best
    }

    /// Draws `text` in up to `lines` lines within `width`, wrapped at spaces; when even that
    /// does not hold it, the font narrows until it does (see ``text(_:x:baseline:fitting:size:bold:)``).
    func paragraph(_ text: String, x: Double, firstBaseline: Double, width: Double, lines: Int,
                   lineHeight: Double, size: Double, bold: Bool = false) {
        font(size: size, bold: bold)
        var shown: [String]
        if let fitted = wrapped(text, width: width, lines: lines) {
            shown = fitted
        } else {
            // Break into `lines` pieces of about equal length, each narrowed to fit.
            shown = wrapped(text, width: textWidth(text) / Double(max(lines, 1)) * 1.15, lines: lines) ?? [text]
        }
        for (i, line) in shown.enumerated() {
            self.text(line, x: x, baseline: firstBaseline + Double(i) * lineHeight, fitting: width, size: size, bold: bold)
        }
    }

    /// Draws `text` rotated a quarter turn counter-clockwise, centred on `center`.
    func verticalText(_ text: String, center: Point2) {
        let w = textWidth(text)
        cairo_save(handle)
        cairo_translate(handle, center.x, center.y)
        cairo_rotate(handle, -Double.pi / 2)
        cairo_move_to(handle, -w / 2, 0)
        text.withCString { cairo_show_text(handle, $0) }
        cairo_new_path(handle)
        cairo_restore(handle)
    }
}
