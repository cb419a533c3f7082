/// Where the iteration numbers along the paths of the means go: a point of a path is labelled
/// with its iteration only where it lies at least ``spacing`` from the last labelled point of
/// the same path, so a fit that settles (many iterations on one spot) gets one number there,
/// not a pile. Each label is put beside its point at the first of four corners where its box
/// stays inside the plot, comes no nearer than ``offset`` to a label already placed (of any
/// path) and overlaps no box to keep clear (the mean markers); a point with no such corner is
/// left unlabelled.
///
/// Pure arithmetic on pixel positions and text widths, so it is tested without Cairo.
struct PathLabels {
    /// One placed label: the iteration, its text box, and where its text starts.
    struct Label: Equatable {
        var iteration: Int
        var box: PixelRect
        var origin: Point2
    }

    /// The text height of a label (its box is this tall, from `origin.y − height` to `origin.y`
    /// plus a descent-free margin).
    let height: Double
    /// The least distance between two labelled points of one path.
    let spacing: Double
    /// The gap between a point and the nearest corner of its label.
    let offset: Double

    /// Labels for `paths` (K paths of pixel positions, position j at iteration j), leaving out
    /// each path's last position, where the mean's marker is; `width` measures a label's text.
    func place(_ paths: [[Point2]], inside plot: PixelRect, avoiding keepClear: [PixelRect],
               width: (String) -> Double) -> [Label] {
        var placed = [Label]()
        for path in paths where path.count >= 2 {
            var last: Point2?
            for j in 0 ..< (path.count - 1) {
                let p = path[j]
                guard p.isFinite else { continue }
                if let q = last, ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot() < spacing { continue }
                let text = "\(j)"
                let w = width(text)
                let boxes = [
                    PixelRect(x: p.x + offset, y: p.y - offset - height, width: w, height: height),
                    PixelRect(x: p.x - offset - w, y: p.y - offset - height, width: w, height: height),
                    PixelRect(x: p.x + offset, y: p.y + offset, width: w, height: height),
                    PixelRect(x: p.x - offset - w, y: p.y + offset, width: w, height: height),
                ]
                guard let box = boxes.first(where: { box in
                    // Labels keep a gap of `offset` between them, so "3" and "1" never read as "31".
                    let padded = PixelRect(x: box.x - offset, y: box.y - offset, width: box.width + 2 * offset, height: box.height + 2 * offset)
                    return Self.contains(plot, box) && !placed.contains { Self.overlap($0.box, padded) }
                        && !keepClear.contains { Self.overlap($0, box) }
                }) else { continue }
                placed.append(Label(iteration: j, box: box, origin: Point2(x: box.x, y: box.maxY)))
                last = p
            }
        }
        return placed
    }

    /// Whether two boxes share any area.
    static func overlap(_ a: PixelRect, _ b: PixelRect) -> Bool {
        a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY
    }

    static func contains(_ outer: PixelRect, _ inner: PixelRect) -> Bool {
        inner.x >= outer.x && inner.maxX <= outer.maxX && inner.y >= outer.y && inner.maxY <= outer.maxY
    }
}
