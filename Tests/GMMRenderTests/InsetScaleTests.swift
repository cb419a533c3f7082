import Foundation
import GMM
import Testing
@testable import GMMRender

/// The inset's value axis: iteration 0 on the chart, readable ticks, a flat run drawn flat and
/// a curve that never goes down.
@Suite struct InsetScaleTests {
    /// Histories of different shapes: the demo's (a first step of +5.6, then +0.4 in all), one
    /// whose first step is the smallest, one gaining only 1e-4 in total, and one with a single
    /// iteration.
    static let histories: [(name: String, values: [Double])] = [
        ("demo", demoFit.history.snapshots.map(\.logLikelihood)),
        ("small first step", [-3.0, -2.99, -2.9, -2.7, -2.6, -2.58, -2.575]),
        ("gain 1e-4", (0 ... 20).map { -2.3 + 1e-4 * (1 - pow(0.6, Double($0))) }),
        ("one iteration", [-5.2, -4.1]),
    ]

    /// Inset plotting areas from 60 to 270 pixels tall, at the default unit and at a slide's.
    static let plots: [(rect: PixelRect, style: FrameStyle)] = [
        (PixelRect(x: 660, y: 120, width: 300, height: 60), FrameStyle(width: 1000, height: 600)),
        (PixelRect(x: 660, y: 120, width: 300, height: 80), FrameStyle(width: 1000, height: 600)),
        (PixelRect(x: 660, y: 120, width: 300, height: 150), FrameStyle(width: 1000, height: 600)),
        (PixelRect(x: 520, y: 100, width: 230, height: 120), FrameStyle(width: 800, height: 480)),
        (PixelRect(x: 1300, y: 220, width: 500, height: 270), FrameStyle(width: 1920, height: 1080)),
    ]

    /// Iteration 0's point lies strictly inside the plotting area (not on an edge, where an
    /// off-scale value would be clamped) and strictly below iteration 1's.
    @Test func initialValueIsInsideThePlot() {
        for (name, values) in Self.histories {
            for (r, style) in Self.plots {
                let scale = InsetScale(values: values, plot: r, style: style)
                let y0 = scale.y(values[0]), y1 = scale.y(values[1])
                #expect(y0 > r.y + 1 && y0 < r.maxY - 1, "\(name), \(r.height) px: iteration 0 at \(y0) in \(r.y)…\(r.maxY)")
                #expect(y1 < y0, "\(name), \(r.height) px: iteration 1 at \(y1), iteration 0 at \(y0)")
            }
        }
    }

    /// In the drawn demo frame 0, the dot of iteration 0 is in the plotting area, centred on its
    /// value's row, at every frame size: not an off-scale marker on the bottom edge.
    @Test(arguments: [(1000, 600), (800, 480), (1920, 1080), (1440, 1080)])
    func initialDotIsDrawnInsideThePlot(size: (Int, Int)) throws {
        let (data, history) = demoFit
        var options = RenderOptions()
        options.width = size.0
        options.height = size.1
        let builder = try SceneBuilder(history: history, data: data, options: options)
        let renderer = try FrameRenderer(options: builder.options)
        let scene = try builder.scene(at: 0)
        let layout = try renderer.layout(for: scene)
        guard let r = layout.inset else { Issue.record("no inset"); return }
        let frame = try renderer.renderRaster(scene)
        let ink = options.theme.colors.text
        let scale = InsetScale(values: scene.logLikelihoods, plot: r, style: layout.style)
        // Dark pixels in the plot's left strip, where only iteration 0's dot is drawn (and the
        // break's strokes, in its band).
        let band = scale.breakBand.map { (Int($0.top) - 3) ... (Int($0.bottom) + 3) }
        var rows = [Int]()
        for y in Int(r.y) + 2 ..< Int(r.maxY) - 1 where !(band?.contains(y) ?? false) {
            for x in Int(r.x) + 2 ... Int(r.x + 5 * layout.style.unit) where channelDistance(frame.pixels[y * frame.width + x], ink) < 60 {
                rows.append(y)
            }
        }
        #expect(rows.count >= 4, "\(size): \(rows.count) dark pixels of the dot inside the plot")
        let expected = scale.y(history.snapshots[0].logLikelihood)
        let centre = Double(rows.reduce(0, +)) / Double(max(rows.count, 1)) + 0.5
        #expect(abs(centre - expected) < 1.5, "\(size): dot centred on row \(centre), value's row \(expected)")
        #expect(rows.allSatisfy { Double($0) < r.maxY - 2 * layout.style.unit }, "\(size): dark pixels on the bottom edge")
    }

    /// Where the plot is at least 80 px tall there are three ticks or more, at 1-2-5 multiples,
    /// covering the values above any break, at least a label's height plus 2 px apart (the
    /// label of a broken-off initial value too), so no two labels overlap.
    @Test func ticksAreEnoughAndApart() {
        for (name, values) in Self.histories {
            for (r, style) in Self.plots where r.height >= 80 {
                let scale = InsetScale(values: values, plot: r, style: style)
                let label = InsetScale.labelHeight(style)
                #expect(scale.ticks.count >= 3, "\(name), \(r.height) px: \(scale.ticks)")
                let mantissa = scale.step / pow(10, floor(log10(scale.step)))
                #expect([1, 2, 5].contains { abs(mantissa - Double($0)) < 1e-9 }, "\(name): step \(scale.step)")
                for t in scale.ticks {
                    #expect(abs(t / scale.step - (t / scale.step).rounded()) < 1e-6, "\(name): tick \(t) not a multiple of \(scale.step)")
                }
                let main = scale.brokenInitial == nil ? values : Array(values.dropFirst())
                #expect((scale.ticks.first ?? .infinity) <= (main.min() ?? 0) && (scale.ticks.last ?? -.infinity) >= (main.max() ?? 0),
                        "\(name): ticks \(scale.ticks) do not cover \(main.min() ?? 0)…\(main.max() ?? 0)")
                var rows = scale.ticks.map(scale.y)
                if let initial = scale.brokenInitial { rows.append(scale.y(initial)) }
                rows.sort()
                for (a, b) in zip(rows, rows.dropFirst()) {
                    #expect(b - a >= label + 2, "\(name), \(r.height) px: labels at rows \(a) and \(b) overlap")
                }
                #expect(rows.allSatisfy { $0 >= r.y && $0 <= r.maxY }, "\(name): a tick outside the plot")
            }
        }
    }

    /// A run gaining 1e-4 in total is drawn within 1 % of the plot's height, while the same
    /// shape gaining 1 fills most of it.
    @Test func aTinyGainLooksFlat() {
        let shape = (0 ... 20).map { 1 - pow(0.6, Double($0)) }
        for (r, style) in Self.plots {
            let flat = shape.map { -2.3 + 1e-4 * $0 }
            let flatScale = InsetScale(values: flat, plot: r, style: style)
            let flatRise = flatScale.y(flat[0]) - flatScale.y(flat[20])
            #expect(flatRise >= 0 && flatRise < 0.01 * r.height, "\(r.height) px: a gain of 1e-4 rises \(flatRise) px")
            let steep = shape.map { -2.3 + $0 }
            let steepScale = InsetScale(values: steep, plot: r, style: style)
            let steepRise = steepScale.y(steep[0]) - steepScale.y(steep[20])
            #expect(steepRise > 0.5 * r.height, "\(r.height) px: a gain of 1 rises only \(steepRise) px")
        }
    }

    /// EM never lowers the log-likelihood, so the drawn curve never goes down: for random
    /// non-decreasing histories (first steps from 1e-5 to 100), every step's row is at or above
    /// the previous one's, and the mapping is monotone over a sweep through and past the range,
    /// the skipped range of a break included.
    @Test func theCurveNeverGoesDown() {
        var rng = SeededGenerator(seed: 21)
        for trial in 0 ..< 200 {
            var v = Double.random(in: -20 ... 0, using: &rng)
            var values = [v]
            var step = pow(10, Double.random(in: -5 ... 2, using: &rng))
            for _ in 0 ..< Int.random(in: 1 ... 40, using: &rng) {
                v += step * Double.random(in: 0 ... 1, using: &rng)
                values.append(v)
                step *= Double.random(in: 0.05 ... 1.2, using: &rng)
            }
            let (r, style) = Self.plots[trial % Self.plots.count]
            let scale = InsetScale(values: values, plot: r, style: style)
            for (a, b) in zip(values, values.dropFirst()) {
                #expect(scale.y(b) <= scale.y(a) + 1e-9, "trial \(trial): \(a) → \(b) goes down on the chart")
            }
            let low = values[0] - 1, high = (values.last ?? 0) + 1
            var previous = Double.infinity
            for i in 0 ... 2000 {
                let y = scale.y(low + (high - low) * Double(i) / 2000)
                #expect(y <= previous + 1e-9, "trial \(trial): the mapping goes down at sample \(i)")
                previous = y
            }
        }
    }

    /// The axis is broken only when the first step dwarfs the rest, and a linear axis gives
    /// equal gains equal heights.
    @Test func breaksOnlyForAFirstStepThatDwarfsTheRest() {
        let (r, style) = Self.plots[2]
        let demo = InsetScale(values: Self.histories[0].values, plot: r, style: style)
        #expect(demo.brokenInitial != nil)
        let gentle = [-3.0, -2.9, -2.8, -2.7, -2.6]
        let scale = InsetScale(values: gentle, plot: r, style: style)
        #expect(scale.brokenInitial == nil)
        let rises = zip(gentle, gentle.dropFirst()).map { scale.y($0.0) - scale.y($0.1) }
        for rise in rises { #expect(abs(rise - rises[0]) < 1e-6, "rises \(rises)") }
    }

    /// Histories with non-finite or enormous values, or too short for a curve, give a scale
    /// whose rows stay in the plot and a frame that draws.
    @Test func degenerateHistoriesStayInThePlot() throws {
        let histories: [[Double]] = [
            [], [-3], [.nan, -2, -1], [-.infinity, -4, -3], [-1e300, -4, -3.9], [-1e308, 1e308],
            [.nan, .nan], [-2, -2, -2], [-4, .infinity],
        ]
        let (r, style) = Self.plots[2]
        for values in histories {
            let scale = InsetScale(values: values, plot: r, style: style)
            for v in values + [0, -1e308, 1e308] where !v.isNaN {
                let y = scale.y(v)
                #expect(y >= r.y && y <= r.maxY, "\(values): \(v) at row \(y)")
            }
            let scene = try Scene(points: [], responsibilities: [], components: [], iteration: max(values.count - 1, 0),
                                  iterationCount: max(values.count - 1, 0), logLikelihoods: values)
            var options = RenderOptions()
            options.width = 600
            options.height = 400
            _ = try FrameRenderer(options: options).renderRaster(scene)
        }
    }
}
