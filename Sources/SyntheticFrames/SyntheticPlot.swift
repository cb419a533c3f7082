import Foundation
import GMMImage

/// Plot-like frames for the GIF tests and gmmviz-bench, made without the renderer: a white
/// background, grey grid, black axes, a few hundred dots whose colour drifts between component
/// colours, and component ellipses (translucent fill, 2-pixel outline) that move and turn.
/// Edges are anti-aliased the way Cairo composites, `a + coverage × (b − a)` in sRGB.
public enum SyntheticPlot {
    /// The exact colours the scene uses: background, grid, axes, then component colours.
    public static let seeds: [UInt32] = [0xFFFFFF, 0xE0E0E0, 0x000000,
                                         0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD]

    /// Frame `index` of `count`, `width × height` pixels.
    public static func frame(index: Int, count: Int, width: Int, height: Int) -> RGBImage {
        var canvas = Canvas(width: width, height: height, color: seeds[0])
        let step = max(20, min(width, height) / 6)
        for x in stride(from: step, to: width, by: step) { canvas.fill(x: x, y: 0, w: 1, h: height, color: seeds[1]) }
        for y in stride(from: step, to: height, by: step) { canvas.fill(x: 0, y: y, w: width, h: 1, color: seeds[1]) }
        canvas.fill(x: 2, y: 0, w: 1, h: height, color: seeds[2])
        canvas.fill(x: 0, y: height - 3, w: width, h: 1, color: seeds[2])
        let progress = count > 1 ? Double(index) / Double(count - 1) : 0
        let components = 5
        var rng = UInt64(0x9E37_79B9_7F4A_7C15)
        let dots = max(8, width * height / 2000)
        for d in 0..<dots {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            let x = Double(rng >> 40 & 0xFFFF) / 65536 * Double(width)
            let y = Double(rng >> 20 & 0xFFFF) / 65536 * Double(height)
            let home = d % components
            let other = (home + 1) % components
            // Responsibilities settle as the fit converges: colours drift, then stop.
            let mix = max(0, 0.5 - progress) * Double((d * 7) % 10) / 10
            let color = Canvas.blend(seeds[3 + home], seeds[3 + other], mix)
            canvas.disc(cx: x, cy: y, radius: 2.5, color: color)
        }
        for k in 0..<components {
            let angle = Double(k) * 2 * Double.pi / Double(components) + progress * 1.5
            let spread = 0.15 + 0.15 * (1 - progress)
            let cx = Double(width) * (0.5 + spread * cos(angle))
            let cy = Double(height) * (0.5 + spread * sin(angle))
            let rx = Double(min(width, height)) * (0.18 - 0.08 * progress)
            let ry = rx * (0.5 + 0.3 * sin(Double(k) + progress * 3))
            canvas.ellipse(cx: cx, cy: cy, rx: max(2, rx), ry: max(2, ry), theta: angle + progress,
                           color: seeds[3 + k])
        }
        return RGBImage(width: width, height: height, pixels: canvas.pixels)
    }

    private struct Canvas {
        let width: Int
        let height: Int
        var pixels: [UInt32]

        init(width: Int, height: Int, color: UInt32) {
            self.width = width
            self.height = height
            pixels = [UInt32](repeating: color, count: width * height)
        }

        static func blend(_ a: UInt32, _ b: UInt32, _ t: Double) -> UInt32 {
            func ch(_ s: UInt32) -> UInt32 {
                let x = Double((a >> s) & 0xFF), y = Double((b >> s) & 0xFF)
                return UInt32((x + t * (y - x)).rounded()) << s
            }
            return ch(16) | ch(8) | ch(0)
        }

        mutating func fill(x: Int, y: Int, w: Int, h: Int, color: UInt32) {
            for yy in max(0, y)..<min(height, y + h) {
                for xx in max(0, x)..<min(width, x + w) { pixels[yy * width + xx] = color }
            }
        }

        mutating func paint(_ x: Int, _ y: Int, _ color: UInt32, _ coverage: Double) {
            guard coverage > 0, x >= 0, y >= 0, x < width, y < height else { return }
            let i = y * width + x
            pixels[i] = Canvas.blend(pixels[i], color, min(1, coverage))
        }

        mutating func disc(cx: Double, cy: Double, radius: Double, color: UInt32) {
            for y in Int(cy - radius - 1)...Int(cy + radius + 1) {
                for x in Int(cx - radius - 1)...Int(cx + radius + 1) {
                    let d = ((Double(x) + 0.5 - cx) * (Double(x) + 0.5 - cx)
                        + (Double(y) + 0.5 - cy) * (Double(y) + 0.5 - cy)).squareRoot()
                    paint(x, y, color, radius + 0.5 - d)
                }
            }
        }

        mutating func ellipse(cx: Double, cy: Double, rx: Double, ry: Double, theta: Double, color: UInt32) {
            let (c, s) = (cos(theta), sin(theta))
            let r = max(rx, ry) + 2
            let lineHalf = 1.0
            for y in Int(cy - r)...Int(cy + r) {
                for x in Int(cx - r)...Int(cx + r) {
                    let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                    let u = (c * dx + s * dy) / rx, v = (-s * dx + c * dy) / ry
                    let n = (u * u + v * v).squareRoot()
                    let distance = (n - 1) * min(rx, ry)
                    if n < 1 { paint(x, y, color, 0.15) }
                    paint(x, y, color, lineHalf + 0.5 - abs(distance))
                }
            }
        }
    }
}
