/// What a model-selection chart shows, in data units: an information criterion (BIC or AIC)
/// against the number of components K, one line per covariance type, each line's minimum and
/// the overall minimum marked. Pure values — ``ChartLayout`` places it, ``ChartRenderer`` draws it.
public struct CriterionChart: Sendable, Equatable {
    /// One point of a line: K and the criterion's value there.
    public struct Point: Sendable, Equatable {
        public var components: Int
        public var value: Double
        public init(components: Int, value: Double) {
            self.components = components
            self.value = value
        }
    }

    /// One line: a label (the covariance type), a colour slot of ``RenderPalette`` (so a type
    /// keeps its colour whichever types are shown) and its points, K ascending.
    public struct Series: Sendable, Equatable {
        public var label: String
        public var colorIndex: Int
        public var points: [Point]
        public init(label: String, colorIndex: Int, points: [Point]) {
            self.label = label
            self.colorIndex = colorIndex
            self.points = points.sorted { $0.components < $1.components }
        }

        /// The index in ``points`` of the lowest value (the earliest on ties), or nil if none.
        public var minimumIndex: Int? {
            var best: Int?
            for (i, p) in points.enumerated() where p.value.isFinite {
                if let b = best, points[b].value <= p.value { continue }
                best = i
            }
            return best
        }
    }

    /// The title above the plot, e.g. "Model selection: BIC".
    public var title: String
    /// The criterion's short name for the axis and legend, e.g. "BIC".
    public var criterion: String
    /// The lines, drawn in order (later ones on top).
    public var series: [Series]

    /// - Throws: ``RenderError/invalidScene(_:)`` when there is no finite point to draw, or a
    ///   K below 1.
    public init(title: String, criterion: String, series: [Series]) throws {
        let points = series.flatMap(\.points)
        guard points.contains(where: { $0.value.isFinite }) else {
            throw RenderError.invalidScene("the \(criterion) chart has no finite value to draw; fit at least one model successfully")
        }
        if let bad = points.first(where: { $0.components < 1 }) {
            throw RenderError.invalidScene("the \(criterion) chart has a point at K = \(bad.components); K must be at least 1")
        }
        self.title = title
        self.criterion = criterion
        self.series = series
    }

    /// The overall minimum: its series and point indices (the earliest series on ties).
    public var best: (series: Int, point: Int)? {
        var best: (series: Int, point: Int)?
        for (s, line) in series.enumerated() {
            guard let i = line.minimumIndex else { continue }
            if let b = best, series[b.series].points[b.point].value <= line.points[i].value { continue }
            best = (s, i)
        }
        return best
    }

    /// Smallest and largest K over all lines.
    var componentRange: ClosedRange<Int> {
        let ks = series.flatMap { $0.points.map(\.components) }
        return (ks.min() ?? 1) ... (ks.max() ?? 1)
    }

    /// Smallest and largest finite value over all lines.
    var valueRange: (lo: Double, hi: Double) {
        let vs = series.flatMap { $0.points.map(\.value) }.filter(\.isFinite)
        return (vs.min() ?? 0, vs.max() ?? 1)
    }

    public static func == (a: CriterionChart, b: CriterionChart) -> Bool {
        a.title == b.title && a.criterion == b.criterion && a.series == b.series
    }
}
