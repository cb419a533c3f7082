/// Drawing pieces shared by the frame and the model-selection chart, so both read alike.
extension CairoContext {
    /// Hairline grid lines across `plot`: vertical at the pixel columns `xs`, horizontal at the
    /// pixel rows `ys`, each on a whole-pixel centre so it stays crisp.
    func gridLines(in plot: PixelRect, xs: [Double], ys: [Double], color: UInt32) {
        save()
        setColor(color)
        setLineWidth(1)
        newPath()
        for x in xs {
            let px = x.rounded(.down) + 0.5
            move(to: Point2(x: px, y: plot.y))
            line(to: Point2(x: px, y: plot.maxY))
        }
        for y in ys {
            let py = y.rounded(.down) + 0.5
            move(to: Point2(x: plot.x, y: py))
            line(to: Point2(x: plot.maxX, y: py))
        }
        stroke()
        restore()
    }

    /// The mean marker: a disc in `color` inside a ring of the background (`halo`) and an
    /// outline in `outline`, 8 units in radius — larger than any data point.
    func meanMarker(at p: Point2, color: UInt32, outline: UInt32, halo: UInt32, unit u: Double = 1) {
        newPath()
        circle(p, radius: 8 * u)
        setColor(outline)
        fill()
        circle(p, radius: 6.6 * u)
        setColor(halo)
        fill()
        circle(p, radius: 4.8 * u)
        setColor(color)
        fill()
    }

    /// A tick on an axis: its pixel position along the axis and its label.
    typealias Tick = (pixel: Double, label: String)

    /// The plot's frame, outward ticks (5 units) on the bottom and left edges, and their labels
    /// in `fontSize` text (11 when not given). Leaves that font selected.
    func axisFrame(in plot: PixelRect, x xTicks: [Tick], y yTicks: [Tick], line: UInt32, labels: UInt32,
                   unit u: Double = 1, fontSize: Double = 11) {
        setColor(line)
        setLineWidth(max(1, u.rounded(.down)))
        newPath()
        rectangle(PixelRect(x: plot.x.rounded(.down) + 0.5, y: plot.y.rounded(.down) + 0.5,
                            width: plot.width.rounded(), height: plot.height.rounded()))
        for tick in xTicks {
            let px = tick.pixel.rounded(.down) + 0.5
            move(to: Point2(x: px, y: plot.maxY))
            self.line(to: Point2(x: px, y: plot.maxY + 5 * u))
        }
        for tick in yTicks {
            let py = tick.pixel.rounded(.down) + 0.5
            move(to: Point2(x: plot.x - 5 * u, y: py))
            self.line(to: Point2(x: plot.x, y: py))
        }
        stroke()
        setColor(labels)
        font(size: fontSize)
        let digit = fontSize * 0.729
        // Below the ticks and clear of the lowest vertical label, which is centred on the corner.
        let xLabelTop = plot.maxY + max(8 * u, digit / 2 + 4 * u)
        for tick in xTicks { text(tick.label, x: tick.pixel, baseline: xLabelTop + digit, align: .center) }
        for tick in yTicks { text(tick.label, x: plot.x - 8 * u, baseline: tick.pixel + digit / 2, align: .right) }
    }
}
