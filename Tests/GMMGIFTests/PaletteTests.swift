import GMMGIF
import Testing
import SyntheticFrames
import TestSupport
import GMMImage

@Suite struct PaletteTests {
    @Test func seedsMapExactly() {
        let (frames, _) = RoundTripTests.scenario()
        let palette = GIFPalette.build(seeds: TestFrames.seeds, samples: frames)
        #expect(Array(palette.colors.prefix(TestFrames.seeds.count)) == TestFrames.seeds)
        for (i, seed) in TestFrames.seeds.enumerated() { #expect(palette.index(of: seed) == UInt8(i)) }
        #expect(palette.colors[Int(palette.index(of: 0xFFFFFF))] == 0xFFFFFF)
        // The high byte is ignored.
        #expect(palette.index(of: 0xAB00_0000) == palette.index(of: 0))
    }

    @Test func tableIsPowerOfTwoWithTransparentSlot() throws {
        let palette = try GIFPalette(colors: [0xFFFFFF, 0, 0xFF0000])
        #expect(palette.tableSize == 4)
        #expect(palette.transparentIndex == 3)
        let full = try GIFPalette(colors: (0..<256).map { UInt32($0) }, reserveTransparent: false)
        #expect(full.tableSize == 256 && full.transparentIndex == nil)
        #expect(throws: GIFError.self) { try GIFPalette(colors: (0..<256).map { UInt32($0) }) }
        #expect(throws: GIFError.self) { try GIFPalette(colors: []) }
    }

    /// Far more colours than fit: seeds stay exact, the rest is close, and white stays white.
    @Test func manyColoursQuantiseCloselyAndKeepWhite() {
        var pixels: [UInt32] = []
        for y in 0..<64 {
            for x in 0..<64 { pixels.append(UInt32(x * 4) << 16 | UInt32(y * 4) << 8 | UInt32((x + y) * 2)) }
        }
        pixels += [UInt32](repeating: 0xFFFFFF, count: 4096)
        let image = RGBImage(width: 64, height: 128, pixels: pixels)
        let palette = GIFPalette.build(seeds: [0x1F77B4], samples: [image], minimumPSNR: nil)
        #expect(palette.colors.count == 255)
        #expect(palette.colors[0] == 0x1F77B4)
        #expect(palette.colors[Int(palette.index(of: 0xFFFFFF))] == 0xFFFFFF)
        var squared = 0.0
        for (p, i) in zip(image.pixels, palette.indices(for: image).indices) {
            let q = palette.colors[Int(i)]
            for s: UInt32 in [0, 8, 16] {
                let d = Double(Int((p >> s) & 0xFF) - Int((q >> s) & 0xFF))
                squared += d * d
            }
        }
        let mse = squared / Double(pixels.count * 3)
        #expect(mse < 10, "MSE \(mse) on a smooth gradient with 255 colours")
    }

    @Test func antiAliasingBlendsGetEntries() {
        let frame = TestFrames.shapes(width: 64, height: 40, cx: 20.3, cy: 18.7, square: 40)
        let palette = GIFPalette.build(seeds: TestFrames.seeds, samples: [frame], minimumPSNR: nil)
        // Few distinct colours: every one of them is in the palette exactly.
        for p in frame.pixels { #expect(palette.colors[Int(palette.index(of: p))] == p) }
    }

    @Test func noSamplesGivesSeedsAndBlends() {
        let palette = GIFPalette.build(seeds: [0xFFFFFF, 0x000000], samples: [])
        #expect(palette.colors.starts(with: [0xFFFFFF, 0x000000]))
        #expect(palette.colors.contains(0x808080))
        #expect(GIFPalette.build(seeds: [], samples: []).colors == [0xFFFFFF])
    }

    /// With a PSNR floor the smallest table that reaches it is chosen; seeds stay exact.
    @Test func smallestTableMeetingThePSNRFloor() {
        let frames = (0..<2).map { SyntheticPlot.frame(index: $0, count: 2, width: 120, height: 80) }
        let full = GIFPalette.build(seeds: SyntheticPlot.seeds, samples: frames, minimumPSNR: nil)
        let fitted = GIFPalette.build(seeds: SyntheticPlot.seeds, samples: frames, minimumPSNR: 40)
        #expect(full.tableSize == 256)
        #expect(fitted.tableSize < full.tableSize)
        #expect(fitted.psnr(for: frames) >= 40)
        #expect(fitted.colors.starts(with: SyntheticPlot.seeds))
        #expect(full.psnr(for: frames) >= fitted.psnr(for: frames))
        // Too many seeds for a small table: the table grows instead of dropping seeds.
        let seeds = (0..<40).map { UInt32($0 * 0x060606) }
        let roomy = GIFPalette.build(seeds: seeds, samples: frames, minimumPSNR: 0)
        #expect(roomy.tableSize == 64 && roomy.colors.starts(with: seeds))
    }
}
