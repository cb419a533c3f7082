import Foundation
import GMMAnimation
import GMMFiles
import GMMRender
import Testing
import TestSupport

/// An output of the kind a user of the library writes: every frame as raw 8-bit RGB, one frame
/// after another, from what the GIF output also works from (the frames' pixels and point
/// centres, and the facts: size, timeline, colours).
private final class RawRGBOutput: AnimationOutput {
    let path: String
    private var bytes = [UInt8]()
    private(set) var facts: AnimationFacts?
    private(set) var centres = [[Int]]()

    init(path: String) { self.path = path }

    var needs: FrameContents { [.pixels, .pointCentres] }
    func start(_ facts: AnimationFacts) throws { self.facts = facts }
    func produce(_ frame: AnimationFrame, worker: Int) throws -> (rgb: [UInt8], centres: [Int]) {
        let pixels = frame.image?.pixels ?? []
        return (pixels.flatMap { [UInt8($0 >> 16 & 0xFF), UInt8($0 >> 8 & 0xFF), UInt8($0 & 0xFF)] }, frame.rendered.pointCentres)
    }
    func consume(_ products: [(rgb: [UInt8], centres: [Int])], from first: Int) throws {
        for product in products {
            bytes += product.rgb
            centres.append(product.centres)
        }
    }
    func finish() throws { try AtomicFile.write(bytes, to: path) }
    func abort() {}
}

@Suite("AnimationOutput")
struct AnimationOutputTests {
    /// An output of a few lines gets everything it needs from the frames and the facts: its raw
    /// stream holds exactly the pixels of the PNG frames written in the same run.
    @Test(arguments: [Timeline.Options(), Timeline.Options(steps: .em, tween: 1)])
    func aUserOutputReceivesThePNGFramesPixels(timeline: Timeline.Options) throws {
        var options = RenderOptions()
        options.width = 320
        options.height = 200
        let animation = try Animation(history: demo.history, data: demo.data, options: options, timeline: timeline)
        let dir = TestPaths.temporaryDirectory()
        let raw = RawRGBOutput(path: dir.appendingPathComponent("frames.rgb").path)
        try animation.render(to: [raw, FrameFilesOutput(directory: dir.appendingPathComponent("png").path)],
                             workers: try Workers(count: 2))

        let facts = try #require(raw.facts)
        #expect(facts.frameCount == animation.timeline.frames.count)
        #expect(facts.size == FrameSize(width: 320, height: 200, scale: 1))
        #expect(facts.timeline.duration == animation.timeline.duration)
        #expect(facts.exactColors.count > facts.componentColors.count && facts.componentColors.count == 3)
        #expect(facts.pointCount == demo.data.count && facts.drawsPointDiscs)

        let stream = Array(try Data(contentsOf: URL(fileURLWithPath: raw.path)))
        let frameBytes = 3 * 320 * 200
        #expect(stream.count == facts.frameCount * frameBytes)
        for i in 0 ..< facts.frameCount {
            let name = FrameFilesOutput.fileName(ofFrame: i, format: .png)
            let png = try PNGDecoding.decode(Array(try Data(contentsOf: dir.appendingPathComponent("png/" + name))))
            let rgb = png.pixels.flatMap { [UInt8($0 >> 16 & 0xFF), UInt8($0 >> 8 & 0xFF), UInt8($0 & 0xFF)] }
            #expect(Array(stream[i * frameBytes ..< (i + 1) * frameBytes]) == rgb, "frame \(i)")
            // Every point of the demo lies on the frame, and each centre is a pixel of it.
            #expect(raw.centres[i].count == demo.data.count, "frame \(i)")
            #expect(raw.centres[i].allSatisfy { (0 ..< 320 * 200).contains($0) }, "frame \(i)")
        }
    }

    /// A frame drawn ahead through the facts is the frame the outputs receive in order.
    @Test func framesDrawnAheadEqualTheFramesReceived() throws {
        var options = RenderOptions()
        options.width = 320
        options.height = 200
        let animation = try Animation(history: demo.history, data: demo.data, options: options,
                                      timeline: Timeline.Options(steps: .em))
        final class Ahead: AnimationOutput {
            var ahead = [AnimationFrame](), received = [AnimationFrame]()
            var needs: FrameContents { [.pixels, .pointCentres, .pointFills, .placedPoints] }
            func start(_ facts: AnimationFacts) throws {
                ahead = try [0, facts.frameCount / 2, facts.frameCount - 1].map { try facts.frame($0, contents: needs) }
            }
            func produce(_ frame: AnimationFrame, worker: Int) throws -> AnimationFrame { frame }
            func consume(_ products: [AnimationFrame], from first: Int) throws { received += products }
            func finish() throws {}
            func abort() {}
        }
        let output = Ahead()
        try animation.render(to: [output])
        for frame in output.ahead {
            let same = output.received[frame.index]
            #expect(frame.entry == same.entry && frame.image == same.image && frame.responsibilities == same.responsibilities)
            #expect(frame.rendered.pointCentres == same.rendered.pointCentres)
            #expect(frame.rendered.pointFills == same.rendered.pointFills)
            #expect(frame.rendered.placedPoints == same.rendered.placedPoints)
            #expect(!frame.rendered.pointFills.isEmpty && frame.rendered.placedPoints?.positions.count == demo.data.count)
        }
    }
}
