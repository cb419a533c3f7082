/// How a point's uncertainty is drawn: by its size, as mclust's uncertainty plot does, so the
/// points in the zones where components overlap stand out as larger dots.
///
/// A point's uncertainty is 1 − maxₖ γᵢₖ: 0 for a point one component explains alone, 0.5 for a
/// 50/50 point of two components (and up to 1 − 1/K among K). It is quantised to ``levels``
/// steps, reached at ``fullUncertainty``; step s draws the point at
/// 1 + ``growthPerLevel`` · s times its radius. Quantising keeps the raster path to one
/// precomputed stamp per step and the vector path to one path per colour and step, and the
/// steps stay apart by eye: each adds a fifth of the base radius.
///
/// Points whose responsibilities are not a distribution yet (before the first E-step, or a row
/// of zeros or NaN) are ``hollow``: a grey ring with nothing inside, which no mix of component
/// colours can be mistaken for.
enum PointSize {
    /// Size steps of assigned points: 0 (certain) … `levels − 1` (a 50/50 point or worse).
    static let levels = 5
    /// The uncertainty drawn at the largest size: 0.5, a point shared equally by two components.
    static let fullUncertainty = 0.5
    /// Radius added per step, as a fraction of the base radius: the largest is 1.8 × the base.
    static let growthPerLevel = 0.2
    /// The marker of a point not assigned to any component, drawn as an empty ring.
    static let hollow: UInt8 = 255

    /// The step of a responsibility row (renormalised): ``hollow`` when the row is not a
    /// distribution, else round(uncertainty / ``fullUncertainty`` · (levels − 1)), capped.
    static func level(_ row: UnsafeBufferPointer<Double>) -> UInt8 {
        var total = 0.0, largest = 0.0
        for w in row where w > 0 {
            total += w
            largest = Swift.max(largest, w)
        }
        guard total.isFinite, total > 0 else { return hollow }
        return level(uncertainty: 1 - largest / total)
    }

    /// The step of an uncertainty in [0, 1].
    static func level(uncertainty: Double) -> UInt8 {
        let steps = Double(levels - 1)
        // Clamped before the conversion, which then truncates a value ≥ 0.5: a rounding without
        // a call into libm (this runs once per point).
        let s = Swift.min(Swift.max(uncertainty / fullUncertainty * steps, 0), steps) + 0.5
        return s.isFinite ? UInt8(s) : 0
    }

    /// The radius of a point of step `level` relative to the base radius (1 for ``hollow``).
    static func radiusFactor(_ level: UInt8) -> Double {
        level == hollow ? 1 : 1 + growthPerLevel * Double(level)
    }

    /// The width of a hollow point's ring, in style units: thicker than a filled point's rim so
    /// the empty disc reads as a ring.
    static let hollowRing = 1.2
}
