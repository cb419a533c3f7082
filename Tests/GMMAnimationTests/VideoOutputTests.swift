import Foundation
import GMM
import GMMAnimation
import GMMImage
import GMMRender
import Testing
import TestSupport

/// Whether Debian's ffmpeg is installed (`make deps` installs it; `make demo` does not need it).
private let hasFFmpeg = FileManager.default.isExecutableFile(atPath: "/usr/bin/ffmpeg")

/// An output that keeps every frame's pixels and point centres, beside the video of the same run.
private final class PixelRecorder: AnimationOutput {
    var images = [RGBImage]()
    var centres = [[Int]]()
    var needs: FrameContents { [.pixels, .pointCentres] }
    func start(_ facts: AnimationFacts) throws {}
    func produce(_ frame: AnimationFrame, worker: Int) throws -> AnimationFrame { frame }
    func consume(_ products: [AnimationFrame], from first: Int) throws {
        for frame in products {
            images.append(frame.image ?? RGBImage(width: 0, height: 0, pixels: []))
            centres.append(frame.rendered.pointCentres)
        }
    }
    func finish() throws {}
    func abort() {}
}

/// The video's frames decoded by ffmpeg to 0x00RRGGBB, each `width` × `height` (the padding cut
/// off), in display order.
private func decode(_ path: String, width: Int, height: Int) throws -> [[UInt32]] {
    let out = TestPaths.temporaryDirectory().appendingPathComponent("frames.rgb")
    let r = try CommandRunner.run(["-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-fps_mode", "passthrough", out.path],
                                  executable: "/usr/bin/ffmpeg")
    #expect(r.status == 0, "\(r.stderr)")
    let bytes = Array(try Data(contentsOf: out))
    let w = width + width % 2, h = height + height % 2
    let frameBytes = 3 * w * h
    return stride(from: 0, to: bytes.count - frameBytes + 1, by: frameBytes).map { start in
        var pixels = [UInt32](repeating: 0, count: width * height)
        for y in 0 ..< height {
            for x in 0 ..< width {
                let i = start + 3 * (y * w + x)
                pixels[y * width + x] = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            }
        }
        return pixels
    }
}

private func psnr(_ a: [UInt32], _ b: [UInt32]) -> Double {
    var sum = 0.0
    for (p, q) in zip(a, b) {
        for shift: UInt32 in [16, 8, 0] {
            let d = Double(Int((p >> shift) & 0xFF) - Int((q >> shift) & 0xFF))
            sum += d * d
        }
    }
    let mse = sum / Double(3 * a.count)
    return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
}

/// The largest channel difference at a point's centre pixel, among the centres whose 3 × 3
/// neighbourhood is one flat colour in the PNG frame: away from anti-aliased edges, where the
/// 2 × 2 chroma samples of 4:2:0 video around the centre hold that colour alone.
private func worstCentre(_ image: RGBImage, centres: [Int], decoded: [UInt32]) -> (worst: Int, checked: Int) {
    let w = image.width, h = image.height
    var worst = 0, checked = 0
    for c in centres {
        let x = c % w, y = c / w
        guard x >= 1, y >= 1, x < w - 1, y < h - 1 else { continue }
        let colour = image.pixels[c] & 0xFF_FFFF
        let flat = (-1 ... 1).allSatisfy { dy in (-1 ... 1).allSatisfy { dx in image.pixels[(y + dy) * w + x + dx] & 0xFF_FFFF == colour } }
        guard flat else { continue }
        checked += 1
        for shift: UInt32 in [16, 8, 0] {
            worst = max(worst, abs(Int((colour >> shift) & 0xFF) - Int((decoded[c] >> shift) & 0xFF)))
        }
    }
    return (worst, checked)
}

@Suite("Video output", .enabled(if: hasFFmpeg, "needs Debian's ffmpeg (make deps installs it)"))
struct VideoOutputTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let width: Int, height: Int
        /// Points of the data (the demo's 300, or a large set drawn as a density image).
        let points: Int
        /// Frames of the timeline to encode, nil for all.
        let frames: Int?
        var description: String { name }
    }

    /// The demo, the slide preset's size and a million points drawn as a density image.
    static let cases = [Case(name: "demo", width: 1000, height: 600, points: 300, frames: nil),
                        Case(name: "slides", width: 1920, height: 1080, points: 300, frames: nil),
                        Case(name: "density", width: 1000, height: 600, points: 1_000_000, frames: 4)]

    /// At the default quality, every frame of both formats is within 36 dB of its PNG frame,
    /// every data point keeps its colour within 12 levels per channel, and the frames come in
    /// the timeline's order, the last one repeated to hold it.
    @Test(arguments: cases)
    func framesAreCloseToThePNGFrames(_ c: Case) throws {
        var options = RenderOptions()
        (options.width, options.height) = (c.width, c.height)
        var data = demo.data
        if c.points > data.count {
            let blobs = try BlobGenerator.generate(means: Demo.trueMeans, count: c.points / 3 + 1, seed: 1)
            data = try Dataset(values: Array(blobs.values.prefix(2 * c.points)), dimension: 2)
        }
        let animation = try Animation(history: demo.history, data: data, options: options,
                                      timeline: Timeline.Options(maxFrames: c.frames))
        let dir = TestPaths.temporaryDirectory()
        let recorder = PixelRecorder()
        let mp4 = dir.appendingPathComponent("v.mp4").path, webm = dir.appendingPathComponent("v.webm").path
        try animation.render(to: [recorder, try VideoOutput(path: mp4), try VideoOutput(path: webm, options: .init(codec: .vp9))])
        for path in [mp4, webm] {
            let decoded = try decode(path, width: c.width, height: c.height)
            #expect(decoded.count == recorder.images.count + 1, "\(path)")
            for (i, image) in recorder.images.enumerated() where i < decoded.count {
                let quality = psnr(image.pixels, decoded[i])
                #expect(quality >= 36, "\(c.name) \(path.suffix(4)) frame \(i): \(quality) dB")
                // Each frame is closer to its own PNG than to the one before: the order holds.
                if i > 0 { #expect(quality > psnr(recorder.images[i - 1].pixels, decoded[i]), "frame \(i)") }
                let (worst, checked) = worstCentre(image, centres: recorder.centres[i], decoded: decoded[i])
                if c.points <= 2000 { #expect(checked > 0, "\(c.name) frame \(i) has flat point centres") }
                #expect(worst <= 12, "\(c.name) \(path.suffix(4)) frame \(i): a point centre is \(worst) levels off")
            }
            if let held = decoded.last, decoded.count >= 2 {
                #expect(psnr(held, decoded[decoded.count - 2]) >= 40, "the held last frame shows the last frame")
            }
        }
    }

    /// The same fit gives the same bytes on one worker or two, run after run.
    @Test(arguments: [VideoOutput.Codec.h264, .vp9])
    func videosAreByteIdenticalForAnyWorkerCount(_ codec: VideoOutput.Codec) throws {
        var options = RenderOptions()
        (options.width, options.height) = (320, 200)
        let animation = try Animation(history: demo.history, data: demo.data, options: options, timeline: Timeline.Options(tween: 1))
        let dir = TestPaths.temporaryDirectory()
        var files = [[UInt8]]()
        for (run, workers) in [1, 2, 2].enumerated() {
            let path = dir.appendingPathComponent("\(run).\(codec == .h264 ? "mp4" : "webm")").path
            try animation.render(to: [try VideoOutput(path: path, options: .init(codec: codec))], workers: try Workers(count: workers))
            files.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        #expect(files[0].count > 1000)
        #expect(files[0] == files[1] && files[1] == files[2])
    }

    @Test func badSettingsAreTyped() throws {
        #expect(throws: AnimationError.outOfRange(.videoQuality, value: 52, allowed: 0 ... 51)) {
            try VideoOutput(path: "x.mp4", options: .init(codec: .h264, quality: 52))
        }
        #expect(throws: AnimationError.outOfRange(.videoQuality, value: -1, allowed: 0 ... 63)) {
            try VideoOutput(path: "x.webm", options: .init(codec: .vp9, quality: -1))
        }
        #expect(throws: VideoError.encoderMissing(program: "no-such-encoder")) {
            try VideoOutput(path: "x.mp4", options: .init(encoder: "no-such-encoder"))
        }
    }
}
