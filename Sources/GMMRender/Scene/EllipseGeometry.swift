import Foundation

/// The ellipse {μ + r · Σ^{1/2} u : |u| = 1} of a 2 × 2 covariance at r standard deviations,
/// in data units.
///
/// Σ = R diag(λ₁, λ₂) Rᵀ with λ₁ ≥ λ₂ ≥ 0; the semi-axes are r√λ₁ along the first eigenvector and
/// r√λ₂ along the second. The points of the ellipse are μ + cos t · `major` + sin t · `minor`, so
/// mapping it through any affine data → pixel map (equal aspect or not) is exact: apply the map's
/// linear part to `major` and `minor`.
struct EllipseGeometry: Sendable, Equatable {
    let center: Point2
    /// Semi-major axis vector, length r√λ₁.
    let major: Point2
    /// Semi-minor axis vector, length r√λ₂ (may be zero for a singular Σ).
    let minor: Point2

    /// nil when the mean or covariance is not finite. Negative eigenvalues (a covariance that is
    /// not positive semi-definite by rounding) are clamped to 0.
    init?(mean: Point2, covariance c: Covariance2, sigma r: Double) {
        guard mean.isFinite, c.xx.isFinite, c.xy.isFinite, c.yy.isFinite, r.isFinite else { return nil }
        let (l1, l2, angle) = Self.eigen(c)
        let a = r * max(l1, 0).squareRoot()
        let b = r * max(l2, 0).squareRoot()
        guard a.isFinite, b.isFinite else { return nil }
        center = mean
        major = Point2(x: a * cos(angle), y: a * sin(angle))
        minor = Point2(x: -b * sin(angle), y: b * cos(angle))
    }

    /// Eigenvalues λ₁ ≥ λ₂ of a symmetric 2 × 2 matrix and the angle of λ₁'s eigenvector from the
    /// x axis, in radians (counter-clockwise in data space).
    ///
    /// λ₁ = m + ρ with m the mean of the diagonal and ρ = √(((xx − yy)/2)² + xy²), a sum of
    /// non-negative terms when the matrix is positive semi-definite. λ₂ is det/λ₁ rather than
    /// m − ρ: for a thin ellipse m and ρ agree in nearly all their digits and their difference
    /// keeps none (diag(1e8, 1e-8) gives 7.45e-9 or 1.49e-8, multiples of an ulp of 5e7, for
    /// 1e-8), while det = xx·yy − xy² keeps λ₂'s digits whenever the ellipse is close to
    /// axis-aligned.
    static func eigen(_ c: Covariance2) -> (Double, Double, Double) {
        let mean = 0.5 * (c.xx + c.yy)
        let half = 0.5 * (c.xx - c.yy)
        let radius = (half * half + c.xy * c.xy).squareRoot()
        let angle = 0.5 * atan2(2 * c.xy, c.xx - c.yy)
        let l1 = mean + radius
        // λ₁ ≤ 0 only for a zero (or, by rounding, non-positive) matrix, whose λ₂ is no larger.
        let l2 = l1 > 0 ? (c.xx * c.yy - c.xy * c.xy) / l1 : mean - radius
        return (l1, l2, angle)
    }
}
