extension FrameDrawer {
    /// The points as real Cairo paths, for SVG and PDF: one path per distinct 8-bit colour and
    /// size step (fill, then a darker rim; a hollow point's ring alone), buckets in the raster
    /// path's order — by size step, then by first appearance — so the output is the same on
    /// every run and matches ``PointStamper``.
    func drawVectorPoints() {
        let radius = Self.pointRadius(options: options, count: scene.points.count)
        guard radius > 0 else { return }
        let colors = PointColors(scene: scene, componentColors: componentColors)
        var order = [UInt64]()
        var buckets = [UInt64: [Int]]()
        let t = layout.transform
        for i in colors.drawingOrder {
            let key = UInt64(colors.levels[i]) << 32 | UInt64(colors.fills[i].packed)
            if buckets[key] == nil { order.append(key) }
            buckets[key, default: []].append(i)
        }
        let rim = Self.rimWidth(radius: radius, unit: u)
        context.save()
        context.clip(to: layout.plot)
        for key in order {
            let level = UInt8(truncatingIfNeeded: key >> 32)
            let fill = RGB(UInt32(truncatingIfNeeded: key))
            let r = radius * PointSize.radiusFactor(level)
            let hollow = level == PointSize.hollow
            let pen = hollow ? min(PointSize.hollowRing * u, r) : rim
            context.newPath()
            for i in buckets[key] ?? [] {
                let p = t.pixel(scene.points[i])
                guard inGuard(p) else { continue }
                context.circle(p, radius: r - pen / 2)
            }
            if hollow {
                context.setLineWidth(pen)
                context.setColor(fill)
                context.stroke()
            } else if rim > 0 {
                context.setColor(fill)
                context.fillPreserve()
                context.setLineWidth(rim)
                context.setColor(fill.scaled(PointColors.rimFactor))
                context.stroke()
            } else {
                context.setColor(fill)
                context.fill()
            }
        }
        context.restore()
    }

    /// The rim of a point of radius `radius` on a frame of style unit `unit`: 0.7 units, none on
    /// points too small to carry one.
    static func rimWidth(radius: Double, unit: Double = 1) -> Double {
        radius >= 1.6 * unit ? 0.7 * unit : 0
    }

    /// The radius of point `i` relative to the base radius, as the points are drawn
    /// (``PointSize``).
    func pointSizeFactor(_ i: Int) -> Double {
        let k = scene.componentCount
        guard scene.pointsAssigned, k > 0, (i + 1) * k <= scene.responsibilities.count else { return 1 }
        let level = scene.responsibilities.withUnsafeBufferPointer { PointSize.level(UnsafeBufferPointer(rebasing: $0[(i * k) ..< ((i + 1) * k)])) }
        return PointSize.radiusFactor(level)
    }

    /// A ring around each point whose responsibilities changed by more than
    /// ``Scene/changeThreshold`` since the previous E-step, its radius growing with the change:
    /// from 2 units outside the point for a change just over the threshold to 7 units for a
    /// point that switched completely. Drawn in the text colour so it reads on any component.
    func drawChangeRings() {
        let marked = scene.markedPoints
        guard !marked.isEmpty else { return }
        let t = layout.transform
        let radius = Self.pointRadius(options: options, count: scene.points.count)
        context.save()
        context.clip(to: layout.plot)
        for i in marked {
            let p = t.pixel(scene.points[i])
            guard inGuard(p) else { continue }
            let change = min(max(scene.responsibilityChange[i], 0), 1)
            context.newPath()
            context.circle(p, radius: radius * pointSizeFactor(i) + (2 + 5 * change) * u)
            context.setLineWidth(1.3 * u)
            context.setColor(theme.text, alpha: 0.85)
            context.stroke()
        }
        context.restore()
    }
}
