import Foundation
import Testing
@testable import GMMRender

/// The iteration numbers along the mean paths: never on top of each other, never on the mean
/// markers, inside the plot, and a label's width apart along a path.
@Suite struct PathLabelsTests {
    static let plot = PixelRect(x: 70, y: 80, width: 460, height: 460)
    static let placer = PathLabels(height: 7.7, spacing: 19, offset: 3)
    /// DejaVu Sans digits at 10.5 px are about 6.7 px wide.
    static func width(_ text: String) -> Double { 6.7 * Double(text.count) }

    /// K paths that start spread out and spiral in towards nearby ends, in steps that shrink
    /// geometrically, as a fit's means do; the paths cross and crowd near their ends.
    static func paths(k: Int, steps: Int, seed: Double) -> [[Point2]] {
        (0 ..< k).map { c in
            let angle = Double(c) * 2.1 + seed
            let end = Point2(x: 300 + 40 * cos(angle + 1), y: 310 + 40 * sin(angle + 1))
            return (0 ..< steps).map { j in
                let f = pow(0.72, Double(j))
                let turn = angle + 0.5 * Double(j)
                return Point2(x: end.x + 200 * f * cos(turn), y: end.y + 200 * f * sin(turn))
            }
        }
    }

    @Test(arguments: [(1, 5), (2, 12), (3, 19), (5, 40), (8, 60)])
    func labelsNeverOverlap(k: Int, steps: Int) {
        for seed in [0.0, 0.7, 2.3] {
            let paths = Self.paths(k: k, steps: steps, seed: seed)
            let markers = paths.map { path -> PixelRect in
                let p = path[path.count - 1]
                return PixelRect(x: p.x - 9, y: p.y - 9, width: 18, height: 18)
            }
            let labels = Self.placer.place(paths, inside: Self.plot, avoiding: markers, width: Self.width)
            #expect(!labels.isEmpty)
            for (i, a) in labels.enumerated() {
                #expect(PathLabels.contains(Self.plot, a.box), "label \(a.iteration) leaves the plot")
                for m in markers { #expect(!PathLabels.overlap(a.box, m), "label \(a.iteration) covers a mean marker") }
                // Apart by at least the offset, so two numbers never read as one.
                let padded = PixelRect(x: a.box.x - 2.9, y: a.box.y - 2.9, width: a.box.width + 5.8, height: a.box.height + 5.8)
                for b in labels[(i + 1)...] {
                    #expect(!PathLabels.overlap(padded, b.box), "labels \(a.iteration) at \(a.box) and \(b.iteration) at \(b.box) touch")
                }
            }
        }
    }

    @Test func labelsAlongOnePathAreSpacedAndSkipTheCurrentMean() {
        // A straight path of 30 steps of 4 px: one label every 5 steps (20 px ≥ 19 px).
        let path = (0 ..< 30).map { Point2(x: 100 + 4 * Double($0), y: 300) }
        let labels = Self.placer.place([path], inside: Self.plot, avoiding: [], width: Self.width)
        #expect(labels.map(\.iteration) == [0, 5, 10, 15, 20, 25])
        // A path standing still after its first step gets its first two numbers only.
        let settled = [Point2(x: 200, y: 200)] + Array(repeating: Point2(x: 260, y: 200), count: 20)
        #expect(Self.placer.place([settled], inside: Self.plot, avoiding: [], width: Self.width).map(\.iteration) == [0, 1])
        // The last position is the current mean, under its marker: never labelled.
        let two = [Point2(x: 200, y: 200), Point2(x: 300, y: 200)]
        #expect(Self.placer.place([two], inside: Self.plot, avoiding: [], width: Self.width).map(\.iteration) == [0])
    }
}
