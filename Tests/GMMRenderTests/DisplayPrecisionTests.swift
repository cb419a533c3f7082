import Foundation
import Testing
import GMM
import GMMRender

/// Which changes a frame shows: half a pixel on the plot, half the last printed digit of the
/// log-likelihood and of a weight.
@Suite("Display precision")
struct DisplayPrecisionTests {
    typealias Component = DisplayPrecision.Component

    /// 10 pixels per unit across, 20 up; outlines at 2σ.
    let precision = DisplayPrecision(pixelsPerUnit: [10, 20], sigma: 2)

    func component(weight: Double = 0.5, x: Double = 0, y: Double = 0, xx: Double = 1, xy: Double = 0, yy: Double = 1) -> Component {
        Component(weight: weight, mean: [x, y], covariance: [[xx, xy], [xy, yy]])
    }

    @Test func anUnchangedModelShowsNoChange() {
        let c = [component(), component(x: 3, xx: 2)]
        #expect(!precision.showsChange(from: c, to: c, gain: 0))
        #expect(precision.outlineShift(from: c[1], to: c[1]) == 0)
    }

    /// A translation moves every edge by its length in pixels: √((dx·10)² + (dy·20)²).
    @Test func aTranslationMovesTheOutlineByItsLengthInPixels() {
        let a = component(xx: 2, xy: 0.7, yy: 1.5)
        var b = a
        b.mean = [0.03, 0.04]
        let expected = ((0.3 * 0.3) + (0.8 * 0.8)).squareRoot()
        #expect(abs(precision.outlineShift(from: a, to: b) - expected) < 1e-3 * expected)
        #expect(abs(precision.meanShift(from: a, to: b) - expected) < 1e-12)
    }

    /// Half a pixel is the boundary, whichever way a mean moves.
    @Test func aMoveShowsFromHalfAPixel() {
        let a = component()
        #expect(!precision.showsChange(from: [a], to: [component(x: 0.045)], gain: 0))   // 0.45 px
        #expect(precision.showsChange(from: [a], to: [component(x: 0.055)], gain: 0))    // 0.55 px
        #expect(!precision.showsChange(from: [a], to: [component(y: 0.0225)], gain: 0))  // 0.45 px
        #expect(precision.showsChange(from: [a], to: [component(y: 0.0275)], gain: 0))   // 0.55 px
    }

    /// A standard deviation across that grows by δ moves the 2σ outline's edges across by
    /// 2δ·10 pixels, with the mean still.
    @Test func aChangeOfShapeShowsWhenItsEdgeMovesHalfAPixel() {
        let a = component(xx: 1)
        let small = component(xx: 1.02 * 1.02)      // 2 × 0.02 × 10 = 0.4 px
        let large = component(xx: 1.03 * 1.03)      // 0.6 px
        #expect(abs(precision.outlineShift(from: a, to: small) - 0.4) < 1e-9)
        #expect(!precision.showsChange(from: [a], to: [small], gain: 0))
        #expect(precision.showsChange(from: [a], to: [large], gain: 0))
    }

    /// Against an independent measure: the largest distance from a point of one outline to the
    /// other outline, both sampled densely in pixels, for small changes of mean, shape and tilt
    /// (where the two measures agree to first order).
    @Test func theOutlineShiftIsTheDistanceBetweenTheDrawnOutlines() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0 ..< 12 {
            let xx = Double.random(in: 0.5 ... 3, using: &generator), yy = Double.random(in: 0.5 ... 3, using: &generator)
            let xy = Double.random(in: -0.6 ... 0.6, using: &generator) * (xx * yy).squareRoot()
            let a = component(xx: xx, xy: xy, yy: yy)
            let b = component(x: Double.random(in: -0.03 ... 0.03, using: &generator), y: Double.random(in: -0.03 ... 0.03, using: &generator),
                              xx: xx * Double.random(in: 0.97 ... 1.03, using: &generator), xy: xy + Double.random(in: -0.02 ... 0.02, using: &generator),
                              yy: yy * Double.random(in: 0.97 ... 1.03, using: &generator))
            let reference = outlineDistance(a, b)
            let measured = precision.outlineShift(from: a, to: b)
            #expect(abs(measured - reference) <= 0.01 * reference + 0.005, "\(measured) px against \(reference) px")
        }
    }

    /// The boundary points of the 2σ ellipse of `c` in pixels, x and y interleaved:
    /// μ + 2 L (cos t, sin t) with L the Cholesky factor of Σ, at `count` evenly spaced t.
    func outline(_ c: Component, count: Int) -> [Double] {
        let l11 = c.covariance[0][0].squareRoot(), l21 = c.covariance[1][0] / l11
        let l22 = (c.covariance[1][1] - l21 * l21).squareRoot()
        var out = [Double]()
        out.reserveCapacity(2 * count)
        for i in 0 ..< count {
            let t = 2 * Double.pi * Double(i) / Double(count)
            let u = 2 * cos(t), v = 2 * sin(t)
            out.append((c.mean[0] + l11 * u) * 10)
            out.append((c.mean[1] + l21 * u + l22 * v) * 20)
        }
        return out
    }

    /// The Hausdorff distance between the outlines of `a` and `b`, sampled every 0.05 pixel or
    /// closer. The outlines differ by a few pixels at most, so the nearest point of one to the
    /// point at angle t of the other lies within 5 pixels of the point at the same t, and only
    /// those are searched.
    func outlineDistance(_ a: Component, _ b: Component) -> Double {
        let count = 12_000, window = 160
        let p = outline(a, count: count), q = outline(b, count: count)
        func directed(_ from: [Double], _ to: [Double]) -> Double {
            var largest = 0.0
            for i in 0 ..< count {
                var nearest = Double.infinity
                for offset in -window ... window {
                    let j = (i + offset + count) % count
                    let dx = from[2 * i] - to[2 * j], dy = from[2 * i + 1] - to[2 * j + 1]
                    nearest = min(nearest, dx * dx + dy * dy)
                }
                largest = max(largest, nearest)
            }
            return largest.squareRoot()
        }
        return max(directed(p, q), directed(q, p))
    }

    /// The header prints the mean log-likelihood to 0.001 and the legend each weight to 0.001:
    /// a change below half of that does not show.
    @Test func printedNumbersShowFromHalfTheirLastDigit() {
        let c = [component()]
        #expect(!precision.showsChange(from: c, to: c, gain: 4e-4))
        #expect(precision.showsChange(from: c, to: c, gain: 6e-4))
        #expect(!precision.showsChange(from: c, to: c, gain: -4e-4))
        #expect(!precision.showsChange(from: c, to: [component(weight: 0.5004)], gain: 0))
        #expect(precision.showsChange(from: c, to: [component(weight: 0.5006)], gain: 0))
        #expect(precision.showsChange(from: c, to: c, gain: .nan))
    }

    /// One drawn coordinate, as on the line view: the curve's mean and its 2σ shoulders.
    @Test func aLineHasOneCoordinate() {
        let line = DisplayPrecision(pixelsPerUnit: [100], sigma: 2)
        let a = Component(weight: 0.5, mean: [1], covariance: [[0.25]])
        let moved = Component(weight: 0.5, mean: [1.004], covariance: [[0.25]])
        let wider = Component(weight: 0.5, mean: [1], covariance: [[0.504 * 0.504]])
        #expect(abs(line.outlineShift(from: a, to: moved) - 0.4) < 1e-9)
        #expect(abs(line.outlineShift(from: a, to: wider) - 0.8) < 1e-9)
        #expect(!line.showsChange(from: [a], to: [moved], gain: 0))
        #expect(line.showsChange(from: [a], to: [wider], gain: 0))
    }
}
