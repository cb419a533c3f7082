import Foundation
import GMM
import Testing
import TestSupport
@testable import GMMRender

/// The line, pairs and PCA views, the regions and the density levels, checked against closed
/// forms, Monte Carlo estimates made here and measurements on rendered pixels.
@Suite struct ViewTests {
    let text = Theme.light.colors.text
    let background = Theme.light.colors.background
    let palette: [UInt32] = [0xD55E00, 0x0072B2, 0x009E73]

    /// Two well-separated clusters in one column: 140 points around −4 and 60 around +4.
    static func oneColumnData() throws -> Dataset {
        var rng = SeededGenerator(seed: 11)
        func normal() -> Double {
            (-2 * log(1 - Double.random(in: 0 ..< 1, using: &rng))).squareRoot() * cos(2 * .pi * Double.random(in: 0 ..< 1, using: &rng))
        }
        let values = (0 ..< 140).map { _ in -4 + normal() } + (0 ..< 60).map { _ in 4 + 0.8 * normal() }
        return try Dataset(values: values, dimension: 1)
    }

    @Test func lineViewMixturePeakIsAtTheHeavierMean() throws {
        let data = try Self.oneColumnData()
        let fit = try GaussianMixture(components: 2).fit(data, initialization: .means([[-1], [1]]))
        var o = bareOptions(width: 400, height: 300)
        o.view = .line(column: 0)
        o.bounds = .fixed(xmin: -10, xmax: 10, ymin: -10, ymax: 10)
        let builder = try SceneBuilder(history: fit.history, data: data, options: o)
        let last = builder.snapshotCount - 1
        let scene = try builder.scene(at: last)
        let p = fit.history.final.parameters
        let heavy = p.weights[0] > p.weights[1] ? 0 : 1
        let renderer = try FrameRenderer(options: o)
        let frame = try renderer.renderRaster(scene)
        let panels = FrameDrawer.LinePanels(area: try renderer.layout(for: scene).plot, strip: true)
        let d = panels.density
        let expected = d.x + (p.means[heavy][0] + 10) / 20 * d.width
        // The mixture curve's topmost pixels, in its neutral ink.
        var peakXs = [Int]()
        for y in Int(d.y) ..< Int(d.maxY) where peakXs.isEmpty {
            for x in Int(d.x) ..< Int(d.maxX) where channelDistance(frame.pixels[y * frame.width + x], text) <= 40 {
                peakXs.append(x)
            }
        }
        #expect(!peakXs.isEmpty)
        let measured = Double(peakXs.reduce(0, +)) / Double(max(peakXs.count, 1)) + 0.5
        #expect(abs(measured - expected) <= 2, "peak at x = \(measured) px, heavier mean at \(expected) px")
        // The density axis is the same on every frame.
        let tops = try (0 ..< builder.snapshotCount).map { i -> Double in
            guard case let .line(line) = try builder.scene(at: i).view else { return .nan }
            return line.densityMax
        }
        #expect(Set(tops).count == 1)
    }

    /// numpy's linear-interpolation quartiles of 1…100 are 25.75 and 75.25, so the
    /// Freedman–Diaconis width is 2 · 49.5 / 100^(1/3) = 21.33 and the range 99 takes 5 bins;
    /// Sturges takes ⌈log₂ 100⌉ + 1 = 8, the larger (numpy's `bins="auto"` gives 8 too).
    /// A far outlier makes Freedman–Diaconis the larger: 1…100 and 1000 have quartiles 26 and 76
    /// (IQR 50) and range 999, so ⌈999 / (100 / 101^(1/3))⌉ = 47 bins against Sturges' 8.
    @Test func histogramFollowsTheAutoRule() {
        let h = Histogram(values: (1 ... 100).map(Double.init))
        #expect(h.densities.count == 8)
        #expect(abs(h.width - 99.0 / 8) < 1e-12)
        let area = h.densities.reduce(0) { $0 + $1 * h.width }
        #expect(abs(area - 1) < 1e-12)
        let outlier = Histogram(values: (1 ... 100).map(Double.init) + [1000])
        #expect(outlier.densities.count == Int((999 / (100 / cbrt(101.0))).rounded(.up)))
        #expect(outlier.densities.count == 47)
        // Equal values have no interquartile range: Sturges' ⌈log₂ 8⌉ + 1 = 4 bins.
        #expect(Histogram(values: [0, 0, 0, 0, 0, 0, 0, 1]).densities.count == 4)
    }

    static func iris() throws -> Dataset {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("assets/data/iris.csv")
        return try CSVReader.read(path: url.path)
    }

    /// With K = 1 the fitted mean is the sample mean; every off-diagonal cell's ellipse must be
    /// centred on that mean's projection (the midpoint of the outline's extent).
    @Test func pairsCellsCentreEllipsesOnProjectedMeans() throws {
        let data = try Self.iris()
        #expect(data.columnNames == ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        let fit = try GaussianMixture(components: 1).fit(data, initialization: .kMeans)
        var o = bareOptions(width: 640, height: 640)
        o.view = .pairs(columns: [0, 1, 2, 3])
        o.showEllipses = true
        o.sigmas = [1]
        let builder = try SceneBuilder(history: fit.history, data: data, options: o)
        let scene = try builder.scene(at: builder.snapshotCount - 1)
        guard case let .matrix(m) = scene.view else {
            Issue.record("not a matrix scene")
            return
        }
        #expect(m.labels == data.columnNames)
        #expect(m.diagonal.count == 4)
        let renderer = try FrameRenderer(options: o)
        let frame = try renderer.renderRaster(scene)
        let area = try renderer.layout(for: scene).plot
        let sampleMean = (0 ..< 4).map { c in (0 ..< data.count).reduce(0) { $0 + data.values[$1 * 4 + c] } / Double(data.count) }
        var cells = 0
        for r in 0 ..< 4 {
            for c in 0 ..< 4 where r != c {
                let rect = FrameDrawer.cell(row: r, column: c, of: 4, in: area)
                let w = FrameDrawer.cellWindow(m, row: r, column: c)
                let ex = rect.x + (sampleMean[c] - w.xmin) / (w.xmax - w.xmin) * rect.width
                let ey = rect.y + (w.ymax - sampleMean[r]) / (w.ymax - w.ymin) * rect.height
                var xs = (Int.max, Int.min), ys = (Int.max, Int.min)
                for y in Int(rect.y) + 2 ..< Int(rect.maxY) - 2 {
                    for x in Int(rect.x) + 2 ..< Int(rect.maxX) - 2 where channelDistance(frame.pixels[y * frame.width + x], palette[0]) <= 60 {
                        xs = (min(xs.0, x), max(xs.1, x))
                        ys = (min(ys.0, y), max(ys.1, y))
                    }
                }
                let cx = Double(xs.0 + xs.1 + 1) / 2, cy = Double(ys.0 + ys.1 + 1) / 2
                #expect(abs(cx - ex) <= 1.5 && abs(cy - ey) <= 1.5, "cell (\(r), \(c)): centre (\(cx), \(cy)), mean at (\(ex), \(ey))")
                cells += 1
            }
        }
        #expect(cells == 12)
    }

    /// Six points c ± a·u₁, c ± b·u₂, c ± e·u₃ on orthonormal u's: the covariance is
    /// (2a² u₁u₁ᵀ + 2b² u₂u₂ᵀ + 2e² u₃u₃ᵀ) / 5, so the principal axes are u₁ and u₂ and the shares
    /// a²/(a² + b² + e²) and b²/(a² + b² + e²).
    @Test func pcaProjectsMeansOntoTheKnownAxes() throws {
        let s = 1 / 3.0
        let u1 = [2 * s, 2 * s, s], u2 = [-2 * s, s, 2 * s], u3 = [s, -2 * s, 2 * s]
        let c = [1.0, -2.0, 0.5]
        let (a, b, e) = (3.0, 2.0, 1.0)
        var rows = [[Double]]()
        for (u, r) in [(u1, a), (u2, b), (u3, e)] {
            for sign in [1.0, -1.0] { rows.append((0 ..< 3).map { c[$0] + sign * r * u[$0] }) }
        }
        let data = try Dataset(rows: rows)
        let means = [[2.0, 1.0, -1.0], [-0.5, 0.25, 3.0]]
        let sigma = [[2.0, 0.3, 0.1], [0.3, 1.0, -0.2], [0.1, -0.2, 0.5]]
        let p = MixtureParameters(weights: [0.4, 0.6], means: means, covariances: [sigma, sigma])
        let history = FitHistory(components: 2, dimensions: 3, samples: 6, converged: true, snapshots: [.init(iteration: 0, parameters: p, logLikelihood: -1)])
        var o = bareOptions()
        o.view = .pca
        let scene = try SceneBuilder(history: history, data: data, options: o).scene(at: 0)
        func dot(_ x: [Double], _ y: [Double]) -> Double { zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }
        // The sign of each axis is a convention: compare with the closed form up to it, once per axis.
        var signs = [0.0, 0.0]
        for (k, mu) in means.enumerated() {
            let centred = zip(mu, c).map { $0 - $1 }
            let ex = dot(u1, centred), ey = dot(u2, centred)
            if signs[0] == 0 { signs = [scene.components[k].mean.x * ex >= 0 ? 1 : -1, scene.components[k].mean.y * ey >= 0 ? 1 : -1] }
            #expect(abs(scene.components[k].mean.x - signs[0] * ex) <= 1e-9)
            #expect(abs(scene.components[k].mean.y - signs[1] * ey) <= 1e-9)
            // A Σ Aᵀ.
            let sv = { (u: [Double]) in (0 ..< 3).map { i in dot(sigma[i], u) } }
            #expect(abs(scene.components[k].covariance.xx - dot(u1, sv(u1))) <= 1e-9)
            #expect(abs(scene.components[k].covariance.yy - dot(u2, sv(u2))) <= 1e-9)
            #expect(abs(scene.components[k].covariance.xy - signs[0] * signs[1] * dot(u1, sv(u2))) <= 1e-9)
        }
        #expect(scene.axisLabels.x.contains("64.3 %"))
        #expect(scene.axisLabels.y.contains("28.6 %"))
    }

    /// The demo's converged fit with only the regions drawn: the pixel under each mean has
    /// that component's tint, and no other component's.
    @Test func regionColourAtEachMeanIsItsComponents() throws {
        var o = bareOptions()
        o.bounds = .fixed(xmin: -10, xmax: 10, ymin: -10, ymax: 10)
        o.showRegions = true
        let builder = try SceneBuilder(history: demoFit.history, data: demoFit.data, options: o)
        let scene = try builder.scene(at: builder.snapshotCount - 1)
        let renderer = try FrameRenderer(options: o)
        let frame = try renderer.renderRaster(scene)
        let t = try renderer.layout(for: scene).transform
        let tints = palette.map { RGB(background).mixed(with: RGB($0), FrameDrawer.regionTint).packed }
        #expect(Set(tints).count == 3)
        for (k, component) in scene.components.enumerated() {
            let p = t.pixel(component.mean)
            let pixel = frame.pixels[Int(p.y) * frame.width + Int(p.x)]
            #expect(channelDistance(pixel, tints[k]) <= 1, "component \(k + 1): \(hex(pixel)), tint \(hex(tints[k]))")
        }
    }

    /// One Gaussian: r² = (x − μ)ᵀΣ⁻¹(x − μ) is χ²₂, so {f ≥ t} holds mass 1 − 2π√|Σ| · t exactly.
    @Test func contourLevelsEncloseTheirMassForOneGaussian() {
        let c = SceneComponent(weight: 1, mean: Point2(x: 1, y: -2), covariance: Covariance2(xx: 2, xy: 0.6, yy: 0.5))
        let det = 2 * 0.5 - 0.6 * 0.6
        let levels = DensityLevels.thresholds(components: [c], masses: DensityLevels.masses)
        for (m, t) in zip(DensityLevels.masses, levels) {
            let mass = 1 - 2 * Double.pi * det.squareRoot() * t
            // About three standard errors of a 10,000-sample quantile (√(m(1 − m)/M) ≤ 0.005).
            #expect(abs(mass - m) <= 0.015, "level for \(m) encloses \(mass)")
        }
    }

    /// A three-component mixture: an independent Monte Carlo estimate here (another seed,
    /// 100,000 samples, the density written out with explicit 2 × 2 inverses) of the mass inside
    /// each level.
    @Test func contourLevelsEncloseTheirMassForAMixture() {
        let components = [
            SceneComponent(weight: 0.5, mean: Point2(x: 0, y: 0), covariance: Covariance2(xx: 1, xy: 0.3, yy: 0.6)),
            SceneComponent(weight: 0.3, mean: Point2(x: 3, y: 1), covariance: Covariance2(xx: 0.4, xy: -0.1, yy: 1.2)),
            SceneComponent(weight: 0.2, mean: Point2(x: -1, y: 3), covariance: Covariance2(xx: 2, xy: 0, yy: 0.3)),
        ]
        let levels = DensityLevels.thresholds(components: components, masses: DensityLevels.masses)
        func density(_ x: Double, _ y: Double) -> Double {
            components.reduce(0) { total, c in
                let s = c.covariance, det = s.xx * s.yy - s.xy * s.xy
                let dx = x - c.mean.x, dy = y - c.mean.y
                let q = (s.yy * dx * dx - 2 * s.xy * dx * dy + s.xx * dy * dy) / det
                return total + c.weight * exp(-q / 2) / (2 * Double.pi * det.squareRoot())
            }
        }
        var rng = SeededGenerator(seed: 987_654)
        let n = 100_000
        var inside = [Int](repeating: 0, count: levels.count)
        for _ in 0 ..< n {
            let u = Double.random(in: 0 ..< 1, using: &rng)
            let c = u < 0.5 ? components[0] : u < 0.8 ? components[1] : components[2]
            let r = (-2 * log(1 - Double.random(in: 0 ..< 1, using: &rng))).squareRoot()
            let th = 2 * Double.pi * Double.random(in: 0 ..< 1, using: &rng)
            let z1 = r * cos(th), z2 = r * sin(th)
            // x = μ + L z with L the Cholesky factor of Σ.
            let l11 = c.covariance.xx.squareRoot(), l21 = c.covariance.xy / l11
            let l22 = (c.covariance.yy - l21 * l21).squareRoot()
            let f = density(c.mean.x + l11 * z1, c.mean.y + l21 * z1 + l22 * z2)
            for (i, t) in levels.enumerated() where f >= t { inside[i] += 1 }
        }
        for (i, m) in DensityLevels.masses.enumerated() {
            let mass = Double(inside[i]) / Double(n)
            // Three standard errors of the level's 10,000 samples and this check's 100,000.
            #expect(abs(mass - m) <= 0.016, "level for \(m) encloses \(mass)")
        }
    }

    /// The line and pairs views fill the plot area with or without equal aspect: their axes
    /// do not share a unit.
    @Test func equalAspectLeavesLineAndPairsPlotsWhole() throws {
        for view in [FrameView.line(column: 0), .pairs(columns: [0, 1])] {
            var o = bareOptions()
            o.view = view
            let scene = try SceneBuilder(history: demoFit.history, data: demoFit.data, options: o).scene(at: 0)
            let free = try FrameLayout(options: o, scene: scene).plot
            o.equalAspect = true
            #expect(try FrameLayout(options: o, scene: scene).plot == free, "\(view)")
        }
    }

    /// Every view renders the same bytes twice, as PNG, SVG and PDF.
    @Test(arguments: [FrameView.line(column: 0), .pairs(columns: [0, 1]), .pca, .plane])
    func viewsAreDeterministic(_ view: FrameView) throws {
        var o = bareOptions(width: 240, height: 180)
        o.view = view
        o.showPoints = true
        o.showEllipses = true
        o.showMeans = true
        o.showAxes = true
        if view != .line(column: 0) {
            o.density = .contours
            o.showRegions = true
        }
        let builder = try SceneBuilder(history: demoFit.history, data: demoFit.data, options: o)
        let scene = try builder.scene(at: 2)
        for format in [FrameFormat.png, .svg, .pdf] {
            let a = try FrameRenderer(options: o).render(scene, format: format)
            // The second frame computes its field afresh, not from the cache.
            FieldCache.shared.removeAll()
            let b = try FrameRenderer(options: o).render(try builder.scene(at: 2), format: format)
            #expect(a == b && !a.isEmpty, "\(view) \(format)")
        }
    }
}
