import Foundation

extension FrameDrawer {
    /// The colour of warnings: a dark red on the light theme, a light red on the dark one, both
    /// far in hue or lightness from every component colour so a warning never reads as a
    /// component.
    var warningColor: UInt32 { options.theme == .dark ? 0xFF7B7B : 0xB00020 }

    /// What is drawn on top of everything else when something went wrong: a mark on each
    /// starved component, then the banner.
    func drawWarnings() {
        drawStarvedMarks()
        if let banner = scene.banner { drawBanner(banner) }
    }

    /// "N≈1.2" for an effective count below 10, "N≈14" above.
    static func effectiveCountText(_ n: Double) -> String {
        "N≈" + Ticks.formatted(n, decimals: n < 10 ? 1 : 0)
    }

    /// The header's warning, "⚠ component 2 starved (N≈1.0)", or nil when none is starved.
    static func starvedHeaderText(_ scene: Scene) -> String? {
        guard !scene.starved.isEmpty else { return nil }
        let counts = scene.starved.map { scene.effectiveCounts.indices.contains($0) ? effectiveCountText(scene.effectiveCounts[$0]) : "N≈?" }
        let names = scene.starved.map { "\($0 + 1)" }.joined(separator: ", ")
        return "⚠ component\(scene.starved.count == 1 ? "" : "s") \(names) starved (\(counts.joined(separator: ", ")))"
    }

    /// The starved component's mark: a dashed ring in the warning colour over a halo, with a
    /// pen `pen` wide; the key draws it smaller.
    func warningRing(at p: Point2, radius: Double, pen: Double) {
        context.newPath()
        context.circle(p, radius: radius)
        context.setDash([])
        context.setLineWidth(pen + 2.8 * u)
        context.setColor(theme.halo, alpha: 0.85)
        context.stroke()
        context.newPath()
        context.circle(p, radius: radius)
        context.setDash([pen * 2.3, pen * 1.4])
        context.setLineWidth(pen)
        context.setColor(warningColor)
        context.stroke()
        context.setDash([])
    }

    /// A dashed ring in the warning colour around each starved component's mean, with
    /// "⚠ 2: N≈1.0" beside it, in the 2-D views (the 1-D and pairs views say it in the header).
    func drawStarvedMarks() {
        guard case .plane = scene.view, !scene.starved.isEmpty, options.showMeans || options.showEllipses else { return }
        context.save()
        context.clip(to: layout.plot)
        let radius = 15 * u
        for k in scene.starved where scene.components.indices.contains(k) {
            let p = layout.transform.pixel(scene.components[k].mean)
            guard inGuard(p) else { continue }
            warningRing(at: p, radius: radius, pen: 2.2 * u)
            let label = "⚠ \(k + 1): " + Self.effectiveCountText(scene.effectiveCounts.indices.contains(k) ? scene.effectiveCounts[k] : 0)
            context.font(size: layout.style.noteFont, bold: true)
            let width = context.textWidth(label)
            // Right of the ring, or left of it when that would leave the plot.
            let x = p.x + radius + 5 * u + width <= layout.plot.maxX ? p.x + radius + 5 * u : p.x - radius - 5 * u - width
            let baseline = p.y + 0.35 * layout.style.noteFont
            context.setColor(theme.halo, alpha: 0.85)
            context.rectangle(PixelRect(x: x - 3 * u, y: baseline - layout.style.noteFont, width: width + 6 * u,
                                        height: 1.3 * layout.style.noteFont))
            context.fill()
            context.setColor(warningColor)
            context.text(label, x: x, baseline: baseline)
        }
        context.restore()
    }

    /// The banner: a box across the plot (at its top, middle or bottom, where it hides least), framed in the warning colour, with the
    /// component's colour as a disc before the bold headline and the detail wrapped under it.
    func drawBanner(_ banner: FrameBanner) {
        let plot = layout.plot
        let pad = 10 * u, headline = layout.style.headerFont, body = layout.style.noteFont
        let width = min(plot.width - 2 * pad, 640 * u)
        let swatch = banner.component.map { componentColors.indices.contains($0) ? componentColors[$0] : theme.text }
        let indent = swatch == nil ? 0 : headline * 1.2
        context.font(size: body)
        let lines = wrap(banner.detail, width: width - 2 * pad)
        let height = pad * 2 + headline * 1.25 + Double(lines.count) * body * 1.3
        let y = bannerTop(height: height, margin: pad, banner: banner)
        let box = PixelRect(x: plot.x + (plot.width - width) / 2, y: y, width: width, height: height)
        context.save()
        context.newPath()
        context.rectangle(box)
        context.setColor(theme.background, alpha: 0.94)
        context.fillPreserve()
        context.setLineWidth(2.5 * u)
        context.setColor(warningColor)
        context.stroke()
        var baseline = box.y + pad + headline
        if let swatch {
            context.newPath()
            context.circle(Point2(x: box.x + pad + headline * 0.45, y: baseline - headline * 0.36), radius: headline * 0.45)
            context.setColor(swatch)
            context.fillPreserve()
            context.setLineWidth(1 * u)
            context.setColor(theme.text)
            context.stroke()
        }
        context.font(size: headline, bold: true)
        context.setColor(warningColor)
        context.text("⚠ " + banner.headline, x: box.x + pad + indent, baseline: baseline)
        context.font(size: body)
        context.setColor(theme.text)
        for line in lines {
            baseline += body * 1.3
            context.text(line, x: box.x + pad, baseline: baseline)
        }
        context.restore()
    }

    /// Where the banner's top goes: of the places down the plot, a whole pixel apart, the one
    /// whose band hides least — counting each point in the band once, each mean as much as all
    /// the points, and the named component's mean (the banner's subject) as much as everything
    /// else together — the highest among equals. Row counts and their prefix sums make each
    /// place O(1) after one pass over the points. The middle of a 1-D view, the top of pairs.
    func bannerTop(height: Double, margin: Double, banner: FrameBanner) -> Double {
        let plot = layout.plot
        let first = plot.y + margin, last = plot.maxY - margin - height
        guard last > first else { return first }
        switch scene.view {
        case .plane: break
        // The densities rise from the bottom and the curve's key sits at the top.
        case .line: return (first + last) / 2
        case .matrix, .comparison, .starts: return first
        }
        let rows = Int(plot.height.rounded(.up)) + 1
        var weight = [Int](repeating: 0, count: rows)
        let t = layout.transform
        func add(_ point: Point2, _ amount: Int) {
            let y = t.pixel(point).y - plot.y
            guard y.isFinite, y >= 0, y < Double(rows) else { return }
            weight[Int(y)] += amount
        }
        for point in scene.points { add(point, 1) }
        let n = scene.points.count + 1
        for (k, component) in scene.components.enumerated() {
            add(component.mean, k == banner.component ? n * (scene.components.count + 1) : n)
        }
        var prefix = [0]
        prefix.reserveCapacity(rows + 1)
        for w in weight { prefix.append((prefix.last ?? 0) + w) }
        let span = Int(height.rounded(.up))
        var best = (top: first, hidden: Int.max)
        var top = first
        while top <= last {
            let start = min(rows, max(0, Int(top - plot.y))), end = min(rows, start + span + 1)
            let hidden = prefix[end] - prefix[start]
            if hidden < best.hidden { best = (top, hidden) }
            top += 1
        }
        return best.top
    }

    /// `text` broken at spaces into lines no wider than `width` in the current font (a word
    /// longer than the width gets a line of its own).
    func wrap(_ text: String, width: Double) -> [String] {
        var lines = [String](), line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if context.textWidth(candidate) <= width || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
