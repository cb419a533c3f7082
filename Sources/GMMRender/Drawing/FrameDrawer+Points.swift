extension FrameDrawer {
    /// The points as real Cairo paths, for SVG and PDF: one path per distinct 8-bit colour
    /// (fill, then a darker rim), buckets in order of first appearance so the output is the
    /// same on every run.
    func drawVectorPoints() {
        let radius = Self.pointRadius(options: options, count: scene.points.count)
        guard radius > 0 else { return }
        let colors = PointColors(scene: scene, componentColors: componentColors)
        var order = [UInt32]()
        var buckets = [UInt32: [Int]]()
        let t = layout.transform
        for i in scene.points.indices {
            let key = colors.fills[i].packed
            if buckets[key] == nil { order.append(key) }
            buckets[key, default: []].append(i)
        }
        let rim = Self.rimWidth(radius: radius)
        context.save()
        context.clip(to: layout.plot)
        for key in order {
            context.newPath()
            for i in buckets[key] ?? [] {
                let p = t.pixel(scene.points[i])
                guard inGuard(p) else { continue }
                context.circle(p, radius: radius - rim / 2)
            }
            let fill = RGB(key)
            context.setColor(fill)
            if rim > 0 {
                context.fillPreserve()
                context.setLineWidth(rim)
                context.setColor(fill.scaled(PointColors.rimFactor))
                context.stroke()
            } else {
                context.fill()
            }
        }
        context.restore()
    }

    /// The rim of a point of radius `radius`: 0.7 px, none on points too small to carry one.
    static func rimWidth(radius: Double) -> Double {
        radius >= 1.6 ? 0.7 : 0
    }
}
