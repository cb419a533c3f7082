import Foundation
import GMM
import Testing
@testable import GMMRender
import GMMImage

/// The model-selection chart: layout arithmetic, pixels, and reproducible vector output.
@Suite struct ChartTests {
    static func chart() throws -> CriterionChart {
        let full = CriterionChart.Series(label: "full", colorIndex: 0, points: [
            .init(components: 1, value: 4500), .init(components: 2, value: 4000), .init(components: 3, value: 3700),
            .init(components: 4, value: 3450), .init(components: 5, value: 3480), .init(components: 6, value: 3510),
        ])
        let diag = CriterionChart.Series(label: "diag", colorIndex: 2, points: [
            .init(components: 1, value: 4490), .init(components: 2, value: 3990), .init(components: 3, value: 3720),
            .init(components: 4, value: 3420), .init(components: 5, value: 3455), .init(components: 6, value: .nan),
        ])
        return try CriterionChart(title: "BIC", criterion: "BIC", series: [full, diag])
    }

    @Test func minimaAndLayout() throws {
        let chart = try Self.chart()
        #expect(chart.series[0].minimumIndex == 3 && chart.series[1].minimumIndex == 3)
        let best = try #require(chart.best)
        #expect(best.series == 1 && best.point == 3)
        let layout = ChartLayout(options: ChartOptions(), chart: chart)
        #expect(layout.componentTicks == [1, 2, 3, 4, 5, 6])
        let w = layout.transform.window
        #expect(w.ymin <= 3420 && w.ymax >= 4500 && w.xmin == 0.5 && w.xmax == 6.5)
        #expect(layout.valueTicks.first == w.ymin && layout.valueTicks.last == w.ymax)
        // Lower values sit lower on the chart, and everything lies inside the plot.
        let low = layout.pixel(.init(components: 4, value: 3420)), high = layout.pixel(.init(components: 1, value: 4500))
        #expect(low.y > high.y)
        for p in [low, high] {
            #expect(p.x > layout.plot.x && p.x < layout.plot.maxX && p.y > layout.plot.y && p.y < layout.plot.maxY)
        }
        #expect(layout.legend.x >= layout.plot.maxX)
    }

    /// The overall minimum wears the mean marker in its line's colour; another point a dot in its own.
    @Test func markersHaveTheirColours() throws {
        let chart = try Self.chart()
        let renderer = try ChartRenderer()
        let frame = try renderer.renderRaster(chart)
        #expect(frame.width == 800 && frame.height == 480)
        let layout = renderer.layout(for: chart)
        let palette = RenderPalette()
        let best = layout.pixel(chart.series[1].points[3])
        #expect(channelDistance(frame[Int(best.x), Int(best.y)], palette.color(ofComponent: 2)) <= 2)
        // The marker's dark rim, 7.3 px out.
        #expect(channelDistance(frame[Int(best.x + 7.3), Int(best.y)], Theme.light.colors.text) <= 40)
        let dot = layout.pixel(chart.series[0].points[5])  // K = 6, where diag has no value
        #expect(channelDistance(frame[Int(dot.x), Int(dot.y)], palette.color(ofComponent: 0)) <= 2)
        #expect(frame[3, 3] == Theme.light.colors.background)
    }

    @Test func vectorOutputIsReproducible() throws {
        let chart = try Self.chart()
        let renderer = try ChartRenderer()
        let a = try renderer.render(chart, format: .svg), b = try renderer.render(chart, format: .svg)
        #expect(a == b)
        #expect(String(decoding: a, as: UTF8.self).contains("<svg"))
        let pdf = try renderer.render(chart, format: .pdf)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let png = try renderer.render(chart, format: .png)
        #expect(try RGBImage.decodePNG(png) == (try renderer.renderRaster(chart)))
    }

    @Test func fromASelection() throws {
        let data = try BlobGenerator.generate(means: [[0, 0], [8, 0], [0, 8]], count: 60, seed: 2)
        let result = try ModelSelection(components: 1 ... 5, covarianceTypes: [.spherical, .full]).run(data)
        let chart = try CriterionChart(selection: result)
        #expect(chart.series.map(\.label) == ["spherical", "full"])
        #expect(chart.series.map(\.colorIndex) == [3, 0])
        let best = try #require(chart.best)
        #expect(chart.series[best.series].label == result.best.covarianceType.rawValue)
        #expect(chart.series[best.series].points[best.point].components == result.best.components)
    }

    @Test func badChartsAreRejected() throws {
        #expect(throws: RenderError.self) {
            try CriterionChart(title: "", criterion: "BIC", series: [.init(label: "full", colorIndex: 0, points: [.init(components: 1, value: .nan)])])
        }
        var small = ChartOptions()
        small.width = 100
        #expect(throws: RenderError.self) { try ChartRenderer(options: small) }
    }
}
