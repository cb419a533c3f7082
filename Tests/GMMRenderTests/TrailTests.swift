@testable import GMMRender
import Testing

/// Trails keep the steps a viewer can see and drop sub-pixel ones.
@Suite("Trail simplification")
struct TrailTests {
    @Test func subPixelStepsMergeAndTheEndsStay() {
        let p = [Point2(x: 0, y: 0), Point2(x: 10, y: 0), Point2(x: 10.3, y: 0), Point2(x: 10.5, y: 0.2),
                 Point2(x: 20, y: 0), Point2(x: 20.2, y: 0), Point2(x: 20.4, y: 0)]
        let (points, indices) = FrameDrawer.distinctPositions(p)
        // 2 and 3 are within a pixel of 1; 5 of 4; the end, within a pixel of 4, takes its place.
        #expect(indices == [0, 1, 6])
        #expect(points.first == p[0] && points.last == p[6])
    }

    @Test func aSettledTrailIsOneSegmentWhateverItsLength() {
        // A mean that jumped once, then crept by 0.01 px for 10,000 iterations.
        var p = [Point2(x: 0, y: 0), Point2(x: 50, y: 50)]
        for i in 1 ... 10_000 { p.append(Point2(x: 50 + 0.000_01 * Double(i), y: 50)) }
        let (points, indices) = FrameDrawer.distinctPositions(p)
        #expect(points.count == 2)
        #expect(indices == [0, 10_001])
    }

    @Test func shortAndEmptyTrails() {
        #expect(FrameDrawer.distinctPositions([]).points.isEmpty)
        #expect(FrameDrawer.distinctPositions([Point2(x: 1, y: 1)]).indices == [0])
        #expect(FrameDrawer.distinctPositions([Point2(x: 1, y: 1), Point2(x: 1.2, y: 1)]).indices == [0, 1])
    }
}
