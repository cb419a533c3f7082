import Foundation
import Testing
import TestSupport

/// `gmmviz render --compare kmeans`, run as a user runs it: k-means beside the EM.
@Suite("render --compare kmeans")
struct CompareCommandTests {
    static let width = 480, height = 300

    /// The frame files of `dir`, decoded, in order.
    static func frames(in dir: URL) throws -> [[UInt32]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".png") }.sorted()
        return try names.map { name in
            let image = try PNGDecoding.decode(Array(try Data(contentsOf: dir.appendingPathComponent(name))))
            #expect(image.width == width && image.height == height)
            return image.pixels
        }
    }

    /// The pixels of the box spanning fractions `x` across and `y` down the frame.
    static func region(_ pixels: [UInt32], x: ClosedRange<Double>, y: ClosedRange<Double>) -> [UInt32] {
        var out: [UInt32] = []
        for row in Int(y.lowerBound * Double(height)) ..< Int(y.upperBound * Double(height)) {
            for column in Int(x.lowerBound * Double(width)) ..< Int(x.upperBound * Double(width)) {
                out.append(pixels[row * width + column])
            }
        }
        return out
    }

    /// Inside the left panel and inside the right one, below the headings and above the axis
    /// names, at 480 × 300 with the side column.
    static func left(_ p: [UInt32]) -> [UInt32] { region(p, x: 0.10 ... 0.32, y: 0.30 ... 0.85) }
    static func right(_ p: [UInt32]) -> [UInt32] { region(p, x: 0.40 ... 0.64, y: 0.30 ... 0.85) }

    /// The demo from the notebook's start: k-means (scikit-learn's rule) stops after 4
    /// iterations, EM runs all 8 allowed. With `--steps em` frame 2i − 1 is iteration i's
    /// E-step (the assignment) and frame 2i its M-step (the update). The k-means panel moves
    /// while k-means runs and then holds still while the EM panel goes on; the EM-only render
    /// has the same timeline and no k-means panel.
    @Test func kmeansPanelMovesThenHoldsWhileEMGoesOn() throws {
        let dir = TestPaths.temporaryDirectory()
        let common = ["render", "--steps", "em", "--max-iter", "8", "--size", "\(Self.width)x\(Self.height)", "-q"]
        let r = try CommandRunner.run(common + ["--compare", "kmeans", "--out", "compare.gif", "--frames-dir", "compare"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let e = try CommandRunner.run(common + ["--out", "none", "--frames-dir", "em"], in: dir)
        #expect(e.status == 0, "\(e.stderr)")
        let compare = try Self.frames(in: dir.appendingPathComponent("compare"))
        let em = try Self.frames(in: dir.appendingPathComponent("em"))
        #expect(compare.count == 17)
        #expect(em.count == compare.count)
        guard compare.count == 17, em.count == 17 else { return }
        let gif = try DecodedGIF(Array(try Data(contentsOf: dir.appendingPathComponent("compare.gif"))))
        #expect(gif.frames.count == compare.count)

        // Iteration 1's assignment, then its update: the centroids move.
        #expect(Self.left(compare[1]) != Self.left(compare[2]))
        // From iteration 5 on k-means has converged: its panel is the same on every frame…
        for i in 10 ... 16 { #expect(Self.left(compare[i]) == Self.left(compare[9]), "frame \(i)") }
        // …while EM's still changes.
        #expect(Self.right(compare[10]) != Self.right(compare[16]))
        // The EM-only frame draws one plane over both boxes: neither is the k-means panel.
        #expect(Self.left(em[12]) != Self.left(compare[12]))
    }

    /// A frame is two planes: the views that are not one plane are refused in one line.
    @Test func viewsOtherThanAPlaneAreRefused() throws {
        let dir = TestPaths.temporaryDirectory()
        let iris = TestPaths.packageRoot.appendingPathComponent("assets/data/iris.csv").path
        expectRejected(try CommandRunner.run(["render", "--compare", "kmeans", "--view", "pairs", "--data", iris, "-k", "3",
                                              "--out", "x.gif"], in: dir),
                       ["--compare kmeans", "--view pairs", "--view 2d or pca"])
        expectRejected(try CommandRunner.run(["render", "--compare", "kmeans", "--view", "1d", "--out", "x.gif"], in: dir),
                       ["--compare kmeans", "--view 1d"])
        expectRejected(try CommandRunner.run(["render", "--compare", "em", "--out", "x.gif"], in: dir), ["--compare"])
        #expect(try snapshot(of: dir).isEmpty)
    }
}
