import Foundation
import GMMFiles
import GMMImage
import GMMRender
#if canImport(Glibc)
import Glibc
#endif

/// The animation as a video for slide software and the web: MP4 (H.264) or WebM (VP9), encoded
/// by the `ffmpeg` program, written atomically (complete at ``finish()`` or not at all).
///
/// Why the program, not `libavcodec`: the program takes frames on a pipe, as matplotlib's
/// `FFMpegWriter` does, so no FFmpeg headers or C module enter the package (`make demo` needs
/// none of it), a crash of the encoder cannot take the render down with it, and the command
/// line's options are stable across FFmpeg versions where the C API is not.
///
/// Timing: each frame is sent once, as raw pixels (`RGBImage`'s words read as `bgr0` bytes)
/// at a nominal 100 frames per second, the timeline's unit, and a `setpts` expression gives each
/// its start time on the timeline exactly; the encoder keeps these variable timestamps. A
/// constant rate would repeat frames: the demo's 19 frames would be 973 at 100 fps, or off by
/// up to 20 ms at 50. MP4 and WebM give the last frame a duration of one tick, so it is sent
/// once more a hundredth of a second before the end, and players hold it for its whole delay.
///
/// The settings play everywhere: H.264 High profile or VP9, yuv420p, colour tagged BT.709 (and
/// converted with BT.709's matrix, so players show the PNG's colours), dimensions padded to
/// even with the background colour (never scaled, so every pixel stays where the PNG has it),
/// `moov` before `mdat` (`+faststart`), no creation time or version strings, and one encoder
/// thread, so the same frames give the same bytes on any number of workers and across runs for
/// a given ffmpeg build.
public final class VideoOutput: AnimationOutput {
    /// The video formats.
    public enum Codec: String, Sendable, CaseIterable {
        /// H.264 in MP4: PowerPoint, Keynote, Google Slides, every browser.
        case h264
        /// VP9 in WebM: browsers, a fraction of the size.
        case vp9

        /// The quality scale's range (the encoder's constant rate factor: lower is better).
        public var qualityRange: ClosedRange<Int> { self == .h264 ? 0 ... 51 : 0 ... 63 }

        /// The default quality for frames of `width` × `height` device pixels: the factor that
        /// keeps every data point's colour within 12 levels per channel of the PNG frame, and
        /// the picture above 36 dB PSNR, at the smallest size.
        ///
        /// Measured on the demo, the slide preset and a 1e6-point density frame. Points drawn
        /// larger where they are uncertain have flat centres in the overlap of two components,
        /// where blended colours sit side by side, and the encoders smooth that chroma first: at
        /// 1000 × 600 H.264 needs 17 on its own, but with the chroma quantiser 5 steps finer
        /// (`chroma-qp-offset=-5`) 22 holds the colours, and 21 is used for a step of margin,
        /// at 69 % of the GIF's size. VP9 needs 9 (11 left a centre 17 levels off); 8 is used.
        /// A larger frame spreads the same picture over more pixels, and the encoder then gives a
        /// small point fewer bits, so the factor falls with the logarithm of the area (2.8 and
        /// 3.4 per doubling) and never rises above the 1000 × 600 value for smaller frames,
        /// whose points are smallest of all.
        public func defaultQuality(width: Int, height: Int) -> Int {
            let (base, perDoubling) = self == .h264 ? (21.0, 2.8) : (8.0, 3.4)
            let doublings = max(0, log2(Double(max(width, 1) * max(height, 1)) / 600_000))
            return max(qualityRange.lowerBound, Int((base - perDoubling * doublings).rounded()))
        }
    }

    /// How the video is encoded.
    public struct Options: Sendable, Equatable {
        public var codec: Codec
        /// The encoder's constant rate factor (``Codec/qualityRange``; lower is better and
        /// larger); nil for ``Codec/defaultQuality(width:height:)``.
        public var quality: Int?
        /// The encoder program: a path, or a name looked up on `PATH`.
        public var encoder: String

        public init(codec: Codec = .h264, quality: Int? = nil, encoder: String = "ffmpeg") {
            self.codec = codec
            self.quality = quality
            self.encoder = encoder
        }
    }

    /// Where the video appears.
    public let path: String
    public let options: Options
    /// Frames sent to the encoder, after ``finish()``.
    public private(set) var framesWritten = 0
    /// The video's size in bytes, after ``finish()``.
    public private(set) var bytesWritten = 0

    private let program: String
    private var file: OutputFile?
    /// The `setpts` filter, in a scratch file in the temporary directory: for a long animation
    /// it is longer than a command-line argument may be. Never committed; removed at the end.
    private var filterScript: OutputFile?
    private var encoder: EncoderProcess?
    /// Whether the last frame is sent once more before the end (its delay is at least 2).
    private var repeatsLast = false
    private var last: RGBImage?

    /// - Throws: ``AnimationError/outOfRange(_:value:allowed:)`` for a quality outside the
    ///   codec's range; ``VideoError/encoderMissing(program:)`` when the encoder cannot be
    ///   found, so that a run stops before any work.
    public init(path: String, options: Options = Options()) throws {
        if let quality = options.quality {
            try AnimationError.check(.videoQuality, quality, in: options.codec.qualityRange)
        }
        guard let program = EncoderProcess.locate(options.encoder) else {
            throw VideoError.encoderMissing(program: options.encoder)
        }
        self.path = path
        self.options = options
        self.program = program
    }

    /// The pixels.
    public var needs: FrameContents { .pixels }

    public func start(_ facts: AnimationFacts) throws {
        let file = try OutputFile(path: path)
        self.file = file
        // Every frame's start, then the last frame again one hundredth before the end.
        var times = [Int]()
        var clock = 0
        for frame in facts.timeline.frames {
            times.append(clock)
            clock += frame.delay
        }
        repeatsLast = (facts.timeline.frames.last?.delay ?? 0) >= 2
        if repeatsLast { times.append(clock - 1) }
        let scratch = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let script = try OutputFile(path: scratch + "/gmmviz-video-filter")
        filterScript = script
        try script.write(Array(Self.filter(times: times, background: facts.exactColors.first ?? 0xFFFFFF).utf8))
        encoder = try EncoderProcess(program: program, arguments: arguments(size: facts.size, filterScript: script.temporaryPath,
                                                                            output: file.temporaryPath), path: path)
    }

    /// Frames are sent in order, so the parallel stage hands the pixels on.
    public func produce(_ frame: AnimationFrame, worker: Int) throws -> RGBImage {
        guard let image = frame.image else { throw AnimationOutputState.missing("pixels", output: "VideoOutput") }
        return image
    }

    public func consume(_ products: [RGBImage], from first: Int) throws {
        guard let encoder else { throw AnimationOutputState.notStarted("VideoOutput") }
        for image in products { try encoder.send(image) }
        framesWritten += products.count
        last = products.last
    }

    public func finish() throws {
        guard let encoder, let file, let last else { throw AnimationOutputState.notStarted("VideoOutput") }
        if repeatsLast { try encoder.send(last) }
        try encoder.finish()
        filterScript?.abort()
        try file.commit()
        var status = stat()
        bytesWritten = stat(path, &status) == 0 ? Int(status.st_size) : 0
        release()
    }

    public func abort() {
        encoder?.stop()
        file?.abort()
        filterScript?.abort()
        release()
    }

    private func release() {
        encoder = nil
        file = nil
        filterScript = nil
        last = nil
    }

    /// The filters: each frame's start time from `times` (in 1/100 s), padding to even
    /// dimensions with `background`, and BT.709's conversion to yuv420p.
    static func filter(times: [Int], background: UInt32) -> String {
        "setpts='(\(lookup(times, 0 ..< times.count)))/100/TB',"
            + "pad=ceil(iw/2)*2:ceil(ih/2)*2:0:0:color=" + String(format: "0x%06X", background & 0xFF_FFFF) + ","
            + "scale=out_color_matrix=bt709:out_range=tv:flags=area+accurate_rnd,format=yuv420p"
    }

    /// The encoder's command line for frames of `size`, filtered by the script at
    /// `filterScript`, into `output`.
    func arguments(size: FrameSize, filterScript: String, output: String) -> [String] {
        var args = ["-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                    "-f", "rawvideo", "-pix_fmt", "bgr0", "-s", "\(size.deviceWidth)x\(size.deviceHeight)", "-r", "100",
                    "-i", "pipe:0", "-filter_script:v", filterScript, "-fps_mode", "passthrough",
                    "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-color_range", "tv",
                    "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1", "-threads", "1"]
        let quality = String(options.quality ?? options.codec.defaultQuality(width: size.deviceWidth, height: size.deviceHeight))
        switch options.codec {
        case .h264:
            // veryslow: on the demo 10 % smaller than medium at the same PSNR, for 1.5 s of
            // encoding instead of 0.8; a slide deck's few dozen frames encode once.
            args += ["-c:v", "libx264", "-profile:v", "high", "-preset", "veryslow", "-tune", "animation", "-crf", quality,
                     // Blended point colours are chroma detail: quantise chroma finer than luma.
                     "-x264-params", "chroma-qp-offset=-5",
                     "-movflags", "+faststart", "-video_track_timescale", "100", "-f", "mp4"]
        case .vp9:
            // cpu-used 1: on the demo a third smaller than 2 at the same centre error.
            args += ["-c:v", "libvpx-vp9", "-crf", quality, "-b:v", "0", "-deadline", "good", "-cpu-used", "1",
                     "-row-mt", "0", "-f", "webm"]
        }
        return args + [output]
    }

    /// An ffmpeg expression of the frame number `N` giving `times[N]` in 1/100 s: a balanced
    /// tree of comparisons, so its depth grows with the logarithm of the frame count.
    static func lookup(_ times: [Int], _ range: Range<Int>) -> String {
        guard range.count > 1 else { return String(times[range.lowerBound]) }
        let middle = (range.lowerBound + range.upperBound) / 2
        return "if(lt(N,\(middle)),\(lookup(times, range.lowerBound ..< middle)),\(lookup(times, middle ..< range.upperBound)))"
    }
}
