import Foundation
import GMMRender
import Testing
import TestSupport

/// `gmmviz render --pin`, run as a user runs it: the pinned rows' responsibilities drawn as
/// bars beside the plot and the rows ringed in it, and a row the data does not have rejected in
/// one line.
@Suite("render --pin")
struct PinCommandTests {
    /// 40 rows in two blobs around (0, 0) and (6, 3), deterministic; the header is not a row.
    static let points: [(Double, Double)] = (0 ..< 40).map { i in
        let t = Double(i) * 2.399963
        let r = 0.2 + 0.8 * Double(i % 7) / 7
        return i < 20 ? (r * cos(t), r * sin(t)) : (6 + r * cos(t), 3 + r * sin(t))
    }

    static func writeData(in dir: URL) throws -> String {
        let text = "x,y\n" + points.map { "\($0.0),\($0.1)\n" }.joined()
        let path = dir.appendingPathComponent("in.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func firstFrame(_ dir: URL) throws -> (width: Int, height: Int, pixels: [UInt32]) {
        try PNGDecoding.decode(Array(try Data(contentsOf: dir.appendingPathComponent("frame_0000.png"))))
    }

    @Test func pinnedRowIsRingedAndItsSharesDrawnBesideThePlot() throws {
        let dir = TestPaths.temporaryDirectory()
        let data = try Self.writeData(in: dir)
        let common = ["render", "--data", data, "-k", "2", "--out", "none", "--max-iter", "3"]
        let pinned = try CommandRunner.run(common + ["--pin", "3", "--frames-dir", "pinned"], in: dir)
        #expect(pinned.status == 0, "\(pinned.stderr)")
        let plain = try CommandRunner.run(common + ["--frames-dir", "plain"], in: dir)
        #expect(plain.status == 0, "\(plain.stderr)")
        let a = try Self.firstFrame(dir.appendingPathComponent("pinned")), b = try Self.firstFrame(dir.appendingPathComponent("plain"))
        #expect(a.width == b.width && a.height == b.height)

        // Where row 3 (0-based point 2) lands: the plot's data window depends only on the points.
        var options = RenderOptions()
        options.bounds = .auto
        let scene = try Scene(points: Self.points.map { Point2(x: $0.0, y: $0.1) }, responsibilities: [],
                              components: [])
        let layout = try FrameLayout(options: options, scene: scene)
        let p = layout.transform.pixel(Point2(x: Self.points[2].0, y: Self.points[2].1))

        var nearPoint = 0, elsewhereInPlot = 0, inColumn = 0, barPixels = 0
        let components: Set<UInt32> = [0xD55E00, 0x0072B2]
        for y in 0 ..< a.height {
            for x in 0 ..< a.width where a.pixels[y * a.width + x] != b.pixels[y * a.width + x] {
                let fx = Double(x) + 0.5, fy = Double(y) + 0.5
                if fx > layout.plot.maxX {
                    inColumn += 1
                    if components.contains(a.pixels[y * a.width + x] & 0xFF_FFFF) { barPixels += 1 }
                } else if ((fx - p.x) * (fx - p.x) + (fy - p.y) * (fy - p.y)).squareRoot() <= 30 {
                    nearPoint += 1
                } else if fx >= layout.plot.x, fy >= layout.plot.y, fy <= layout.plot.maxY {
                    elsewhereInPlot += 1
                }
            }
        }
        // The ring and its number around the point, nothing else in the plot.
        #expect(nearPoint > 40, "\(nearPoint) pixels changed around the pinned point at \(p)")
        #expect(elsewhereInPlot == 0, "\(elsewhereInPlot) pixels changed elsewhere in the plot")
        // A bar in the component colours in the side column: at least 100 × 8 pixels.
        #expect(inColumn > 0)
        #expect(barPixels >= 800, "\(barPixels) bar pixels in the component colours")
    }

    static let rejected: [RejectedArguments] = [
        RejectedArguments(arguments: ["--pin", "41"], fragments: ["--pin 41", "40 rows", "rows 1 to 40"]),
        RejectedArguments(arguments: ["--pin", "0"], fragments: ["--pin", "1-based"]),
        RejectedArguments(arguments: ["--pin", "1,x"], fragments: ["--pin", "\"x\""]),
        RejectedArguments(arguments: ["--pin", "1,2,3,4,5,6,7"], fragments: ["--pin", "at most 6"]),
        RejectedArguments(arguments: ["--pin", "2,2"], fragments: ["--pin", "once"]),
    ]

    @Test(arguments: rejected)
    func badPinsAreRejectedInOneLine(_ c: RejectedArguments) throws {
        let dir = TestPaths.temporaryDirectory()
        let data = try Self.writeData(in: dir)
        let before = try snapshot(of: dir)
        let r = try CommandRunner.run(["render", "--data", data, "-k", "2", "--frames-dir", "frames"] + c.arguments, in: dir)
        expectRejected(r, c.fragments)
        #expect(try snapshot(of: dir) == before, "nothing written")
    }
}
