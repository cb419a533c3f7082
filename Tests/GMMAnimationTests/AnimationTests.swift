import Foundation
import GMM
import GMMAnimation
import GMMFiles
@testable import GMMRender
import Testing
import TestSupport


private func smallOptions() -> RenderOptions {
    var o = RenderOptions()
    o.width = 320
    o.height = 200
    return o
}

private func read(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

/// An output that records what it receives, and can fail at a chosen frame.
private final class Recorder: AnimationOutput {
    var started = false, finished = false, aborted = false
    var received = [Int]()
    let failAt: Int?

    init(failAt: Int? = nil) { self.failAt = failAt }

    var needs: FrameContents { [] }
    func start(_ facts: AnimationFacts) throws { started = true }
    func produce(_ frame: AnimationFrame, worker: Int) throws -> Int {
        if frame.index == failAt { throw Failure(index: frame.index) }
        return frame.index
    }
    func consume(_ products: [Int], from first: Int) throws {
        #expect(products == Array(first ..< first + products.count))
        received += products
    }
    func finish() throws { finished = true }
    func abort() { aborted = true }

    struct Failure: Error, Equatable { let index: Int }
}

/// An output whose start waits until `signal` is raised (by another output's frames), or
/// gives up after a few seconds; it records whether it was released, and can fail its start.
private final class WaitingStart: AnimationOutput {
    let signal = DispatchSemaphore(value: 0)
    var released = false, aborted = false, finished = false
    var received = [Int]()
    let failStart: Bool

    init(failStart: Bool = false) { self.failStart = failStart }

    struct StartFailure: Error, Equatable {}

    var needs: FrameContents { [] }
    func start(_ facts: AnimationFacts) throws {
        released = signal.wait(timeout: .now() + 10) == .success
        if failStart { throw StartFailure() }
    }
    func produce(_ frame: AnimationFrame, worker: Int) throws -> Int { frame.index }
    func consume(_ products: [Int], from first: Int) throws { received += products }
    func finish() throws { finished = true }
    func abort() { aborted = true }
}

/// An output that raises `signal` for every frame it produces.
private final class Signaller: AnimationOutput {
    let signal: DispatchSemaphore
    var received = [Int]()
    var aborted = false

    init(_ signal: DispatchSemaphore) { self.signal = signal }

    var needs: FrameContents { .pixels }
    func start(_ facts: AnimationFacts) throws {}
    func produce(_ frame: AnimationFrame, worker: Int) throws -> Int {
        signal.signal()
        return frame.index
    }
    func consume(_ products: [Int], from first: Int) throws { received += products }
    func finish() throws {}
    func abort() { aborted = true }
}

/// An output that keeps every frame it receives.
private final class FrameRecorder: AnimationOutput {
    var frames = [AnimationFrame]()
    var needs: FrameContents { .pixels }
    func start(_ facts: AnimationFacts) throws {}
    func produce(_ frame: AnimationFrame, worker: Int) throws -> AnimationFrame { frame }
    func consume(_ products: [AnimationFrame], from first: Int) throws { frames += products }
    func finish() throws {}
    func abort() {}
}

@Suite("Animation")
struct AnimationTests {
    /// The GIF and the frame files are the same bytes whatever the number of workers.
    @Test(arguments: [Timeline.Steps.iterations, .em])
    func outputsAreIdenticalForAnyWorkerCount(steps: Timeline.Steps) throws {
        let animation = try Animation(history: demo.history, data: demo.data, options: smallOptions(),
                                      timeline: Timeline.Options(steps: steps))
        var gifs = [[UInt8]](), frames = [[[UInt8]]]()
        for threads in [1, 2, 3] {
            let dir = TestPaths.temporaryDirectory()
            let gif = try GIFOutput(path: dir.appendingPathComponent("a.gif").path)
            let files = FrameFilesOutput(directory: dir.appendingPathComponent("frames").path)
            try animation.render(to: [gif, files], workers: try Workers(count: threads))
            gifs.append(try read(dir.appendingPathComponent("a.gif")))
            frames.append(try (0 ..< animation.timeline.frames.count).map {
                try read(dir.appendingPathComponent("frames/" + FrameFilesOutput.fileName(ofFrame: $0, format: .png)))
            })
        }
        #expect(gifs[0] == gifs[1] && gifs[1] == gifs[2])
        #expect(frames[0] == frames[1] && frames[1] == frames[2])
    }

    /// The GIF plays the timeline: its frames are the rendered frames (within the palette's
    /// error) with the timeline's delays.
    @Test func gifPlaysTheTimeline() throws {
        let animation = try Animation(history: demo.history, data: demo.data, options: smallOptions())
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("a.gif").path
        let gif = try GIFOutput(path: path, options: GIFOutput.Options(loopCount: 3))
        try animation.render(to: [gif])
        let decoded = try DecodedGIF(try read(URL(fileURLWithPath: path)))
        #expect(decoded.loopCount == 3)
        #expect(gif.bytesWritten == (try read(URL(fileURLWithPath: path))).count)
        #expect(decoded.frames.count == gif.framesWritten)
        #expect(decoded.delays.reduce(0, +) == animation.timeline.duration)
        let first = try animation.renderer.renderRaster(try animation.builder.scene(for: animation.timeline.frames[0].content))
        var worst = 0
        for (a, b) in zip(first.pixels, decoded.frames[0]) {
            for shift: UInt32 in [16, 8, 0] {
                worst = max(worst, abs(Int((a >> shift) & 0xFF) - Int((b >> shift) & 0xFF)))
            }
        }
        #expect(worst <= 48, "the first GIF frame is far from the rendered frame: \(worst) levels")
    }

    /// Every output sees every frame once, in order, and progress reaches the total.
    @Test func outputsReceiveFramesInOrder() throws {
        let animation = try Animation(history: demo.history, data: demo.data, options: smallOptions(),
                                      timeline: Timeline.Options(tween: 2))
        let recorder = Recorder()
        var reports = [Int]()
        try animation.render(to: [recorder], workers: try Workers(count: 3)) { done, total in
            #expect(total == animation.timeline.frames.count)
            reports.append(done)
        }
        #expect(recorder.started && recorder.finished && !recorder.aborted)
        #expect(recorder.received == Array(0 ..< animation.timeline.frames.count))
        #expect(reports == reports.sorted() && reports.last == animation.timeline.frames.count)
    }

    /// A failure in one output aborts all of them: the GIF never appears, and the error is
    /// the failing frame's.
    @Test func aFailureAbortsEveryOutput() throws {
        let animation = try Animation(history: demo.history, data: demo.data, options: smallOptions())
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("a.gif").path
        let failing = Recorder(failAt: 5)
        #expect(throws: Recorder.Failure(index: 5)) {
            try animation.render(to: [try GIFOutput(path: path), failing], workers: try Workers(count: 2))
        }
        #expect(failing.aborted && !failing.finished)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "the failed GIF left a file")
    }

    /// Outputs start side by side, and frames reach an output as soon as it has started: an
    /// output whose start waits for another output's frames is released, and both still
    /// receive every frame once, in order.
    @Test func framesFlowWhileAnotherOutputStarts() throws {
        let animation = try Animation(history: demo.history, data: demo.data, options: smallOptions())
        let waiting = WaitingStart()
        let signaller = Signaller(waiting.signal)
        try animation.render(to: [waiting, signaller], workers: try Workers(count: 2))
        let all = Array(0 ..< animation.timeline.frames.count)
        #expect(waiting.released, "the frames waited for the other output's start")
        #expect(waiting.received == all && signaller.received == all && waiting.finished)
    }

    /// A failed start is the error thrown, even after frames went to the other outputs, and
    /// every output is aborted.
    @Test func aFailedStartAbortsEveryOutput() throws {
        let animation = try Animation(history: demo.history, data: demo.data, options: smallOptions())
        let waiting = WaitingStart(failStart: true)
        let signaller = Signaller(waiting.signal)
        #expect(throws: WaitingStart.StartFailure()) {
            try animation.render(to: [waiting, signaller], workers: try Workers(count: 2))
        }
        #expect(waiting.released && waiting.aborted && signaller.aborted && !waiting.finished)
        #expect(waiting.received.isEmpty && signaller.received.isEmpty)
    }

    /// A frame directory keeps only this animation's frames: longer runs' leftovers go, other
    /// files stay.
    @Test func staleFramesAreRemoved() throws {
        let dir = TestPaths.temporaryDirectory().appendingPathComponent("frames")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
        for name in ["frame_0900.png", "frame_0901.svg", "notes.txt", "frame_12.png"] {
            try Data([1]).write(to: dir.appendingPathComponent(name))
        }
        let animation = try Animation(history: demo.history, data: demo.data, options: smallOptions())
        try animation.render(to: [FrameFilesOutput(directory: dir.path)])
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        let expected = Set((0 ..< animation.timeline.frames.count).map { FrameFilesOutput.fileName(ofFrame: $0, format: .png) })
        #expect(names == expected.union(["notes.txt", "frame_12.png"]))
    }

    /// A failure in another output, in the middle of the animation, leaves the frames
    /// directory as it was — the earlier run's frames, byte for byte, or no directory at all —
    /// and no staging directory or temporary file beside it.
    @Test(arguments: [true, false])
    func aFailureLeavesTheDirectoryAsItWas(existing: Bool) throws {
        let parent = TestPaths.temporaryDirectory()
        let dir = parent.appendingPathComponent("frames")
        var before = [String: [UInt8]]()
        if existing {
            let earlier = try Animation(history: demo.history, data: demo.data, options: smallOptions(),
                                        timeline: Timeline.Options(maxFrames: 3))
            try earlier.render(to: [FrameFilesOutput(directory: dir.path)])
            try Data("mine".utf8).write(to: dir.appendingPathComponent("notes.txt"))
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
                before[name] = try read(dir.appendingPathComponent(name))
            }
        }
        let animation = try Animation(history: demo.history, data: demo.data, options: smallOptions(),
                                      timeline: Timeline.Options(tween: 2))
        let failAt = animation.timeline.frames.count / 2
        #expect(throws: Recorder.Failure(index: failAt)) {
            try animation.render(to: [FrameFilesOutput(directory: dir.path), Recorder(failAt: failAt)],
                                 workers: try Workers(count: 2))
        }
        let beside = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(beside == (existing ? ["frames"] : []), "\(beside)")
        if existing {
            var after = [String: [UInt8]]()
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
                after[name] = try read(dir.appendingPathComponent(name))
            }
            #expect(after == before)
        }
        #expect(TemporaryFiles.paths.allSatisfy { !$0.hasPrefix(parent.path) })
    }

    /// Vector frame files are the renderer's own bytes for each frame's scene.
    @Test func vectorFramesAreTheRenderersOutput() throws {
        let animation = try Animation(history: demo.history, data: demo.data, options: smallOptions(),
                                      timeline: Timeline.Options(maxFrames: 3))
        let dir = TestPaths.temporaryDirectory()
        try animation.render(to: [FrameFilesOutput(directory: dir.path, format: .svg)])
        for (i, frame) in animation.timeline.frames.enumerated() {
            let file = try read(dir.appendingPathComponent(FrameFilesOutput.fileName(ofFrame: i, format: .svg)))
            #expect(file == (try animation.renderer.render(try animation.builder.scene(for: frame.content), format: .svg)))
        }
    }

    /// Frames built through the animation's responsibility cache equal frames drawn from
    /// scenes built from scratch, in every timeline mode: the same entry, numbers and pixels.
    @Test(arguments: [Timeline.Options(steps: .em), Timeline.Options(tween: 2), Timeline.Options(steps: .em, tween: 1)])
    func cachedFramesEqualFreshOnes(timeline: Timeline.Options) throws {
        let animation = try Animation(history: demo.history, data: demo.data, options: smallOptions(), timeline: timeline)
        let recorder = FrameRecorder()
        try animation.render(to: [recorder], workers: try Workers(count: 2))
        #expect(recorder.frames.count == animation.timeline.frames.count)
        for (i, (entry, frame)) in zip(animation.timeline.frames, recorder.frames).enumerated() {
            let scene = try animation.builder.scene(for: entry.content)
            #expect(frame.index == i && frame.entry == entry, "frame \(i)")
            #expect(frame.responsibilities == scene.responsibilities, "frame \(i)")
            #expect(frame.logLikelihood == scene.logLikelihood, "frame \(i)")
            #expect(frame.image == (try animation.renderer.renderRaster(scene)), "frame \(i)")
        }
    }

    @Test func badParametersAreTyped() throws {
        #expect(throws: AnimationError.noOutput) {
            try Animation(history: demo.history, data: demo.data).render(to: [])
        }
        #expect(throws: AnimationError.outOfRange(.loopCount, value: -1, allowed: 0 ... 65535)) {
            try GIFOutput(path: "x.gif", options: GIFOutput.Options(loopCount: -1))
        }
        #expect(throws: AnimationError.outOfRange(.threads, value: 0, allowed: 1 ... Workers.maximum)) {
            try Workers(count: 0)
        }
        #expect(throws: AnimationError.outOfRange(.tween, value: -1, allowed: 0 ... 1000)) {
            try Animation(history: demo.history, data: demo.data, timeline: Timeline.Options(tween: -1))
        }
    }
}

/// What the GIF keeps of the frames a teacher reads: the colour of every data point.
@Suite("GIF fidelity")
struct GIFFidelityTests {
    /// At the centre pixel of every data point of the demo's frames 0, 1, 5 and the last, the
    /// GIF's colour is within 8 levels per channel of the PNG frame's; the whole GIF keeps a
    /// PSNR of at least 45 dB.
    ///
    /// Every point counts, also one whose centre lies under an ellipse outline, a trail, a mean
    /// marker or a neighbour's anti-aliased edge: the centre pixel is what the PNG shows there.
    @Test func everyPointCentreSurvivesTheGIF() throws {
        let animation = try Animation(history: demo.history, data: demo.data)
        let result = try Self.compare(animation, checking: [0, 1, 5, animation.timeline.frames.count - 1],
                                      measuringPSNR: true)
        for (frame, worst) in result.worst {
            #expect(worst <= 8, "frame \(frame): a point's centre moved by \(worst) levels in the GIF")
        }
        #expect(result.psnr >= 45, "PSNR \(result.psnr) dB")
    }

    /// The same on harder frames: E- and M-step frames (rings mark the points whose component
    /// changed, over their centres), and five close blobs whose points mix all five colours.
    @Test(arguments: [FidelityCase.emSteps, .fiveBlobs])
    func everyPointCentreSurvivesHarderFrames(_ fidelityCase: FidelityCase) throws {
        let animation = try fidelityCase.animation()
        let last = animation.timeline.frames.count - 1
        let result = try Self.compare(animation, checking: [0, 1, 5, last], measuringPSNR: false)
        for (frame, worst) in result.worst {
            #expect(worst <= 8, "\(fidelityCase) frame \(frame): a point's centre moved by \(worst) levels in the GIF")
        }
    }

    enum FidelityCase: CustomStringConvertible, CaseIterable {
        case emSteps, fiveBlobs

        var description: String { self == .emSteps ? "E/M steps" : "five blobs" }

        func animation() throws -> Animation {
            switch self {
            case .emSteps:
                return try Animation(history: demo.history, data: demo.data,
                                     timeline: Timeline.Options(steps: .em, maxFrames: 12))
            case .fiveBlobs:
                let means: [[Double]] = [[0, 0], [3, 1], [1, 4], [-3, 2], [-1, -3]]
                let data = try BlobGenerator.generate(means: means, count: 120, std: 1.2, seed: 7)
                let start: [[Double]] = [[-4, -4], [4, -4], [4, 4], [-4, 4], [0, 1]]
                let history = try GaussianMixture(components: 5).fit(data, initialization: .means(start)).history
                var options = RenderOptions()
                options.bounds = .auto
                return try Animation(history: history, data: data, options: options,
                                     timeline: Timeline.Options(maxFrames: 12))
            }
        }
    }

    /// Renders `animation` to a GIF, decodes it with giflib and compares it with freshly rendered
    /// frames: for each of `frames`, the largest difference in any channel at the centre pixel
    /// of any data point; and, if asked, the PSNR of every frame together.
    static func compare(_ animation: Animation, checking frames: [Int],
                        measuringPSNR: Bool) throws -> (worst: [(Int, Int)], psnr: Double) {
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("fidelity.gif").path
        try animation.render(to: [try GIFOutput(path: path)])
        let gif = try DecodedGIF(try read(URL(fileURLWithPath: path)))
        // One GIF image per timeline frame: these animations have no two identical frames.
        try #require(gif.frames.count == animation.timeline.frames.count)

        func distance(_ a: UInt32, _ b: UInt32) -> Int {
            [16, 8, 0].map { (shift: UInt32) in abs(Int((a >> shift) & 0xFF) - Int((b >> shift) & 0xFF)) }.max() ?? 0
        }
        var squared = 0.0, samples = 0
        var worst: [(Int, Int)] = []
        for index in animation.timeline.frames.indices where measuringPSNR || frames.contains(index) {
            let scene = try animation.builder.scene(for: animation.timeline.frames[index].content)
            let raster = try animation.renderer.renderRaster(scene)
            let decoded = gif.frames[index]
            for (a, b) in zip(raster.pixels, decoded) {
                for shift: UInt32 in [16, 8, 0] {
                    let d = Double(Int((a >> shift) & 0xFF) - Int((b >> shift) & 0xFF))
                    squared += d * d
                }
            }
            samples += 3 * raster.pixels.count
            guard frames.contains(index) else { continue }
            // The pixel holding each point's centre, as the point stamper places it.
            let transform = try animation.renderer.layout(for: scene).transform
            let scale = animation.renderer.options.scale
            var largest = 0, inside = 0
            for point in scene.points {
                let p = transform.pixel(point)
                let x = Int((p.x * scale).rounded(.down)), y = Int((p.y * scale).rounded(.down))
                guard x >= 0, y >= 0, x < raster.width, y < raster.height else { continue }
                inside += 1
                let offset = y * raster.width + x
                largest = max(largest, distance(raster.pixels[offset], decoded[offset]))
            }
            #expect(inside == scene.points.count, "frame \(index): \(scene.points.count - inside) points outside the frame")
            worst.append((index, largest))
        }
        return (worst, 10 * log10(255 * 255 / (squared / Double(max(1, samples)))))
    }
}
