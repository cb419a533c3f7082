import GMM

/// What the line and pairs views compute once per animation: each drawn column's values,
/// histogram, window and density axis. A frame adds only its components and trails, so the
/// axes stay put from the first frame to the last.
struct FixedViewParts: Sendable {
    private enum Kind: Sendable {
        case plane
        case line(column: Int, base: LineScene)
        case pairs(columns: [Int], base: MatrixScene)
    }

    private let kind: Kind
    private let history: FitHistory

    /// The density axis ends this far above the taller of the histogram and the mixture.
    static let headroom = 1.08
    /// A mixture peak may raise the density axis to at most this many times the histogram's
    /// tallest bar: a component collapsing onto a few points would otherwise flatten every bar.
    static let peakCap = 2.5

    init(history: FitHistory, data: Dataset, options: RenderOptions, names: [String]) throws {
        self.history = history
        func column(_ c: Int) -> [Double] {
            (0 ..< data.count).map { data.values[$0 * data.dimension + c] }
        }
        switch options.view {
        case .plane, .pca:
            kind = .plane
        case let .line(c):
            let values = column(c)
            let window: (Double, Double)
            if case let .fixed(xmin, xmax, _, _) = options.bounds { window = (xmin, xmax) } else { window = Self.autoWindow(values) }
            kind = .line(column: c, base: Self.lineBase(values: values, column: c, label: names[c], window: window, history: history))
        case let .pairs(columns):
            let values = columns.map(column)
            let diagonal = zip(columns, values).map { c, v in
                Self.lineBase(values: v, column: c, label: names[c], window: Self.autoWindow(v), history: history)
            }
            kind = .pairs(columns: columns, base: MatrixScene(labels: columns.map { names[$0] }, columns: values, weights: [],
                                                              means: [], covariances: [], trails: [], diagonal: diagonal))
        }
    }

    /// The view payload of snapshot `index` showing `parameters`; an interpolated frame's
    /// trails end at the drawn means.
    func view(index: Int, parameters p: MixtureParameters, interpolated: Bool) -> SceneView {
        switch kind {
        case .plane:
            return .plane
        case let .line(c, base):
            return .line(Self.line(base, column: c, parameters: p, trails: trails(index: index, parameters: p, interpolated: interpolated, columns: [c]).map { $0.map { $0[0] } }))
        case let .pairs(columns, base):
            var m = base
            m.weights = p.weights
            m.means = p.means.map { mean in columns.map { mean[$0] } }
            m.covariances = p.covariances.map { sigma in columns.map { a in columns.map { b in sigma[a][b] } } }
            m.trails = trails(index: index, parameters: p, interpolated: interpolated, columns: columns)
            m.diagonal = zip(columns.indices, columns).map { i, c in
                Self.line(base.diagonal[i], column: c, parameters: p, trails: m.trails.map { $0.map { $0[i] } })
            }
            return .matrix(m)
        }
    }

    /// K trails of the means restricted to `columns`, snapshots 0…index.
    private func trails(index: Int, parameters p: MixtureParameters, interpolated: Bool, columns: [Int]) -> [[[Double]]] {
        (0 ..< p.components).map { k in
            var trail = history.snapshots[0 ... index].map { s in columns.map { s.parameters.means[k][$0] } }
            if interpolated { trail.append(columns.map { p.means[k][$0] }) }
            return trail
        }
    }

    private static func line(_ base: LineScene, column c: Int, parameters p: MixtureParameters, trails: [[Double]]) -> LineScene {
        var line = base
        line.components = components(p, column: c)
        line.trails = trails
        return line
    }

    /// The 1-D marginals of `p` on column `c`: πₖ, μₖ[c], Σₖ[c][c].
    static func components(_ p: MixtureParameters, column c: Int) -> [LineComponent] {
        (0 ..< p.components).map { LineComponent(weight: p.weights[$0], mean: p.means[$0][c], variance: p.covariances[$0][c][c]) }
    }

    /// A column's fixed parts: histogram, window and a density axis tall enough for the
    /// histogram and for the mixture of every snapshot (up to ``peakCap``).
    static func lineBase(values: [Double], column c: Int, label: String, window: (Double, Double), history: FitHistory) -> LineScene {
        let histogram = Histogram(values: values)
        var peak = 0.0
        let samples = 400
        for snapshot in history.snapshots {
            let components = Self.components(snapshot.parameters, column: c)
            for i in 0 ... samples {
                let x = window.0 + (window.1 - window.0) * Double(i) / Double(samples)
                let f = components.reduce(0) { $0 + $1.weightedDensity(at: x) }
                if f.isFinite { peak = max(peak, f) }
            }
            // The peaks themselves, which a coarse grid may step over.
            for component in components where component.mean >= window.0 && component.mean <= window.1 {
                let f = components.reduce(0) { $0 + $1.weightedDensity(at: component.mean) }
                if f.isFinite { peak = max(peak, f) }
            }
        }
        let bars = histogram.maxDensity
        var top = bars > 0 ? max(bars, min(peak, peakCap * bars)) : peak
        if !(top > 0) || !top.isFinite { top = 1 }
        return LineScene(label: label, components: [], trails: [], histogram: histogram, xmin: window.0, xmax: window.1,
                         densityMax: top * headroom)
    }

    /// The values' extent plus ``RenderOptions/autoMargin`` of the span on each side.
    static func autoWindow(_ values: [Double]) -> (Double, Double) {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return (-10, 10) }
        let span = hi - lo
        let m = span > 0 ? span * RenderOptions.autoMargin : max(1, abs(lo) * 0.1)
        return (lo - m, hi + m)
    }
}
