import GMMGIF
import Testing
import SyntheticFrames
import TestSupport
import GMMImage

/// Encode into memory, decode with giflib's DGif* API, reconstruct every frame, compare.
@Suite struct RoundTripTests {
    /// Moving disc and square, an identical repeated frame, a single changed pixel, delays 0 and 1.
    static func scenario() -> (frames: [RGBImage], delays: [Int]) {
        let w = 64, h = 40
        var frames = [
            TestFrames.shapes(width: w, height: h, cx: 15, cy: 15, square: 40),
            TestFrames.shapes(width: w, height: h, cx: 19.3, cy: 17.1, square: 38),
            TestFrames.shapes(width: w, height: h, cx: 19.3, cy: 17.1, square: 38),  // identical
        ]
        var onePixel = frames[2]
        onePixel.pixels[30 * w + 50] = TestFrames.seeds[4]
        frames.append(onePixel)
        frames.append(TestFrames.shapes(width: w, height: h, cx: 30, cy: 20, square: 10))
        return (frames, [5, 7, 11, 0, 1])
    }

    @Test func framesDelaysLoopAndPixelsSurviveGiflib() throws {
        let (frames, delays) = Self.scenario()
        let (bytes, palette) = try TestFrames.encode(frames, delays: delays)
        let gif = try DecodedGIF(bytes)

        #expect(gif.version == "GIF89a")
        #expect(gif.width == 64 && gif.height == 40)
        #expect(gif.loopCount == 0)
        // The identical third frame merges into the second: 7 + 11.
        #expect(gif.delays == [5, 18, 2, 2])
        #expect(gif.disposals.allSatisfy { $0 == 1 })
        // The first frame covers the canvas; the single-pixel frame is a 1 × 1 rectangle.
        #expect(gif.rects[0] == (0, 0, 64, 40))
        #expect(gif.rects[2] == (50, 30, 1, 1))
        let shown = [frames[0], frames[1], frames[3], frames[4]]
        #expect(gif.frames.count == shown.count)
        for (decoded, source) in zip(gif.frames, shown) {
            #expect(decoded == TestFrames.expected(source, palette))
        }
    }

    @Test func loopCountIsWritten() throws {
        let (frames, delays) = Self.scenario()
        let gif = try DecodedGIF(try TestFrames.encode(frames, delays: delays, loopCount: 3).bytes)
        #expect(gif.loopCount == 3)
    }

    @Test func oneByOneImage() throws {
        let frames = [RGBImage(width: 1, height: 1, pixels: [0xFFFFFF]),
                      RGBImage(width: 1, height: 1, pixels: [0x000000]),
                      RGBImage(width: 1, height: 1, pixels: [0x000000])]
        let (bytes, palette) = try TestFrames.encode(frames, delays: [3, 4, 5])
        let gif = try DecodedGIF(bytes)
        #expect(gif.delays == [3, 9])
        #expect(gif.frames == [[palette.colors[Int(palette.index(of: 0xFFFFFF))]], [0x000000]])
        #expect(gif.frames[0] == [0xFFFFFF])
    }

    @Test func withoutTransparencyOrOptimisation() throws {
        let (frames, delays) = Self.scenario()
        let palette = GIFPalette.build(seeds: TestFrames.seeds, samples: frames, reserveTransparent: false)
        #expect(palette.transparentIndex == nil)
        for optimize in [true, false] {
            let writer = try GIFWriter(width: 64, height: 40, palette: palette, sink: MemoryGIFSink(),
                                       options: GIFWriterOptions(optimizeFrames: optimize))
            for (frame, delay) in zip(frames, delays) { try writer.add(frame, delay: delay) }
            let gif = try DecodedGIF(try writer.close().bytes)
            #expect(gif.transparentIndices.allSatisfy { $0 == -1 })
            #expect(gif.frames.count == (optimize ? 4 : 5))
            #expect(gif.frames.last == TestFrames.expected(frames[4], palette))
        }
    }

    @Test func orderedDitherKeepsExactColoursAndRoundTrips() throws {
        let (frames, delays) = Self.scenario()
        let palette = GIFPalette.build(seeds: TestFrames.seeds, samples: [])
        let writer = try GIFWriter(width: 64, height: 40, palette: palette, sink: MemoryGIFSink(),
                                   options: GIFWriterOptions(dither: .ordered))
        for (frame, delay) in zip(frames, delays) { try writer.add(frame, delay: delay) }
        let gif = try DecodedGIF(try writer.close().bytes)
        let mapped = palette.indices(for: frames[4], dither: .ordered).indices.map { palette.colors[Int($0)] }
        #expect(gif.frames.last == mapped)
        #expect(gif.frames[0][0] == 0xFFFFFF)
    }

    @Test func sameInputSameBytes() throws {
        let (frames, delays) = Self.scenario()
        let a = try TestFrames.encode(frames, delays: delays).bytes
        let b = try TestFrames.encode(frames, delays: delays).bytes
        #expect(a == b)
    }

    /// The one large test: a 1000 × 600 plot-like animation decodes to the mapped source.
    @Test func largePlotSmoke() throws {
        let frames = (0..<3).map { SyntheticPlot.frame(index: $0, count: 3, width: 1000, height: 600) }
        let palette = GIFPalette.build(seeds: SyntheticPlot.seeds, samples: frames)
        let (bytes, _) = try TestFrames.encode(frames, delays: [10, 10, 10], palette: palette)
        let gif = try DecodedGIF(bytes)
        #expect(gif.frames.count == 3)
        #expect(gif.frames[2] == TestFrames.expected(frames[2], palette))
        #expect(bytes.count < 1000 * 600)
    }
}

/// The LZW data, compressed by GMMGIF or by giflib, decodes to the same pixels.
@Suite struct CompressorTests {
    /// Noise fills the string table many times (clears); long runs keep a full table (deferred
    /// clear); both within one frame, then a frame of mostly unchanged pixels.
    static func frames() -> [RGBImage] {
        let w = 200, h = 120
        var state: UInt32 = 12345
        var noisy = [UInt32](repeating: 0xFFFFFF, count: w * h)
        for i in noisy.indices where i < w * 70 || i % 97 == 0 {
            state = state &* 1_664_525 &+ 1_013_904_223
            noisy[i] = TestFrames.seeds[Int(state >> 29) % TestFrames.seeds.count]
        }
        var second = noisy
        for i in stride(from: 0, to: second.count, by: 7) { second[i] = 0x1F77B4 }
        return [RGBImage(width: w, height: h, pixels: noisy), RGBImage(width: w, height: h, pixels: second)]
    }

    @Test(arguments: [GIFCompressor.deferredClear, .giflib])
    func compressorRoundTrips(_ compressor: GIFCompressor) throws {
        let frames = Self.frames()
        let palette = try GIFPalette(colors: TestFrames.seeds)
        let writer = try GIFWriter(width: 200, height: 120, palette: palette, sink: MemoryGIFSink(),
                                   options: GIFWriterOptions(compressor: compressor))
        for frame in frames { try writer.add(frame, delay: 4) }
        let gif = try DecodedGIF(try writer.close().bytes)
        #expect(gif.frames == frames.map { TestFrames.expected($0, palette) })
        #expect(gif.frames[0] == frames[0].pixels)
    }

    @Test func deferredClearIsNotLarger() throws {
        let (frames, delays) = RoundTripTests.scenario()
        let palette = GIFPalette.build(seeds: TestFrames.seeds, samples: frames)
        var sizes: [Int] = []
        for compressor in [GIFCompressor.deferredClear, .giflib] {
            let writer = try GIFWriter(width: 64, height: 40, palette: palette, sink: MemoryGIFSink(),
                                       options: GIFWriterOptions(compressor: compressor))
            for (frame, delay) in zip(frames, delays) { try writer.add(frame, delay: delay) }
            sizes.append(try writer.close().bytes.count)
        }
        #expect(sizes[0] <= sizes[1])
    }
}

/// Frames prepared apart (as the CLI does, many at once) make the same GIF as frames added one
/// by one.
@Suite("Prepared frames")
struct PreparedFrameTests {
    @Test(arguments: [GIFCompressor.deferredClear, .giflib])
    func preparedFramesGiveTheSameBytes(_ compressor: GIFCompressor) throws {
        let (frames, delays) = RoundTripTests.scenario()
        let options = GIFWriterOptions(compressor: compressor)
        let palette = GIFPalette.build(seeds: TestFrames.seeds, samples: frames)
        let direct = try GIFWriter(width: frames[0].width, height: frames[0].height, palette: palette, sink: MemoryGIFSink(), options: options)
        for (f, d) in zip(frames, delays) { try direct.add(f, delay: d) }
        let expected = try direct.close().bytes

        let indexed = frames.map { palette.indices(for: $0) }
        // Prepared out of order, by two preparers, as parallel workers would.
        let preparers = [GIFFramePreparer(palette: palette, options: options), GIFFramePreparer(palette: palette, options: options)]
        var prepared = [PreparedGIFFrame?](repeating: nil, count: indexed.count)
        for i in indexed.indices.reversed() {
            prepared[i] = preparers[i % 2].prepare(indexed[i], after: i == 0 ? nil : indexed[i - 1])
        }
        let writer = try GIFWriter(width: frames[0].width, height: frames[0].height, palette: palette, sink: MemoryGIFSink(), options: options)
        for (p, d) in zip(prepared, delays) {
            guard let p else { Issue.record("frame not prepared"); return }
            try writer.add(p, delay: d)
        }
        #expect(try writer.close().bytes == expected)
    }
}
