/// Draws the points of the raster path straight into the RGB24 pixel buffer, bypassing Cairo:
/// 100,000 anti-aliased discs cost a few milliseconds this way against tens through paths.
///
/// Each disc is a fill of radius r − rim with a darker rim out to r, anti-aliased by a linear
/// ramp of one pixel on the distance d from the pixel centre: coverage = clamp(r + ½ − d, 0, 1).
/// Coverages are precomputed once per frame for centres quantised to 1/8 pixel (an error of at
/// most 1/16 px, invisible) as lists of the pixels a disc touches, so the per-point work is a
/// table walk and a blend. The look matches ``FrameDrawer/drawVectorPoints()`` up to
/// anti-aliasing.
struct PointStamper {
    /// The device pixels: `height` rows of `width` 0x??RRGGBB words, top row first.
    let pixels: UnsafeMutablePointer<UInt32>
    let width: Int
    let height: Int
    /// Device pixels that may be touched: [x0, x1) × [y0, y1).
    let clip: (x0: Int, y0: Int, x1: Int, y1: Int)

    /// One pixel of a stamp: its offset from the pixel holding the centre, and how much of it
    /// the rim ring and the fill cover (rim + fill ≤ 1).
    struct Tap: Sendable {
        var dx: Int32
        var dy: Int32
        var rim: Float
        var fill: Float
    }

    /// Sub-pixel positions per axis.
    static let subdivisions = 8

    /// Taps of a disc of radius `r` with a rim of width `rim`, for every quantised centre
    /// (index qy · subdivisions + qx); `hollow` leaves the inside uncovered (a ring only).
    static func stamps(radius r: Double, rim: Double, hollow: Bool = false) -> [[Tap]] {
        let q = subdivisions
        let inner = max(r - rim, 0)
        let reach = Int((r + 1).rounded(.up))
        var out = [[Tap]]()
        out.reserveCapacity(q * q)
        for qy in 0 ..< q {
            for qx in 0 ..< q {
                let fx = (Double(qx) + 0.5) / Double(q), fy = (Double(qy) + 0.5) / Double(q)
                var taps = [Tap]()
                for dy in -reach ... reach {
                    for dx in -reach ... reach {
                        let ddx = Double(dx) + 0.5 - fx, ddy = Double(dy) + 0.5 - fy
                        let d = (ddx * ddx + ddy * ddy).squareRoot()
                        let outer = min(max(r + 0.5 - d, 0), 1)
                        guard outer > 0 else { continue }
                        let fill = min(max(inner + 0.5 - d, 0), 1)
                        guard !hollow || outer - fill > 0 else { continue }
                        taps.append(Tap(dx: Int32(dx), dy: Int32(dy), rim: Float(outer - fill), fill: hollow ? 0 : Float(fill)))
                    }
                }
                out.append(taps)
            }
        }
        return out
    }

    /// Stamps every point of `scene` as the drawer would place it, scaled to device pixels:
    /// each at its uncertainty's size (``PointSize``), hollow points as rings, in
    /// ``PointColors/drawingOrder``.
    func stamp(_ drawer: FrameDrawer, scale: Double) {
        let scene = drawer.scene
        let radius = FrameDrawer.pointRadius(options: drawer.options, count: scene.points.count) * scale
        guard radius > 0, clip.x0 < clip.x1, clip.y0 < clip.y1, !scene.points.isEmpty else { return }
        let colors = PointColors(scene: scene, componentColors: drawer.componentColors)
        let stamps = PointStamps.cached(radius: radius,
                                        rim: FrameDrawer.rimWidth(radius: radius / scale, unit: drawer.u) * scale,
                                        ring: PointSize.hollowRing * drawer.u * scale)
        let t = drawer.layout.transform
        let q = Double(Self.subdivisions)
        let perSlot = Self.subdivisions * Self.subdivisions
        let reach = radius * PointSize.radiusFactor(UInt8(PointSize.levels - 1)) + 2
        stamps.taps.withUnsafeBufferPointer { taps in
            stamps.ranges.withUnsafeBufferPointer { ranges in
                for i in colors.drawingOrder {
                    let p = t.pixel(scene.points[i])
                    let cx = p.x * scale, cy = p.y * scale
                    guard cx.isFinite, cy.isFinite,
                          cx + reach >= Double(clip.x0), cx - reach <= Double(clip.x1),
                          cy + reach >= Double(clip.y0), cy - reach <= Double(clip.y1) else { continue }
                    let bx = cx.rounded(.down), by = cy.rounded(.down)
                    let qx = min(Int((cx - bx) * q), Self.subdivisions - 1), qy = min(Int((cy - by) * q), Self.subdivisions - 1)
                    let fill = colors.fills[i], level = colors.levels[i]
                    let rimColor = level == PointSize.hollow ? fill : fill.scaled(PointColors.rimFactor)
                    let range = ranges[PointStamps.slot(level) * perSlot + qy * Self.subdivisions + qx]
                    blend(UnsafeBufferPointer(rebasing: taps[range]), x: Int(bx), y: Int(by), fill: fill, rimColor: rimColor)
                }
            }
        }
    }

    /// Composites one stamp whose centre lies in pixel (x, y).
    func blend(_ taps: UnsafeBufferPointer<Tap>, x: Int, y: Int, fill: RGB, rimColor: RGB) {
        let fr = Float(fill.red * 255), fg = Float(fill.green * 255), fb = Float(fill.blue * 255)
        let rr = Float(rimColor.red * 255), rg = Float(rimColor.green * 255), rb = Float(rimColor.blue * 255)
        let solid = UInt32(fr + 0.5) << 16 | UInt32(fg + 0.5) << 8 | UInt32(fb + 0.5)
        for tap in taps {
            let px = x + Int(tap.dx), py = y + Int(tap.dy)
            guard px >= clip.x0, px < clip.x1, py >= clip.y0, py < clip.y1 else { continue }
            let index = py * width + px
            if tap.fill >= 1 {
                pixels[index] = solid
                continue
            }
            let background = 1 - tap.rim - tap.fill
            let old = pixels[index]
            let br = Float((old >> 16) & 0xFF), bg = Float((old >> 8) & 0xFF), bb = Float(old & 0xFF)
            let nr = br * background + rr * tap.rim + fr * tap.fill
            let ng = bg * background + rg * tap.rim + fg * tap.fill
            let nb = bb * background + rb * tap.rim + fb * tap.fill
            // + ½ then truncation rounds (all values are ≥ 0) without a call into libm.
            pixels[index] = UInt32(nr + 0.5) << 16 | UInt32(ng + 0.5) << 8 | UInt32(nb + 0.5)
        }
    }
}
