import Foundation

extension FrameDrawer {
    /// How strongly a region takes its component's colour over the background.
    static let regionTint = 0.2
    /// The darkest the density shade gets, at the highest density on the plot.
    static let shadeStrength = 0.45

    /// The density shade, the regions and the contour lines of the drawn 2-D mixture, clipped
    /// to the plot; drawn before the grid, so under everything else.
    func drawField() throws {
        guard options.drawsField, case .plane = scene.view, !scene.components.isEmpty else { return }
        let scale = context.deviceScale
        let t = layout.transform
        let key = FieldCache.Key(components: scene.components, plot: [t.plot.x, t.plot.y, t.plot.width, t.plot.height],
                                 window: [t.window.xmin, t.window.xmax, t.window.ymin, t.window.ymax], scale: scale,
                                 colors: componentColors + [theme.background, theme.text],
                                 regions: options.showRegions, density: options.density)
        let drawing = FieldCache.shared.drawing(for: key) { prepareField(scale: scale) }
        context.save()
        context.clip(to: layout.plot)
        if !drawing.pixels.isEmpty {
            try context.paintImage(drawing.pixels, width: drawing.width, height: drawing.height,
                                   origin: Point2(x: Double(drawing.x) / scale, y: Double(drawing.y) / scale), pixelSize: 1 / scale)
        }
        context.setRoundCaps()
        for (i, lines) in drawing.contours.enumerated() where !lines.isEmpty {
            context.newPath()
            for line in lines {
                guard let first = line.first else { continue }
                context.move(to: first)
                for p in line.dropFirst() { context.line(to: p) }
            }
            // The innermost levels slightly bolder, so nesting reads at a glance.
            context.setLineWidth(0.9 + 0.35 * Double(i))
            context.setColor(theme.text, alpha: 0.45 + 0.1 * Double(i))
            context.stroke()
        }
        context.restore()
    }

    /// The note that says what the contours are, at the plot's lower left corner.
    func drawContourNote() {
        guard options.density == .contours, case .plane = scene.view else { return }
        let percents = DensityLevels.masses.reversed().map { "\(Int(($0 * 100).rounded()))" }.joined(separator: ", ")
        let text = "contours enclose \(percents) % of the mixture's mass"
        context.font(size: 11 * layout.style.unit)
        let w = context.textWidth(text)
        let x = layout.plot.x + 6, y = layout.plot.maxY - 6
        context.newPath()
        context.rectangle(PixelRect(x: x - 3, y: y - 12, width: w + 6, height: 16))
        context.setColor(theme.background, alpha: 0.8)
        context.fill()
        context.setColor(theme.mutedText)
        context.text(text, x: x, baseline: y)
    }

    /// Computes the field and turns it into an image and contour segments.
    func prepareField(scale: Double) -> FieldCache.Drawing {
        let field = DensityField(components: scene.components, transform: layout.transform, scale: scale,
                                 regions: options.showRegions, density: options.density != .none)
        var pixels = [UInt32]()
        let background = RGB(theme.background)
        if options.showRegions || options.density == .shade {
            let tints = componentColors.map { background.mixed(with: RGB($0), Self.regionTint) }
            let packedTints = tints.map(\.packed)
            let ink = RGB(theme.text)
            let peak = field.density.max() ?? 0
            let shade = options.density == .shade && peak > 0
            let s = DensityField.densityStride
            pixels = [UInt32](repeating: theme.background, count: field.columns * field.rows)
            pixels.withUnsafeMutableBufferPointer { out in
                for j in 0 ..< field.rows {
                    for i in 0 ..< field.columns {
                        let k = options.showRegions ? Int(field.owner[j * field.columns + i]) : 255
                        guard shade else {
                            if k < packedTints.count { out[j * field.columns + i] = packedTints[k] }
                            continue
                        }
                        // The nearest grid sample; the square root lifts the tails into view.
                        let f = field.density[(j + s / 2) / s * field.densityColumns + (i + s / 2) / s]
                        let c = k < tints.count ? tints[k] : background
                        out[j * field.columns + i] = c.mixed(with: ink, Self.shadeStrength * (f / peak).squareRoot()).packed
                    }
                }
            }
        }
        var contours = [[[Point2]]]()
        if options.density == .contours {
            let step = Double(DensityField.densityStride) / scale
            let origin = Point2(x: (Double(field.x0) + 0.5) / scale, y: (Double(field.y0) + 0.5) / scale)
            contours = field.levels.map { level in
                Self.polylines(Self.marchingSquares(field.density, columns: field.densityColumns, rows: field.densityRows, level: level))
                    .map { line in line.map { Point2(x: origin.x + $0.x * step, y: origin.y + $0.y * step) } }
            }
        }
        return FieldCache.Drawing(pixels: pixels, x: field.x0, y: field.y0, width: field.columns, height: field.rows, contours: contours)
    }

    /// Joins segments that share end points into polylines, so a contour is stroked as a few
    /// long paths instead of thousands of pieces. The two cells beside a grid edge compute its
    /// crossing from the same two values in the same order, so shared end points are
    /// bit-identical.
    static func polylines(_ segments: [(Point2, Point2)]) -> [[Point2]] {
        var ends = [Point2: [Int]]()
        for (i, s) in segments.enumerated() {
            ends[s.0, default: []].append(i)
            ends[s.1, default: []].append(i)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var out = [[Point2]]()
        func extend(_ line: inout [Point2]) {
            while let last = line.last, let next = ends[last]?.first(where: { !used[$0] }) {
                used[next] = true
                line.append(segments[next].0 == last ? segments[next].1 : segments[next].0)
            }
        }
        for i in segments.indices where !used[i] {
            used[i] = true
            var forward = [segments[i].0, segments[i].1]
            extend(&forward)
            var backward = [segments[i].0]
            extend(&backward)
            out.append(backward.reversed() + forward.dropFirst())
        }
        return out
    }

    /// The segments of the curve f = `level` through a `rows` × `columns` grid of samples, in
    /// grid units (x along a row), by marching squares with linear interpolation on the edges.
    /// A saddle cell is split by its centre value (the mean of its corners).
    static func marchingSquares(_ f: [Double], columns: Int, rows: Int, level: Double) -> [(Point2, Point2)] {
        guard columns >= 2, rows >= 2, level.isFinite else { return [] }
        var out = [(Point2, Point2)]()
        func crossing(_ a: Double, _ b: Double) -> Double {
            let d = b - a
            return d != 0 ? min(max((level - a) / d, 0), 1) : 0.5
        }
        for j in 0 ..< rows - 1 {
            for i in 0 ..< columns - 1 {
                let v0 = f[j * columns + i], v1 = f[j * columns + i + 1]
                let v2 = f[(j + 1) * columns + i + 1], v3 = f[(j + 1) * columns + i]
                let index = (v0 >= level ? 1 : 0) | (v1 >= level ? 2 : 0) | (v2 >= level ? 4 : 0) | (v3 >= level ? 8 : 0)
                if index == 0 || index == 15 { continue }
                let x = Double(i), y = Double(j)
                // Edge points: top (v0–v1), right (v1–v2), bottom (v3–v2), left (v0–v3).
                let top = Point2(x: x + crossing(v0, v1), y: y)
                let right = Point2(x: x + 1, y: y + crossing(v1, v2))
                let bottom = Point2(x: x + crossing(v3, v2), y: y + 1)
                let left = Point2(x: x, y: y + crossing(v0, v3))
                switch index {
                case 1, 14: out.append((left, top))
                case 2, 13: out.append((top, right))
                case 3, 12: out.append((left, right))
                case 4, 11: out.append((right, bottom))
                case 6, 9: out.append((top, bottom))
                case 7, 8: out.append((left, bottom))
                case 5, 10:
                    let centreAbove = (v0 + v1 + v2 + v3) / 4 >= level
                    if (index == 5) == centreAbove {
                        out.append((left, bottom))
                        out.append((top, right))
                    } else {
                        out.append((left, top))
                        out.append((right, bottom))
                    }
                default: break
                }
            }
        }
        return out
    }
}
