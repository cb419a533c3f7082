import Foundation

/// How finely a frame shows a model, and whether the change between two models shows at all.
///
/// A frame shows a fitted model in three ways: the header prints the mean log-likelihood to
/// three decimals, the legend prints each weight to three decimals, and the plot draws each
/// component's mean and outline (an ellipse at the largest drawn σ in 2-D, a curve in 1-D) on a
/// grid of pixels. A change smaller than half of the last printed digit, or than half a pixel,
/// rounds away: the printed number stays and anti-aliasing moves an edge by less than half a
/// grey level step between neighbours. A caption that reports such a change reports rounding
/// noise ("moved up to 0.00, log-likelihood +9.5e−12"), so it says "no visible change" instead.
public struct DisplayPrecision: Sendable, Equatable {
    /// One component in the drawn coordinates: its weight, its mean (m values) and its
    /// covariance (m × m), in data units.
    public struct Component: Sendable, Equatable {
        public var weight: Double
        public var mean: [Double]
        public var covariance: [[Double]]

        public init(weight: Double, mean: [Double], covariance: [[Double]]) {
            self.weight = weight
            self.mean = mean
            self.covariance = covariance
        }
    }

    /// Pixels per data unit along each drawn coordinate: the two axes of a plane, the column
    /// of the line view, each column of a scatter-plot matrix (m values).
    public var pixelsPerUnit: [Double]
    /// The multiple of σ at which the outermost outline is drawn.
    public var sigma: Double

    /// Half of the header's last decimal of the mean log-likelihood (printed to 0.001).
    public static let logLikelihoodStep = 0.0005
    /// Half of the legend's last decimal of a weight (printed to 0.001).
    public static let weightStep = 0.0005
    /// Half a pixel: an edge that moves less stays on the same pixels, only a little lighter
    /// or darker.
    public static let pixelStep = 0.5
    /// Directions in which an outline's displacement is measured: every 5.625°, so the largest
    /// displacement of an outline is found to within 1 − cos(2.8°) ≈ 0.1 %.
    static let directions = 64

    /// - Parameters:
    ///   - pixelsPerUnit: pixels per data unit along each drawn coordinate; a value that is not
    ///     finite and positive counts as infinitely fine (any move shows).
    ///   - sigma: the multiple of σ of the outermost outline drawn.
    public init(pixelsPerUnit: [Double], sigma: Double) {
        self.pixelsPerUnit = pixelsPerUnit.map { $0.isFinite && $0 > 0 ? $0 : .infinity }
        self.sigma = sigma.isFinite && sigma > 0 ? sigma : 2
    }

    /// Whether a step from components `a` to `b` (K each, in the drawn coordinates) with a
    /// log-likelihood gain of `gain` changes anything the frame prints or draws.
    public func showsChange(from a: [Component], to b: [Component], gain: Double) -> Bool {
        if !gain.isFinite || abs(gain) >= Self.logLikelihoodStep { return true }
        guard a.count == b.count else { return true }
        for (p, q) in zip(a, b) {
            if !(abs(q.weight - p.weight) < Self.weightStep) { return true }
            if !(outlineShift(from: p, to: q) < Self.pixelStep) { return true }
        }
        return false
    }

    /// How far, in pixels, the mean of a component moves between `p` and `q`: the length of
    /// its move in pixel coordinates (a panel of two of the coordinates shows at most this).
    public func meanShift(from p: Component, to q: Component) -> Double {
        var sum = 0.0
        for (i, scale) in pixelsPerUnit.enumerated() where i < p.mean.count && i < q.mean.count {
            let d = q.mean[i] - p.mean[i]
            guard d != 0 else { continue }
            sum += (d * scale) * (d * scale)
        }
        return sum.isNaN ? .infinity : sum.squareRoot()
    }

    /// How far, in pixels, the outline of a component moves between `p` and `q`: the
    /// Hausdorff distance between the two outlines in each drawn plane (each pair of
    /// coordinates, or the one coordinate of a line), largest over the planes.
    ///
    /// For convex sets the Hausdorff distance is the largest difference of their support
    /// functions h(u) = u·μ + s √(uᵀΣu) over unit directions u (in pixel coordinates), so a
    /// pure translation counts its length and a change of shape the furthest any edge moved.
    public func outlineShift(from p: Component, to q: Component) -> Double {
        let m = min(p.mean.count, q.mean.count, pixelsPerUnit.count)
        guard m > 0 else { return 0 }
        guard pixelsPerUnit[0 ..< m].allSatisfy(\.isFinite) else { return p == q ? 0 : .infinity }
        // Unit directions in the plane of coordinates (i, j); a line has the two of its axis.
        let planes = m == 1 ? [(0, 0)] : (0 ..< m).flatMap { i in (i + 1 ..< m).map { (i, $0) } }
        let turns = m == 1 ? [(1.0, 0.0), (-1.0, 0.0)] : (0 ..< Self.directions).map { d in
            let angle = 2 * Double.pi * Double(d) / Double(Self.directions)
            return (cos(angle), sin(angle))
        }
        func support(_ c: Component, _ i: Int, _ j: Int, _ u: (Double, Double)) -> Double {
            // u is a unit vector in pixels; (a, b) the same linear form in data units.
            let a = u.0 * pixelsPerUnit[i], b = i == j ? 0 : u.1 * pixelsPerUnit[j]
            let variance = a * a * c.covariance[i][i] + 2 * a * b * c.covariance[i][j] + b * b * c.covariance[j][j]
            return a * c.mean[i] + b * c.mean[j] + sigma * max(variance, 0).squareRoot()
        }
        var largest = 0.0
        for (i, j) in planes {
            for u in turns {
                let shift = abs(support(q, i, j, u) - support(p, i, j, u))
                guard shift.isFinite else { return .infinity }
                largest = max(largest, shift)
            }
        }
        return largest
    }
}
