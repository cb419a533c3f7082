import GMMColor
import Foundation
import GMM
import Testing
@testable import GMMRender

/// The demo's fit, shared by the tests below.
private func teachingDemoFit() throws -> (history: FitHistory, data: Dataset) {
    let data = try Demo.data()
    let fit = try GaussianMixture(components: 3).fit(data, initialization: .means(Demo.initialMeans))
    return (fit.history, data)
}

/// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear-light sRGB.
private let deuteranopia: [[Double]] = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
private let protanopia: [[Double]] = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]

/// The Oklab colour of `packed` as seen through `matrix` (nil: normal vision), straight from
/// Ottosson's published formulas, independently of ``OklabColor``.
private func seen(_ packed: UInt32, _ matrix: [[Double]]?) -> (Double, Double, Double) {
    func lin(_ v: UInt32) -> Double {
        let c = Double(v) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    var rgb = [lin((packed >> 16) & 0xFF), lin((packed >> 8) & 0xFF), lin(packed & 0xFF)]
    if let m = matrix {
        rgb = m.map { row in min(max(row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2], 0), 1) }
    }
    let l = cbrt(0.4122214708 * rgb[0] + 0.5363325363 * rgb[1] + 0.0514459929 * rgb[2])
    let m = cbrt(0.2119034982 * rgb[0] + 0.6806995451 * rgb[1] + 0.1073969566 * rgb[2])
    let s = cbrt(0.0883024619 * rgb[0] + 0.2817188376 * rgb[1] + 0.6299787005 * rgb[2])
    return (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s)
}

private func deltaE(_ x: UInt32, _ y: UInt32, _ matrix: [[Double]]?) -> Double {
    let a = seen(x, matrix), b = seen(y, matrix)
    return ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)).squareRoot()
}

@Suite struct PointColorsTests {
    /// The smallest ΔE_ok allowed between component colours, and between a 50/50 blend and
    /// either of its parents, under normal vision, deuteranopia and protanopia: 0.05, about 2.5
    /// just-noticeable differences (ΔE_ok ≈ 0.02).
    static let minimumDeltaE = 0.05

    @Test func componentsAndBlendsStayApartUnderColourBlindness() throws {
        for k in [3, 4] {
            let colors = RenderPalette().colors(forComponents: k)
            let blender = ResponsibilityBlender(componentColors: colors)
            for i in 0 ..< k {
                for j in (i + 1) ..< k {
                    var row = [Double](repeating: 0, count: k)
                    row[i] = 0.5
                    row[j] = 0.5
                    let half = row.withUnsafeBufferPointer { blender.color($0) }.packed
                    for (name, matrix) in [("normal", nil), ("deuteranopia", deuteranopia), ("protanopia", protanopia)] as [(String, [[Double]]?)] {
                        let pair = deltaE(colors[i], colors[j], matrix)
                        #expect(pair >= Self.minimumDeltaE, "\(name): components \(i + 1), \(j + 1) ΔE \(pair)")
                        let toI = deltaE(half, colors[i], matrix), toJ = deltaE(half, colors[j], matrix)
                        #expect(min(toI, toJ) >= Self.minimumDeltaE, "\(name): 50/50 of \(i + 1), \(j + 1) = \(hex(half)): ΔE \(toI), \(toJ)")
                    }
                }
            }
        }
    }

    @Test func fiftyFiftyIsNotMud() throws {
        // Orange and bluish green: the sRGB mean is olive (115,159,58 → darker than both in
        // Oklab); the Oklab mix keeps a lightness between the parents'.
        let colors: [UInt32] = [0xE69F00, 0x009E73]
        let blender = ResponsibilityBlender(componentColors: colors)
        let half = [0.5, 0.5].withUnsafeBufferPointer { blender.color($0) }.packed
        let l = seen(half, nil).0, l0 = seen(colors[0], nil).0, l1 = seen(colors[1], nil).0
        #expect(abs(l - (l0 + l1) / 2) < 0.01)
    }

    @Test func unassignedPointsAreNeutral() throws {
        let (history, data) = try teachingDemoFit()
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        var scene = try builder.scene(at: 0)
        scene.pointsAssigned = false
        let fills = PointColors(scene: scene, componentColors: RenderPalette().colors(forComponents: 3)).fills
        for fill in Set(fills.map(\.packed)) {
            let lab = seen(fill, nil)
            #expect((lab.1 * lab.1 + lab.2 * lab.2).squareRoot() < 0.02, "\(hex(fill))")
        }
    }

    /// The 1σ circle of the demo's iteration 0, measured on the pixels: scan a row and a column
    /// through the first mean for the outline's colour.
    @Test func identityCovariancesAreCircles() throws {
        let (history, data) = try teachingDemoFit()
        var options = RenderOptions()
        options.showPoints = false
        options.showTrails = false
        options.showMeans = false
        options.sigmas = [1]
        options.showGrid = false
        let builder = try SceneBuilder(history: history, data: data, options: options)
        let scene = try builder.scene(at: 0)
        let renderer = try FrameRenderer(options: options)
        let frame = try renderer.renderRaster(scene)
        let layout = try renderer.layout(for: scene)
        let c = layout.transform.pixel(scene.components[0].mean)
        let color = RenderPalette().color(ofComponent: 0)
        func isOutline(_ x: Int, _ y: Int) -> Bool { channelDistance(frame.pixels[y * frame.width + x], color) <= 60 }
        let cx = Int(c.x), cy = Int(c.y)
        let xs = (cx - 60 ... cx + 60).filter { isOutline($0, cy) }
        let ys = (cy - 60 ... cy + 60).filter { isOutline(cx, $0) }
        let width = Double((xs.max() ?? 0) - (xs.min() ?? 0)), height = Double((ys.max() ?? 0) - (ys.min() ?? 0))
        #expect(width > 20 && height > 20)
        #expect(abs(width - height) <= 2, "1σ outline \(width) × \(height) px")
    }

    /// Pixels of the inset's plotting area right of iteration k hold nothing but its background.
    @Test func insetDrawsNothingBeyondTheCurrentIteration() throws {
        let (history, data) = try teachingDemoFit()
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        let renderer = try FrameRenderer(options: builder.options)
        let background = RenderOptions().theme.colors.background
        for k in [0, 1, 5] {
            let scene = try builder.scene(at: k)
            let frame = try renderer.renderRaster(scene)
            guard let r = try renderer.layout(for: scene).inset else { Issue.record("no inset"); return }
            let xk = r.x + Double(k) / Double(history.iterations) * r.width
            var stray = 0
            for y in Int(r.y) + 2 ..< Int(r.maxY) - 1 {
                for x in Int(xk + 6) ..< Int(r.maxX) - 1 where frame.pixels[y * frame.width + x] != background { stray += 1 }
            }
            #expect(stray == 0, "frame \(k): \(stray) pixels drawn right of iteration \(k)")
        }
    }

    /// Iterations 1…10 of the demo each put the inset's current point at least 2 px above the
    /// previous one (checked on the layout's map, the same function the drawer uses).
    @Test func everyEarlyIncreaseIsVisible() throws {
        let (history, data) = try teachingDemoFit()
        let scene = try SceneBuilder(history: history, data: data, options: RenderOptions()).scene(at: 0)
        guard let r = try FrameLayout(options: RenderOptions(), scene: scene).inset else { Issue.record("no inset"); return }
        let values = history.snapshots.map(\.logLikelihood)
        let range = FrameDrawer.insetRange(values)
        func y(_ v: Double) -> Double { r.maxY - (v - range.lo) / (range.hi - range.lo) * r.height }
        for k in 1 ... 10 {
            let previous = min(y(values[k - 1]), r.maxY)
            #expect(previous - y(values[k]) >= 2, "iteration \(k): \(previous - y(values[k])) px")
        }
    }

    /// At 1920 × 1080 the tick digits are at least 1.6 % of the height, and every label of the
    /// frame shrunk to 960 pixels wide is at least 8 pixels high: measured on the ink of the
    /// rendered text in the axis band and the side column.
    @Test func slideTextIsLargeEnough() throws {
        var options = RenderOptions()
        (options.width, options.height) = RenderOptions.Preset.slides.size
        options.showPoints = false
        options.showEllipses = false
        options.showTrails = false
        options.showMeans = false
        options.showGrid = false
        let (history, data) = try teachingDemoFit()
        let builder = try SceneBuilder(history: history, data: data, options: options)
        let scene = try builder.scene(at: 3)
        let renderer = try FrameRenderer(options: options)
        let frame = try renderer.renderRaster(scene)
        let layout = try renderer.layout(for: scene)
        // The x tick labels: the ink rows in the band just under the plot's frame and ticks.
        let plot = layout.plot
        let band = (Int(plot.maxY + 5 * layout.style.unit) + 1, Int(plot.maxY + 30 * layout.style.unit))
        let inkRows = (band.0 ..< band.1).filter { y in
            (Int(plot.x) ..< Int(plot.maxX)).contains { x in channelDistance(frame.pixels[y * frame.width + x], 0xFFFFFF) > 120 }
        }
        let digitHeight = Double((inkRows.max() ?? 0) - (inkRows.min() ?? 0) + 1)
        #expect(digitHeight >= 0.016 * 1080, "tick digits \(digitHeight) px high")
        #expect(digitHeight * 960 / 1920 >= 8)
        // The smallest text (the side column's) uses the smallest font; its capitals and digits
        // are 0.73 em: at half size they must stay ≥ 8 px.
        #expect(layout.style.panelFont * 0.729 * 0.5 >= 8)
        #expect(layout.style.noteFont >= layout.style.panelFont && layout.style.tickFont >= layout.style.panelFont)
    }

    /// Tween frames print only real snapshots' numbers.
    @Test func tweensReportRealSnapshots() throws {
        let (history, data) = try teachingDemoFit()
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        for (a, f) in [(0, 0.2), (0, 0.7), (4, 0.5)] {
            let pa = history.snapshots[a].parameters, pb = history.snapshots[a + 1].parameters
            let p = try pa.interpolated(to: pb, fraction: f)
            let r = try GMM.responsibilities(of: data, under: p)
            let scene = try builder.tweenScene(from: a, to: a + 1, fraction: f, parameters: p, responsibilities: r)
            let reported = f < 0.5 ? a : a + 1
            #expect(scene.iteration == history.snapshots[reported].iteration)
            #expect(scene.logLikelihood == history.snapshots[reported].logLikelihood)
            #expect(scene.displayedWeights == history.snapshots[reported].parameters.weights)
            #expect(scene.progress == Double(history.snapshots[reported].iteration))
            #expect(scene.components[0].weight != scene.displayedWeights[0])
        }
    }

    /// With 1,000,000 points drawn as a density image, the 1σ outline of the densest component
    /// still shows its own colour: along the outline most pixels are near the component colour.
    @Test func ellipsesStayVisibleOverADensityImage() throws {
        // The demo's fit at iteration 1 over a million points drawn from its three blobs.
        let blobs = try BlobGenerator.generate(means: Demo.trueMeans, count: 333_334, seed: 0)
        let data = try Dataset(values: Array(blobs.values.prefix(2_000_000)), dimension: 2)
        let (history, _) = try teachingDemoFit()
        let scene = try SceneBuilder(history: history, data: data, options: RenderOptions()).scene(at: 1)
        var options = RenderOptions()
        options.width = 500
        options.height = 300
        let renderer = try FrameRenderer(options: options)
        let frame = try renderer.renderRaster(scene)
        let layout = try renderer.layout(for: scene)
        let colors = RenderPalette().colors(forComponents: scene.componentCount)
        let drawer = { (c: SceneComponent, k: Int) -> Double in
            guard let g = EllipseGeometry(mean: c.mean, covariance: c.covariance, sigma: 1) else { return 0 }
            // An ellipse hidden under its own mean marker has nothing to show.
            let minor = layout.transform.vector(g.minor)
            guard (minor.x * minor.x + minor.y * minor.y).squareRoot() > 12 * layout.style.unit else { return 1 }
            var near = 0, total = 0
            for step in 0 ..< 72 {
                let t = Double(step) / 72 * 2 * Double.pi
                let p = layout.transform.pixel(Point2(x: g.center.x + cos(t) * g.major.x + sin(t) * g.minor.x,
                                                      y: g.center.y + cos(t) * g.major.y + sin(t) * g.minor.y))
                let x = Int(p.x), y = Int(p.y)
                guard x >= Int(layout.plot.x), x < Int(layout.plot.maxX), y >= Int(layout.plot.y), y < Int(layout.plot.maxY) else { continue }
                total += 1
                let best = (-1 ... 1).flatMap { dy in (-1 ... 1).map { dx in channelDistance(frame.pixels[(y + dy) * frame.width + x + dx], colors[k]) } }.min() ?? 999
                if best <= 60 { near += 1 }
            }
            return total > 0 ? Double(near) / Double(total) : 0
        }
        for (k, c) in scene.components.enumerated() {
            let share = drawer(c, k)
            #expect(share >= 0.9, "component \(k + 1): \(share) of its outline visible")
        }
    }
}
