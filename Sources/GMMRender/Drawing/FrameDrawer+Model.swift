import Foundation

extension FrameDrawer {
    /// One ellipse of one component as Cairo will see it, in logical pixels, or nil when there
    /// is nothing safe to draw (non-finite, covering the whole view, or entirely off the plot).
    enum PixelEllipse {
        case ellipse(center: Point2, a: Point2, b: Point2)
        /// A singular covariance: the ellipse has collapsed onto its major axis.
        case segment(from: Point2, to: Point2)
    }

    /// Sub-pixel sizes below this are drawn as a segment (minor axis) or not at all (both).
    static let degenerateLength = 0.05
    /// An ellipse whose semi-axis exceeds this many pixels covers the view: skipped.
    static let hugeLength = 1e5

    func pixelEllipse(_ c: SceneComponent, sigma: Double) -> PixelEllipse? {
        guard let g = EllipseGeometry(mean: c.mean, covariance: c.covariance, sigma: sigma) else { return nil }
        let t = layout.transform
        let center = t.pixel(g.center), a = t.vector(g.major), b = t.vector(g.minor)
        let la = (a.x * a.x + a.y * a.y).squareRoot(), lb = (b.x * b.x + b.y * b.y).squareRoot()
        guard center.isFinite, la.isFinite, lb.isFinite, la >= Self.degenerateLength, la <= Self.hugeLength else { return nil }
        // The bounding box of the ellipse; cull it when it misses the plot.
        let ex = (a.x * a.x + b.x * b.x).squareRoot(), ey = (a.y * a.y + b.y * b.y).squareRoot()
        let plot = layout.plot
        guard center.x + ex >= plot.x, center.x - ex <= plot.maxX, center.y + ey >= plot.y, center.y - ey <= plot.maxY else { return nil }
        // The unit circle is mapped by [a b]: with |a × b| tiny that matrix is singular.
        let det = abs(a.x * b.y - a.y * b.x)
        if lb < Self.degenerateLength || det < Self.degenerateLength * la {
            return .segment(from: Point2(x: center.x - a.x, y: center.y - a.y), to: Point2(x: center.x + a.x, y: center.y + a.y))
        }
        return .ellipse(center: center, a: a, b: b)
    }

    /// Pen width of a component's innermost ellipse: heavier components draw bolder,
    /// 0.9 units at weight 0 up to 3.5 units at weight 1 (√ so small weights stay distinguishable).
    static func lineWidth(weight: Double) -> Double {
        let w = weight.isFinite ? min(max(weight, 0), 1) : 0
        return 0.9 + 2.6 * w.squareRoot()
    }

    /// The sigmas from largest to smallest, so inner fills lie on top of outer ones.
    var sigmasOutsideIn: [Double] { options.sigmas.sorted(by: >) }

    func drawEllipses(fills: Bool) {
        context.save()
        context.clip(to: layout.plot)
        context.setRoundCaps()
        let innermost = options.sigmas.min() ?? 1
        for (k, component) in scene.components.enumerated() {
            let color = componentColors[k]
            for sigma in sigmasOutsideIn {
                guard let shape = pixelEllipse(component, sigma: sigma) else { continue }
                let inner = sigma == innermost
                context.newPath()
                switch shape {
                case let .ellipse(center, a, b):
                    context.ellipse(center: center, a: a, b: b)
                    if fills {
                        context.setColor(color, alpha: inner ? 0.13 : 0.07)
                        context.fill()
                        continue
                    }
                case let .segment(from, to):
                    if fills { continue }
                    context.move(to: from)
                    context.line(to: to)
                }
                let width = Self.lineWidth(weight: component.weight) * u
                let pen = inner ? width : max(0.8 * u, width * 0.55)
                // A halo under the outline keeps it visible over a dense cloud of its own colour.
                context.setLineWidth(pen + 2.5 * u)
                context.setColor(theme.halo, alpha: inner ? 0.75 : 0.5)
                context.strokePreserve()
                context.setLineWidth(pen)
                context.setColor(color, alpha: inner ? 0.95 : 0.75)
                context.stroke()
            }
        }
        context.newPath()
        context.restore()
    }

    /// The model before this frame's M-step (``Scene/ghostComponents``): each ellipse as a
    /// faint dashed outline in its component's colour, no fill, so the reader sees where the
    /// new ellipses came from.
    func drawGhosts() {
        guard scene.ghostComponents.count == scene.componentCount else { return }
        context.save()
        context.clip(to: layout.plot)
        context.setRoundCaps()
        context.setDash([5 * u, 4 * u])
        for (k, component) in scene.ghostComponents.enumerated() {
            for sigma in sigmasOutsideIn {
                guard let shape = pixelEllipse(component, sigma: sigma) else { continue }
                context.newPath()
                switch shape {
                case let .ellipse(center, a, b): context.ellipse(center: center, a: a, b: b)
                case let .segment(from, to):
                    context.move(to: from)
                    context.line(to: to)
                }
                context.setLineWidth(1.4 * u)
                context.setColor(componentColors[k], alpha: 0.5)
                context.stroke()
            }
        }
        context.setDash([])
        context.newPath()
        context.restore()
    }

    /// An arrow from each ghost mean to the new mean, when it moved by at least 3 pixels.
    func drawMeanMoves() {
        guard scene.ghostComponents.count == scene.componentCount else { return }
        let t = layout.transform
        context.save()
        context.clip(to: layout.plot)
        context.setRoundCaps()
        for (k, component) in scene.components.enumerated() {
            let p = t.pixel(scene.ghostComponents[k].mean), q = t.pixel(component.mean)
            let length = hypot(q.x - p.x, q.y - p.y)
            guard inGuard(p), inGuard(q), length >= 3 * u else { continue }
            // Stop short of the new mean's marker (8 units) and draw the head there.
            let ux = (q.x - p.x) / length, uy = (q.y - p.y) / length
            let end = Point2(x: q.x - ux * 9 * u, y: q.y - uy * 9 * u)
            guard length > 9 * u else { continue }
            let head = min(7 * u, length - 9 * u)
            context.newPath()
            context.move(to: p)
            context.line(to: end)
            context.setLineWidth(3.5 * u)
            context.setColor(theme.halo, alpha: 0.8)
            context.strokePreserve()
            context.setLineWidth(1.6 * u)
            context.setColor(theme.text)
            context.stroke()
            context.newPath()
            context.move(to: end)
            context.line(to: Point2(x: end.x - ux * head - uy * head * 0.5, y: end.y - uy * head + ux * head * 0.5))
            context.line(to: Point2(x: end.x - ux * head + uy * head * 0.5, y: end.y - uy * head - ux * head * 0.5))
            context.closePath()
            context.fill()
        }
        context.newPath()
        context.restore()
    }

    /// Each mean's path over the iterations so far, fading toward the past.
    func drawTrails() {
        context.save()
        context.clip(to: layout.plot)
        context.setRoundCaps()
        let t = layout.transform
        for (k, trail) in scene.trails.enumerated() where trail.count >= 2 && k < componentColors.count {
            let color = RGB(componentColors[k]).scaled(0.8)
            let (pixels, steps) = Self.distinctPositions(trail.map(t.pixel))
            guard pixels.count >= 2 else { continue }
            let last = Double(trail.count - 1)
            for j in 1 ..< pixels.count {
                // Oldest segment at 30 % opacity, newest at 95 % (by iteration, not by position).
                let alpha = 0.3 + 0.65 * Double(steps[j]) / last
                if let (p, q) = clipSegment(pixels[j - 1], pixels[j]) {
                    context.newPath()
                    context.move(to: p)
                    context.line(to: q)
                    context.setLineWidth(4 * u)
                    context.setColor(theme.halo, alpha: alpha * 0.6)
                    context.strokePreserve()
                    context.setLineWidth(2 * u)
                    context.setColor(color, alpha: alpha)
                    context.stroke()
                }
                // A dot at each earlier position (a ring where the mean started); the current
                // position is under the mean marker.
                if j == 1, inGuard(pixels[0]) {
                    context.newPath()
                    context.circle(pixels[0], radius: 3.6 * u)
                    context.setLineWidth(1.5 * u)
                    context.setColor(color, alpha: max(alpha, 0.6))
                    context.stroke()
                } else if inGuard(pixels[j - 1]) {
                    context.newPath()
                    context.circle(pixels[j - 1], radius: 2.2 * u)
                    context.setColor(color, alpha: alpha)
                    context.fill()
                }
            }
        }
        context.newPath()
        context.restore()
    }

    /// The positions of a trail that are at least ``trailResolution`` pixels from the previous
    /// one kept, with their indices in the trail; the first and the last are always kept.
    ///
    /// Once a fit settles its means move by less than a pixel per iteration: drawing those
    /// steps adds nothing visible but piles translucent dots on one spot and makes a long fit's
    /// frames cost time quadratic in the number of iterations.
    static func distinctPositions(_ pixels: [Point2]) -> (points: [Point2], indices: [Int]) {
        guard let first = pixels.first else { return ([], []) }
        var points = [first], indices = [0]
        for (j, p) in pixels.enumerated().dropFirst() {
            let q = points[points.count - 1]
            let isLast = j == pixels.count - 1
            if isLast, hypot(p.x - q.x, p.y - q.y) < trailResolution, points.count > 1 {
                // End where the mean is now, without a sub-pixel stub.
                points[points.count - 1] = p
                indices[indices.count - 1] = j
            } else if isLast || !(hypot(p.x - q.x, p.y - q.y) < trailResolution) {
                points.append(p)
                indices.append(j)
            }
        }
        return (points, indices)
    }

    /// Trail steps shorter than this many pixels are merged into the next.
    static let trailResolution = 1.0

    /// Mean markers: a disc in the component colour inside a halo ring and a dark outline, larger
    /// than any data point, drawn above everything in the plot.
    func drawMeans() {
        context.save()
        context.clip(to: layout.plot)
        let t = layout.transform
        for (k, component) in scene.components.enumerated() {
            let p = t.pixel(component.mean)
            guard inGuard(p) else { continue }
            context.meanMarker(at: p, color: componentColors[k], outline: theme.text, halo: theme.halo, unit: u)
        }
        context.restore()
    }

    /// The part of segment p–q inside ``guardRect`` (Liang–Barsky), or nil.
    func clipSegment(_ p: Point2, _ q: Point2) -> (Point2, Point2)? {
        guard p.isFinite, q.isFinite else { return nil }
        let r = guardRect
        var t0 = 0.0, t1 = 1.0
        let dx = q.x - p.x, dy = q.y - p.y
        guard dx.isFinite, dy.isFinite else { return nil }
        for (edgeP, edgeQ) in [(-dx, p.x - r.x), (dx, r.maxX - p.x), (-dy, p.y - r.y), (dy, r.maxY - p.y)] {
            if edgeP == 0 {
                if edgeQ < 0 { return nil }
                continue
            }
            let ratio = edgeQ / edgeP
            if edgeP < 0 { t0 = max(t0, ratio) } else { t1 = min(t1, ratio) }
            if t0 > t1 { return nil }
        }
        return (Point2(x: p.x + t0 * dx, y: p.y + t0 * dy), Point2(x: p.x + t1 * dx, y: p.y + t1 * dy))
    }
}
