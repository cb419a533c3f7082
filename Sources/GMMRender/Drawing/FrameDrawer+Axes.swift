import Foundation

extension FrameDrawer {
    var xTicks: (values: [Double], step: Double) {
        let w = layout.transform.window
        let target = Int(layout.plot.width / 90)
        return (Ticks.values(from: w.xmin, to: w.xmax, target: target), Ticks.step(from: w.xmin, to: w.xmax, target: target))
    }

    var yTicks: (values: [Double], step: Double) {
        let w = layout.transform.window
        let target = Int(layout.plot.height / 55)
        return (Ticks.values(from: w.ymin, to: w.ymax, target: target), Ticks.step(from: w.ymin, to: w.ymax, target: target))
    }

    /// Light lines at the ticks, on whole-pixel centres so they stay crisp.
    func drawGrid() {
        let plot = layout.plot, t = layout.transform
        context.save()
        context.setColor(theme.grid)
        context.setLineWidth(1)
        context.newPath()
        for x in xTicks.values {
            let px = t.pixel(Point2(x: x, y: 0)).x.rounded(.down) + 0.5
            context.move(to: Point2(x: px, y: plot.y))
            context.line(to: Point2(x: px, y: plot.maxY))
        }
        for y in yTicks.values {
            let py = t.pixel(Point2(x: 0, y: y)).y.rounded(.down) + 0.5
            context.move(to: Point2(x: plot.x, y: py))
            context.line(to: Point2(x: plot.maxX, y: py))
        }
        context.stroke()
        context.restore()
    }

    /// The plot frame, outward ticks, tick labels and the axis names.
    func drawAxes() {
        let plot = layout.plot, t = layout.transform
        context.save()
        context.setColor(theme.axis)
        context.setLineWidth(1)
        context.newPath()
        context.rectangle(PixelRect(x: plot.x.rounded(.down) + 0.5, y: plot.y.rounded(.down) + 0.5,
                                    width: plot.width.rounded(), height: plot.height.rounded()))
        let x = xTicks, y = yTicks
        for v in x.values {
            let px = t.pixel(Point2(x: v, y: 0)).x.rounded(.down) + 0.5
            context.move(to: Point2(x: px, y: plot.maxY))
            context.line(to: Point2(x: px, y: plot.maxY + 5))
        }
        for v in y.values {
            let py = t.pixel(Point2(x: 0, y: v)).y.rounded(.down) + 0.5
            context.move(to: Point2(x: plot.x - 5, y: py))
            context.line(to: Point2(x: plot.x, y: py))
        }
        context.stroke()

        context.setColor(theme.mutedText)
        context.font(size: 11)
        for v in x.values {
            context.text(Ticks.label(v, step: x.step), x: t.pixel(Point2(x: v, y: 0)).x, baseline: plot.maxY + 18, align: .center)
        }
        for v in y.values {
            context.text(Ticks.label(v, step: y.step), x: plot.x - 8, baseline: t.pixel(Point2(x: 0, y: v)).y + 4, align: .right)
        }
        context.font(size: 12)
        context.setColor(theme.text)
        context.text(scene.axisLabels.x, x: plot.x + plot.width / 2, baseline: plot.maxY + 35, align: .center)
        context.verticalText(scene.axisLabels.y, center: Point2(x: plot.x - 44, y: plot.y + plot.height / 2))
        context.restore()
    }

    /// The title, centred over the plot, and the header line: phase, iteration, log-likelihood
    /// and the converged mark.
    func drawTitleAndHeader() {
        let plot = layout.plot
        if let baseline = layout.titleBaseline {
            context.setColor(theme.text)
            context.font(size: 17, bold: true)
            context.text(options.title, x: plot.x + plot.width / 2, baseline: baseline, align: .center)
        }
        guard let baseline = layout.headerBaseline else { return }
        var x = plot.x
        func piece(_ text: String, color: UInt32, bold: Bool = false) {
            context.font(size: 13, bold: bold)
            context.setColor(color)
            context.text(text, x: x, baseline: baseline)
            x += context.textWidth(text)
        }
        let separator = "   ·   "
        if let caption = scene.caption, !caption.isEmpty {
            piece(caption, color: theme.text, bold: true)
            piece(separator, color: theme.mutedText)
        }
        piece("iteration ", color: theme.mutedText)
        piece("\(scene.iteration) / \(scene.iterationCount)", color: theme.text, bold: true)
        if let ll = scene.logLikelihood {
            piece(separator, color: theme.mutedText)
            piece("mean log-likelihood ", color: theme.mutedText)
            piece(ll.isFinite ? Ticks.formatted(ll, decimals: 3) : "\(ll)", color: theme.text, bold: true)
        }
        if scene.converged {
            piece(separator, color: theme.mutedText)
            piece("✓ converged", color: theme.text, bold: true)
        }
    }
}
