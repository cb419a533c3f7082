import GMMRender
import GMMImage

/// One frame of the player as it is embedded: a whole PNG, or only what changed since the
/// frame before, as rectangles stacked into one PNG.
///
/// Consecutive frames of a fit differ in a few places (ellipses, recoloured points, the header,
/// the inset), so patches take about half the bytes of whole frames. The page rebuilds frame i
/// by drawing the last whole frame at or before i and then every patch after it, which gives
/// back exactly the pixels of the PNG frame (the browser test compares them).
struct FramePatch: Sendable {
    /// A changed rectangle in device pixels: `x`, `y`, `width`, `height`. In the patch image the
    /// rectangles are stacked top to bottom, each at x = 0, in this order.
    typealias Rect = (x: Int, y: Int, width: Int, height: Int)

    /// The PNG to draw, or nil when nothing changed.
    let png: [UInt8]?
    /// nil for a whole frame; otherwise where each stacked rectangle of `png` goes.
    let rects: [Rect]?

    /// Side of the square tiles compared between frames: small enough to follow thin ellipse
    /// outlines, large enough that a frame has at most a few hundred rectangles.
    static let tile = 16

    /// At most this many frames are patches between two whole frames, so stepping back never
    /// replays more than this many patches.
    static let wholeFrameInterval = 12

    /// `frame` as a whole PNG (`previous` nil, or `whole`), or as patches against `previous`
    /// — unless the patches' PNG would not be smaller than the whole frame's (points recoloured
    /// all over the plot can touch most tiles), which is then embedded whole.
    static func encode(_ frame: RGBImage, after previous: RGBImage?, whole: Bool) throws -> FramePatch {
        guard let previous, !whole, previous.width == frame.width, previous.height == frame.height else {
            return FramePatch(png: try frame.pngData(), rects: nil)
        }
        let rects = changedRects(frame, previous)
        guard !rects.isEmpty else { return FramePatch(png: nil, rects: []) }
        let width = rects.map(\.width).max() ?? 0
        let height = rects.reduce(0) { $0 + $1.height }
        var pixels = [UInt32](repeating: 0, count: width * height)
        var top = 0
        for r in rects {
            for row in 0 ..< r.height {
                let source = (r.y + row) * frame.width + r.x
                let target = (top + row) * width
                for column in 0 ..< r.width { pixels[target + column] = frame.pixels[source + column] }
            }
            top += r.height
        }
        let patches = try RGBImage(width: width, height: height, pixels: pixels).pngData()
        // Patches covering little of the frame are smaller for certain; only large ones are
        // weighed against the whole frame.
        if width * height * 4 > frame.width * frame.height {
            let wholeFrame = try frame.pngData()
            if wholeFrame.count <= patches.count { return FramePatch(png: wholeFrame, rects: nil) }
        }
        return FramePatch(png: patches, rects: rects)
    }

    /// The tiles where `a` and `b` differ, merged into runs along each row of tiles and clipped
    /// to the frame, top to bottom and left to right.
    static func changedRects(_ a: RGBImage, _ b: RGBImage) -> [Rect] {
        let t = tile, w = a.width, h = a.height
        var rects = [Rect]()
        a.pixels.withUnsafeBufferPointer { pa in
            b.pixels.withUnsafeBufferPointer { pb in
                for ty in stride(from: 0, to: h, by: t) {
                    let rows = min(t, h - ty)
                    var runStart: Int?
                    // One column of tiles past the edge, never changed, closes the last run.
                    for tx in stride(from: 0, to: w + t, by: t) {
                        var changed = false
                        if tx < w {
                            let columns = min(t, w - tx)
                            search: for y in ty ..< ty + rows {
                                let base = y * w + tx
                                for x in base ..< base + columns where pa[x] != pb[x] {
                                    changed = true
                                    break search
                                }
                            }
                        }
                        if changed, runStart == nil { runStart = tx }
                        if !changed, let start = runStart {
                            rects.append((start, ty, min(tx, w) - start, rows))
                            runStart = nil
                        }
                    }
                }
            }
        }
        return rects
    }
}
