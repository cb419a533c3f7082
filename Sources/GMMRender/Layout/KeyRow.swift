import Foundation

/// One row of the frame's key: a small drawing in the frame's own style and what it means.
public enum KeyRow: Sendable, Equatable {
    /// The ellipses at the given standard deviations, innermost first, and the share of a
    /// component's mass inside each.
    case ellipses(sigmas: [Double], shares: [Double])
    /// The mean marker.
    case mean
    /// The dots and line of a mean's path, from the ring where it started, numbered by
    /// iteration where the plane view numbers it (``FrameView/drawsStepMarks``).
    case trail(numbered: Bool)
    /// A point's colour: its responsibilities mixed.
    case colour
    /// The hollow grey ring of points not yet assigned.
    case unassigned
    /// The ring around points whose responsibilities changed.
    case changed
    /// The dashed ellipses of the model before the M-step, and the arrows of the means' moves.
    case ghost
    /// The background tinted by the component with the largest responsibility.
    case regions
    /// The contour lines of the mixture's density at the levels enclosing the given shares of
    /// its mass, innermost first.
    case contours(masses: [Double])
    /// The neutral shade of the mixture's density under the points.
    case shade
    /// The dashed warning ring around a component holding too few points for its covariance.
    case starved
    /// Many points drawn as a density image: colour from the responsibilities, opacity from
    /// the count per pixel.
    case densityImage
    /// A point's size: its uncertainty, 1 − max γ (`PointSize`).
    case uncertainty
    /// The numbered ring of a pinned point, whose shares are drawn as a bar beside the plot.
    case pinned

    /// The share of a Gaussian's mass within `sigma` standard deviations in the two dimensions
    /// drawn: the squared Mahalanobis radius of a 2-D Gaussian is χ² with 2 degrees of freedom,
    /// so P(d ≤ r) = 1 − e^(−r²/2): 39.3 % at 1σ and 86.5 % at 2σ (not 68 % and 95 %, the 1-D
    /// figures).
    public static func massShare(sigma: Double) -> Double {
        1 - exp(-sigma * sigma / 2)
    }

    /// The words of the row.
    public var text: String {
        switch self {
        case let .ellipses(sigmas, shares):
            let names = sigmas.map { $0 == $0.rounded() ? "\(Int($0))σ" : Ticks.formatted($0, decimals: 1) + "σ" }
            let percents = shares.map { "\(Int(($0 * 100).rounded())) %" }
            return names.joined(separator: ", ") + " ellipses: " + percents.joined(separator: ", ") + " of mass"
        case .mean: return "mean, now"
        case let .trail(numbered): return numbered ? "path of the mean, by iteration" : "path of the mean from ○"
        case .colour: return "colour: mix of shares"
        case .unassigned: return "hollow: not assigned yet"
        case .changed: return "ring: share moved > \(Ticks.formatted(Scene.changeThreshold, decimals: 1))"
        case .ghost: return "dashed: before M-step"
        case .regions: return "tint: likeliest component"
        case let .contours(masses):
            return "contours: " + masses.map { "\(Int(($0 * 100).rounded()))" }.joined(separator: ", ") + " % of mass"
        case .shade: return "shade: mixture density"
        case .densityImage: return "opacity: points per pixel"
        case .starved: return "red ring: too few points"
        case .uncertainty: return "larger: less sure, 1 − max γ"
        case .pinned: return "pinned point, its γ bar above"
        }
    }

    /// The rows for what `options` draws. The step rows (unassigned, changed, ghost) appear on
    /// frames of an E/M animation, which carry marks or ghosts, and stay last so the rows
    /// above never move; the unassigned row only on the frames before the first E-step.
    public static func rows(options: RenderOptions, scene: Scene) -> [KeyRow] {
        var rows = [KeyRow]()
        if options.showEllipses, options.view.drawsEllipses {
            let sigmas = options.sigmas.sorted()
            rows.append(.ellipses(sigmas: sigmas, shares: sigmas.map(massShare)))
        }
        if options.showMeans { rows.append(.mean) }
        if options.showTrails { rows.append(.trail(numbered: options.view.drawsStepMarks)) }
        if options.showPoints && scene.componentCount > 1 { rows.append(.colour) }
        if options.showPoints, scene.componentCount > 1, !FrameDrawer.drawsDensity(options: options, count: scene.points.count) {
            rows.append(.uncertainty)
        }
        if !options.pins.isEmpty, options.view.drawsStepMarks { rows.append(.pinned) }
        if options.showPoints, FrameDrawer.drawsDensity(options: options, count: scene.points.count) { rows.append(.densityImage) }
        if options.view.drawsEllipses {
            if options.showRegions { rows.append(.regions) }
            switch options.density {
            case .none: break
            case .contours: rows.append(.contours(masses: DensityLevels.masses.reversed()))
            case .shade: rows.append(.shade)
            }
        }
        if case .plane = scene.view, !scene.starved.isEmpty, options.showMeans || options.showEllipses { rows.append(.starved) }
        let stepFrame = !scene.pointsAssigned || !scene.responsibilityChange.isEmpty || !scene.ghostComponents.isEmpty
        if stepFrame {
            // The hollow ring only where it is drawn: before the first E-step. The rows below
            // move up once, when every point turns from a ring to a colour.
            if options.showPoints, !scene.pointsAssigned { rows.append(.unassigned) }
            if options.showPoints, options.view.drawsStepMarks { rows.append(.changed) }
            if options.showEllipses, options.view.drawsStepMarks { rows.append(.ghost) }
        }
        return rows
    }
}
