extension FrameLayout {
    /// The data window: the fixed bounds, or the points' extent plus a margin.
    static func window(options: RenderOptions, scene: Scene) -> DataWindow {
        switch options.bounds {
        case let .fixed(xmin, xmax, ymin, ymax):
            return DataWindow(xmin: xmin, xmax: xmax, ymin: ymin, ymax: ymax)
        case .auto:
            var xs = (lo: Double.infinity, hi: -Double.infinity), ys = xs
            func include(_ p: Point2) {
                guard p.isFinite else { return }
                xs = (min(xs.lo, p.x), max(xs.hi, p.x))
                ys = (min(ys.lo, p.y), max(ys.hi, p.y))
            }
            if let extent = scene.points.extent {
                xs = (extent.x.lowerBound, extent.x.upperBound)
                ys = (extent.y.lowerBound, extent.y.upperBound)
            }
            if scene.points.isEmpty {
                // No data: frame the components at two standard deviations.
                for c in scene.components {
                    let dx = 2 * max(c.covariance.xx, 0).squareRoot(), dy = 2 * max(c.covariance.yy, 0).squareRoot()
                    include(Point2(x: c.mean.x - dx, y: c.mean.y - dy))
                    include(Point2(x: c.mean.x + dx, y: c.mean.y + dy))
                }
            }
            guard xs.lo <= xs.hi, ys.lo <= ys.hi else { return DataWindow(xmin: -10, xmax: 10, ymin: -10, ymax: 10) }
            func padded(_ r: (lo: Double, hi: Double)) -> (Double, Double) {
                let span = r.hi - r.lo
                let m = span > 0 && span.isFinite ? span * RenderOptions.autoMargin : max(1, abs(r.lo) * 0.1)
                let lo = r.lo - m, hi = r.hi + m
                return lo < hi && (hi - lo).isFinite ? (lo, hi) : (-1, 1)
            }
            let (xmin, xmax) = padded(xs), (ymin, ymax) = padded(ys)
            return DataWindow(xmin: xmin, xmax: xmax, ymin: ymin, ymax: ymax)
        }
    }
}
