import Foundation
@testable import GMMRender
import GMM
import Testing

/// The gallery of a model selection: which fit each panel draws, the build-up, and where
/// everything goes.
@Suite("model gallery")
struct GalleryLayoutTests {
    static let blobs = try? BlobGenerator.generate(means: [[0, 0], [7, 0], [0, 7]], count: 40, std: 1, seed: 5)

    static func selection(_ types: [CovarianceType] = [.full], k: ClosedRange<Int> = 1 ... 4) throws -> (ModelSelectionResult, Dataset) {
        let data = try #require(blobs)
        return (try ModelSelection(components: k, covarianceTypes: types).run(data), data)
    }

    // MARK: - Columns

    /// Closed forms: with no gap and no heading room, c columns of `count` panels in a W × H
    /// area are W/c wide and H/⌈count/c⌉ high, and a panel of aspect a draws min(w/a, h) high.
    @Test func columnsDrawThePanelsLargest() {
        let area = PixelRect(x: 0, y: 0, width: 1000, height: 500)
        // 8 square panels: 4 × 2 gives 250 × 250; 3 × 3 gives 333 × 166, 8 × 1 125 × 500.
        #expect(GalleryLayout.columns(count: 8, in: area, gap: 0, aspect: 1) { _ in 0 } == 4)
        // Wide panels (2:1) in a 800 × 400 area: 2 × 2 cells of 400 × 200 draw 200 high; one
        // column draws 100 high, four 100 (200 wide / 2), three 133.
        #expect(GalleryLayout.columns(count: 4, in: PixelRect(x: 0, y: 0, width: 800, height: 400), gap: 0, aspect: 2) { _ in 0 } == 2)
        // A tall area stacks square panels.
        #expect(GalleryLayout.columns(count: 3, in: PixelRect(x: 0, y: 0, width: 300, height: 900), gap: 0, aspect: 1) { _ in 0 } == 1)
        // One panel, one column.
        #expect(GalleryLayout.columns(count: 1, in: area, gap: 0, aspect: 1) { _ in 0 } == 1)
        // 9 square panels in 900 × 580: 3 × 3 cells of 300 × 193 draw 193 high, 4 × 3 cells
        // of 225 × 193 as high with 3 cells empty, 5 × 2 (180 × 290) 180: 3 × 3. Made 5 %
        // smaller than 5 × 2's 180 (171, a 513-high area), 3 × 3 still wins: 5 × 2 leaves one
        // cell empty.
        #expect(GalleryLayout.columns(count: 9, in: PixelRect(x: 0, y: 0, width: 900, height: 580), gap: 0, aspect: 1) { _ in 0 } == 3)
        #expect(GalleryLayout.columns(count: 9, in: PixelRect(x: 0, y: 0, width: 900, height: 516), gap: 0, aspect: 1) { _ in 0 } == 3)
        #expect(GalleryLayout.columns(count: 9, in: PixelRect(x: 0, y: 0, width: 900, height: 500), gap: 0, aspect: 1) { _ in 0 } == 5)
        // A tie (1 × 2 and 2 × 1 both draw 200) goes to fewer columns.
        #expect(GalleryLayout.columns(count: 2, in: PixelRect(x: 0, y: 0, width: 400, height: 400), gap: 0, aspect: 1) { _ in 0 } == 1)
        // Heading room counts against the height: 100 over each cell of 4 × 2 in 1000 × 500
        // leaves 150 high (and 250 wide), while 8 × 1 keeps 400 high at 125 wide: 4 × 2 still
        // draws larger (150 > 125).
        #expect(GalleryLayout.columns(count: 8, in: area, gap: 0, aspect: 1) { _ in 100 } == 4)
        // With 200 over each cell 4 × 2 draws 50 high and 8 × 1 draws 125: one row wins.
        #expect(GalleryLayout.columns(count: 8, in: area, gap: 0, aspect: 1) { _ in 200 } == 8)
    }

    /// Headings: the BIC, log-likelihood and type share a line when the longest such line
    /// fits at the note's size, else take two (the BIC alone), else three, and only then
    /// narrow until the longest single part fits; K's line is the header's size or narrower,
    /// never more than 1.4 times the numbers'; the room holds every line.
    @Test func headingPlanWrapsOnlyWhenNeeded() {
        let style = FrameStyle(width: 1000, height: 600)
        let headings = [GalleryHeading(name: "K = 10", bic: "BIC 2607.62", logLikelihood: "log-lik −4.742", type: "spherical")]
        func width(_ text: String) -> Double { Double(text.count) * FrameStyle.meanAdvance * style.noteFont }
        let one = HeadingPlan(headings: headings, width: width("BIC 2607.62 · log-lik −4.742 · spherical"), style: style)
        #expect(one.detailLines == 1 && one.detailFont == style.noteFont && one.nameFont == style.headerFont)
        let two = HeadingPlan(headings: headings, width: width("log-lik −4.742 · spherical"), style: style)
        #expect(two.detailLines == 2 && two.detailFont == style.noteFont)
        let three = HeadingPlan(headings: headings, width: width("log-lik −4.742 · spherical") - 1, style: style)
        #expect(three.detailLines == 3 && three.detailFont == style.noteFont)
        #expect(one.room < two.room && two.room < three.room)
        let tiny = HeadingPlan(headings: headings, width: 50, style: style)
        #expect(tiny.detailLines == 3)
        #expect(abs(tiny.detailFont - 50 / (Double("log-lik −4.742".count) * FrameStyle.meanAdvance)) < 1e-9)
        #expect(abs(tiny.nameFont - HeadingPlan.nameRatio * tiny.detailFont) < 1e-9)
        #expect(tiny.room >= HeadingPlan.nameLeading * tiny.nameFont + 3 * HeadingPlan.detailLeading * tiny.detailFont)
        // Without a type there is no third line.
        let untyped = [GalleryHeading(name: "K = 1", bic: "BIC 2607.62", logLikelihood: "log-lik −4.742", type: "")]
        #expect(HeadingPlan(headings: untyped, width: 50, style: style).detailLines == 2)
    }

    /// At the default size, on slides and at 4:3, for 1 to 12 panels: every cell and its
    /// heading room lie inside the grid, cells do not overlap, the grid is left of the chart,
    /// the chart's plot and legend lie inside its area, and everything inside the canvas.
    @Test(arguments: [(1000, 600, 1.0), (1920, 1080, RenderOptions.slideTextScale), (1440, 1080, RenderOptions.slideTextScale)])
    func everythingFitsItsRoom(_ size: (Int, Int, Double)) throws {
        let (result, data) = try Self.selection([.full, .diag], k: 1 ... 3)
        var options = RenderOptions()
        (options.width, options.height, options.textScale) = size
        options.bounds = .auto
        let gallery = try ModelGallery(selection: result, data: data, options: options)
        for count in 1 ... 12 {
            var many = gallery
            many.panels = (0 ..< count).map { gallery.panels[$0 % gallery.panels.count] }
            many.chosen = 0
            let layout = try GalleryLayout(options: options, gallery: many)
            let canvas = PixelRect(x: 0, y: 0, width: Double(size.0), height: Double(size.1))
            #expect(layout.cells.count == count)
            #expect(layout.grid.maxX < layout.chartArea.x)
            #expect(layout.grid.y >= layout.captionBaseline)
            for (i, cell) in layout.cells.enumerated() {
                let withHeading = PixelRect(x: cell.x, y: cell.y - layout.headings.room, width: cell.width, height: cell.height + layout.headings.room)
                #expect(Self.contains(layout.grid, withHeading, slack: 1), "cell \(i) of \(count): \(cell) in \(layout.grid)")
                for other in layout.cells[(i + 1)...] { #expect(!Self.overlap(cell, other), "\(cell) \(other)") }
            }
            #expect(Self.contains(layout.chartArea, layout.chart.plot, slack: 0))
            #expect(Self.contains(layout.chartArea, layout.chart.legend, slack: 0))
            #expect(layout.chart.legend.y > layout.chart.plot.maxY)
            #expect(Self.contains(canvas, layout.grid, slack: 0) && Self.contains(canvas, layout.chartArea, slack: 0))
        }
    }

    static func contains(_ outer: PixelRect, _ inner: PixelRect, slack: Double) -> Bool {
        inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.maxX <= outer.maxX + slack && inner.maxY <= outer.maxY + slack
    }

    static func overlap(_ a: PixelRect, _ b: PixelRect) -> Bool {
        a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY
    }

    // MARK: - The gallery of a selection

    /// A panel per K, each the fit of lowest BIC at its K with that fit's BIC and
    /// log-likelihood; the chosen panel is the selection's best; the chart's mark is the
    /// best's point.
    @Test func panelsAreTheBestFitAtEachK() throws {
        let (result, data) = try Self.selection([.full, .spherical])
        var options = RenderOptions()
        options.bounds = .auto
        let gallery = try ModelGallery(selection: result, data: data, options: options)
        #expect(gallery.panels.map(\.components) == [1, 2, 3, 4])
        for panel in gallery.panels {
            let fits = result.candidates.filter { $0.components == panel.components }
            let lowest = try #require(fits.compactMap(\.bic).min())
            #expect(panel.bic == lowest)
            let fit = try #require(fits.first { $0.bic == lowest })
            #expect(panel.covarianceType == fit.covarianceType.rawValue && panel.logLikelihood == fit.logLikelihood)
            #expect(panel.scene.componentCount == panel.components)
            // The points are coloured by the final model: each row of responsibilities sums to 1.
            let k = panel.components
            for i in stride(from: 0, to: panel.scene.points.count, by: 17) {
                #expect(abs(panel.scene.responsibilities[i * k ..< (i + 1) * k].reduce(0, +) - 1) < 1e-9)
            }
            #expect(panel.isChosen == (panel.components == result.best.components))
        }
        #expect(gallery.panels[gallery.chosen].components == result.best.components)
        let marked = gallery.chart.series[gallery.chosenPoint.series]
        #expect(marked.label == result.best.covarianceType.rawValue)
        #expect(marked.points[gallery.chosenPoint.point].components == result.best.components)
        #expect(marked.points[gallery.chosenPoint.point].value == result.best.bic)
        // Two types fitted: the headings name each panel's.
        #expect(gallery.showsTypes && gallery.headings.map(\.type) == gallery.panels.map(\.covarianceType))
    }

    /// The build-up: a page per K, each showing one more panel and the chart's points up to
    /// its K; only the last is complete, and it is the whole gallery.
    @Test func buildUpAddsOneKPerPage() throws {
        let (result, data) = try Self.selection()
        var options = RenderOptions()
        options.bounds = .auto
        let gallery = try ModelGallery(selection: result, data: data, options: options)
        let pages = gallery.buildUp
        #expect(pages.count == 4)
        for (i, page) in pages.enumerated() {
            #expect(page.revealed == i + 1)
            #expect(page.isComplete == (i == 3))
            #expect(page.shownChart.series.flatMap(\.points).map(\.components) == Array(1 ... (i + 1)))
            #expect(page.pageLabel == (i == 3 ? "chosen: K = \(result.best.components)" : "K = \(i + 1)"))
        }
        #expect(pages.last == gallery)
        #expect(gallery.revealing(0).revealed == 1 && gallery.revealing(99).revealed == 4)
    }

    /// The pairs view has no single plane per K: refused, naming the views that work.
    @Test func pairsViewIsRefused() throws {
        let (result, data) = try Self.selection(k: 1 ... 2)
        var options = RenderOptions()
        options.view = .pairs(columns: [0, 1])
        #expect(throws: RenderError.self) { try ModelGallery(selection: result, data: data, options: options) }
    }

    /// The same gallery renders to the same bytes, as PNG, SVG and a PDF deck.
    @Test func renderingIsReproducible() throws {
        let (result, data) = try Self.selection(k: 1 ... 3)
        var options = RenderOptions()
        (options.width, options.height, options.bounds) = (800, 480, .auto)
        let gallery = try ModelGallery(selection: result, data: data, options: options)
        let renderer = try GalleryRenderer(options: options)
        for format in FrameFormat.allCases {
            #expect(try renderer.render(gallery, format: format) == (try renderer.render(gallery, format: format)))
        }
        #expect(try renderer.deck(gallery.buildUp) == (try renderer.deck(gallery.buildUp)))
    }
}
