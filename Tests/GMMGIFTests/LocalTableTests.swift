import GMMGIF
import Testing
import TestSupport
import GMMImage

/// Protected pixels (the centres of data points) through local colour tables: encode into
/// memory, decode with giflib, compare with the source frames.
@Suite struct LocalTableTests {
    static let width = 24, height = 16
    /// Six greys: white and black are what the frames below use; the four between are free.
    static let greys: [UInt32] = [0x000000, 0x333333, 0x666666, 0x999999, 0xCCCCCC, 0xFFFFFF]

    /// The largest difference of one channel.
    static func channelDistance(_ a: UInt32, _ b: UInt32) -> Int {
        [16, 8, 0].map { (s: UInt32) in abs(Int((a >> s) & 0xFF) - Int((b >> s) & 0xFF)) }.max() ?? 0
    }

    static func squaredDistance(_ a: UInt32, _ b: UInt32) -> Int {
        [16, 8, 0].map { (s: UInt32) in
            let d = Int((a >> s) & 0xFF) - Int((b >> s) & 0xFF)
            return d * d
        }.reduce(0, +)
    }

    /// A white frame with a black line and `spots`: (offset, colour).
    static func frame(_ spots: [(Int, UInt32)]) -> RGBImage {
        var image = RGBImage(width: width, height: height, filledWith: 0xFFFFFF)
        for x in 0 ..< width { image.pixels[12 * width + x] = 0x000000 }
        for (offset, color) in spots { image.pixels[offset] = color }
        return image
    }

    /// Three frames: two with coloured spots no grey comes near (a red one also outside the
    /// protected set), the third all grey; `protected` lists the spots of each.
    static func scenario() -> (frames: [RGBImage], protected: [[Int]]) {
        let red: UInt32 = 0xC81E1E, green: UInt32 = 0x1EC81E, blue: UInt32 = 0x2850D2
        let frames = [
            frame([(30, red), (31, red), (50, green), (100, 0xC5201C), (140, red)]),
            frame([(30, red), (31, red), (50, blue), (100, 0xC5201C), (140, red)]),
            frame([(30, 0x999999), (50, 0x666666)]),
        ]
        return (frames, [[30, 31, 50, 100], [30, 31, 50, 100], [30, 50]])
    }

    @Test func protectedPixelsStayWithinTheTolerance() throws {
        let palette = try GIFPalette(colors: Self.greys)
        let (frames, protected) = Self.scenario()
        let writer = try GIFWriter(width: Self.width, height: Self.height, palette: palette, sink: MemoryGIFSink())
        for (frame, offsets) in zip(frames, protected) {
            try writer.add(palette.indices(for: frame, protecting: offsets, tolerance: 8), delay: 10)
        }
        let gif = try DecodedGIF(try writer.close().bytes)
        try #require(gif.frames.count == frames.count)

        // The coloured frames needed tables of their own; the grey one did not.
        #expect(gif.localColors.map { $0 != nil } == [true, true, false])
        for (k, frame) in frames.enumerated() {
            for o in protected[k] {
                #expect(Self.channelDistance(gif.frames[k][o], frame.pixels[o]) <= 8,
                        "frame \(k), pixel \(o): \(gif.frames[k][o]) for \(frame.pixels[o])")
            }
            // A spot of a protected colour outside the protected set gets the same colour.
            if k < 2 { #expect(gif.frames[k][140] == gif.frames[k][30]) }
            // New entries only took free slots here, so no pixel is farther from its source
            // than the nearest grey.
            for (shown, source) in zip(gif.frames[k], frame.pixels) {
                let nearestGrey = Self.greys.map { Self.squaredDistance($0, source) }.min() ?? 0
                #expect(Self.squaredDistance(shown, source) <= nearestGrey)
            }
        }
        // Pixels that did not change keep their colour although the tables differ.
        #expect(gif.rects[1] == (2, 2, 1, 1))
    }

    @Test func tablesAreIdenticalForTheSameFrame() throws {
        let palette = try GIFPalette(colors: Self.greys)
        let (frames, protected) = Self.scenario()
        let a = palette.indices(for: frames[0], protecting: protected[0], tolerance: 8)
        let b = palette.indices(for: frames[0], protecting: protected[0].reversed(), tolerance: 8)
        #expect(a == b)
        #expect(palette.indices(for: frames[2], protecting: protected[2], tolerance: 8) == palette.indices(for: frames[2]))
    }

    @Test func ditheredFramesKeepProtectedPixelsToo() throws {
        let palette = try GIFPalette(colors: Self.greys)
        let (frames, protected) = Self.scenario()
        for (frame, offsets) in zip(frames, protected) {
            let mapped = palette.indices(for: frame, dither: .ordered, protecting: offsets, tolerance: 8)
            let table = mapped.localColors ?? palette.colors
            for o in offsets {
                #expect(Self.channelDistance(table[Int(mapped.indices[o])], frame.pixels[o]) <= 8)
            }
        }
    }
}
