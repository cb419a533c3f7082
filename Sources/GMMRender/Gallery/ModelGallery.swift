/// The choice of K as one picture: the final fitted model of every K of a model selection side
/// by side, one panel per K, beside the criterion (BIC) against K, with the chosen K marked in
/// both.
///
/// Each panel shows the data coloured by that fit's responsibilities, with its ellipses and
/// means, under a heading with K, its BIC and its mean log-likelihood; the chart draws one line
/// per covariance type. A gallery can also be shown as it builds up (``revealing(_:)``): the
/// first panels and the chart's points up to their K, the choice marked only once every K is
/// shown — the pages of a lecture that fits one K after another.
///
/// Pure values, built from a `ModelSelectionResult` by
/// ``init(selection:data:options:title:source:)``; ``GalleryLayout`` places it and
/// ``GalleryRenderer`` draws it.
public struct ModelGallery: Sendable, Equatable {
    /// One panel per K that was fitted, K ascending.
    public var panels: [GalleryPanel]
    /// The criterion against K, one line per covariance type, over every K.
    public var chart: CriterionChart
    /// The index in ``panels`` of the chosen model.
    public var chosen: Int
    /// The chosen model's line and point in ``chart``.
    public var chosenPoint: ChartMark
    /// The title above everything.
    public var title: String
    /// The line under the title: the choice in words.
    public var summary: String
    /// The line under the summary: the data and what each panel draws.
    public var caption: String
    /// How many panels are shown, from the first: ``panels``' count for the whole picture.
    public var revealed: Int

    /// A point of a ``CriterionChart``: the index of its line and of the point on that line.
    public struct ChartMark: Sendable, Hashable {
        public var series: Int
        public var point: Int

        public init(series: Int, point: Int) {
            self.series = series
            self.point = point
        }
    }

    /// - Throws: ``RenderError/invalidScene(_:)`` for no panel, or a chosen panel or point
    ///   that does not exist.
    public init(panels: [GalleryPanel], chart: CriterionChart, chosen: Int, chosenPoint: ChartMark,
                title: String, summary: String, caption: String) throws {
        guard !panels.isEmpty else { throw RenderError.invalidScene("a gallery of fitted models needs at least one fitted K") }
        guard panels.indices.contains(chosen) else {
            throw RenderError.invalidScene("the chosen panel \(chosen) is not one of the gallery's \(panels.count) panels")
        }
        guard chart.series.indices.contains(chosenPoint.series), chart.series[chosenPoint.series].points.indices.contains(chosenPoint.point) else {
            throw RenderError.invalidScene("the chosen point (line \(chosenPoint.series), point \(chosenPoint.point)) is not on the chart")
        }
        self.panels = panels
        self.chart = chart
        self.chosen = chosen
        self.chosenPoint = chosenPoint
        self.title = title
        self.summary = summary
        self.caption = caption
        revealed = panels.count
    }

    /// Whether the panels name their covariance type: when the selection fitted several.
    public var showsTypes: Bool { chart.series.count > 1 }

    /// Every panel's heading.
    public var headings: [GalleryHeading] { panels.map { $0.heading(showingType: showsTypes) } }

    /// Whether every panel is shown, and so the choice marked.
    public var isComplete: Bool { revealed >= panels.count }

    /// This gallery with only its first `count` panels shown (at least one, at most all): the
    /// chart keeps its axes and shows the points up to the last shown K, and the choice is
    /// marked only when every panel is shown.
    public func revealing(_ count: Int) -> ModelGallery {
        var gallery = self
        gallery.revealed = min(max(count, 1), panels.count)
        return gallery
    }

    /// The pages of the gallery building up: one more K on each, the last the whole picture.
    public var buildUp: [ModelGallery] { (1 ... panels.count).map(revealing) }

    /// The chart as far as it is shown: every line's points up to the last shown K.
    var shownChart: CriterionChart {
        guard !isComplete else { return chart }
        let last = panels[revealed - 1].components
        var shown = chart
        shown.series = chart.series.map { line in
            var line = line
            line.points = line.points.filter { $0.components <= last }
            return line
        }
        return shown
    }

    /// The name of the page: the K shown last, or the choice once complete, e.g. "K = 3" or
    /// "chosen: K = 2".
    public var pageLabel: String {
        isComplete ? "chosen: K = \(panels[chosen].components)" : "K = \(panels[revealed - 1].components)"
    }
}
