import Foundation

/// Draws a large point cloud as a density image, the way datashader does: aggregate, then shade.
///
/// Aggregation: each point adds 1 to its device pixel's count and its K responsibilities to the
/// pixel's K sums (a single pass, K + 1 additions per point, no per-point colour). Shading: a
/// pixel's colour is the Oklab mix of the component colours by its summed responsibilities
/// (``ResponsibilityBlender``; the mix is linear, so mixing the sums equals averaging the
/// points' own colours), and its opacity grows with the logarithm of its count, from 0.35 for a
/// single point to 0.9 at the densest pixel — opaque enough to show where the mass is, never
/// fully opaque, so grid and ellipse fills show through and outlines drawn after stay on top.
struct DensityImage {
    /// Opacity of a pixel holding one point.
    static let minimumOpacity: Float = 0.35
    /// Opacity of the densest pixel.
    static let maximumOpacity: Float = 0.9

    /// Aggregates and composites `drawer`'s points into `stamper`'s pixels.
    ///
    /// The points are aggregated in their order in the data set, whether their
    /// responsibilities are stored in the scene or computed here block by block
    /// (``Scene/deferredResponsibilities``): the sums, and so the image, are the same bits.
    /// Memory is the pixels' counts and K sums, and one block of responsibilities.
    static func draw(_ drawer: FrameDrawer, into stamper: PointStamper, scale: Double) throws {
        let scene = drawer.scene
        let k = scene.componentCount
        let clip = stamper.clip
        let cw = clip.x1 - clip.x0, ch = clip.y1 - clip.y0
        guard cw > 0, ch > 0, !scene.points.isEmpty else { return }
        var counts = [Float](repeating: 0, count: cw * ch)
        let kk = max(k, 1)
        var sums = [Float](repeating: 0, count: scene.pointsAssigned && k > 0 ? cw * ch * kk : 0)
        let t = drawer.layout.transform
        // Data → device pixel, relative to the clip's corner.
        let ax = t.sx * scale, bx = (t.plot.x - t.window.xmin * t.sx) * scale - Double(clip.x0)
        let ay = -t.sy * scale, by = (t.plot.y + t.window.ymax * t.sy) * scale - Double(clip.y0)
        let fw = Double(cw), fh = Double(ch)
        let points = scene.points
        try counts.withUnsafeMutableBufferPointer { c in
            try sums.withUnsafeMutableBufferPointer { s in
                let assigned = !s.isEmpty
                /// Adds the points `rows`, whose responsibilities start at `r` (row i at
                /// `r + (i − rows.lowerBound)·K`; unused when not assigned).
                func add(_ rows: Range<Int>, _ r: UnsafeBufferPointer<Double>) {
                    points.withPoints(rows) { block in
                        for offset in 0 ..< block.count {
                            let x = block[offset].x * ax + bx, y = block[offset].y * ay + by
                            // Also rejects NaN.
                            guard x >= 0, x < fw, y >= 0, y < fh else { continue }
                            let index = Int(y) * cw + Int(x)
                            c[index] += 1
                            if assigned {
                                let base = index * kk, row = offset * kk
                                for j in 0 ..< kk { s[base + j] += Float(r[row + j]) }
                            }
                        }
                    }
                }
                if assigned, scene.responsibilities.isEmpty, let deferred = scene.deferredResponsibilities {
                    try deferred.forEachBlock { rows, r in add(rows, r) }
                } else {
                    scene.responsibilities.withUnsafeBufferPointer { r in
                        for rows in DeferredResponsibilities.blocks(points.count) {
                            add(rows, assigned ? UnsafeBufferPointer(rebasing: r[(rows.lowerBound * kk) ..< (rows.upperBound * kk)]) : r)
                        }
                    }
                }
            }
        }
        let densest = counts.max() ?? 0
        guard densest > 0 else { return }
        let blender = ResponsibilityBlender(componentColors: drawer.componentColors)
        let grey = blender.unassigned
        let logMax = log1p(densest)
        var row = [Double](repeating: 0, count: kk)
        for py in 0 ..< ch {
            for px in 0 ..< cw {
                let index = py * cw + px
                let n = counts[index]
                guard n > 0 else { continue }
                let color: RGB
                if sums.isEmpty {
                    color = grey
                } else {
                    for j in 0 ..< kk { row[j] = Double(sums[index * kk + j]) }
                    color = row.withUnsafeBufferPointer { blender.color($0) }
                }
                let alpha = densest > 1
                    ? minimumOpacity + (maximumOpacity - minimumOpacity) * (log1p(n) - log(2)) / (logMax - log(2))
                    : minimumOpacity
                stamper.composite(x: clip.x0 + px, y: clip.y0 + py, color: color, alpha: alpha)
            }
        }
    }
}

extension PointStamper {
    /// Blends `color` over pixel (x, y) with opacity `alpha`.
    func composite(x: Int, y: Int, color: RGB, alpha: Float) {
        let i = y * width + x
        let old = pixels[i]
        let keep = 1 - alpha
        let r = Float((old >> 16) & 0xFF) * keep + Float(color.red * 255) * alpha
        let g = Float((old >> 8) & 0xFF) * keep + Float(color.green * 255) * alpha
        let b = Float(old & 0xFF) * keep + Float(color.blue * 255) * alpha
        pixels[i] = UInt32(r + 0.5) << 16 | UInt32(g + 0.5) << 8 | UInt32(b + 0.5)
    }
}
