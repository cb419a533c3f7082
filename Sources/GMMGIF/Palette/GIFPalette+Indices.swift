extension GIFPalette {
    /// Maps every pixel of `image` to the index of its nearest palette colour.
    ///
    /// A pure function of the palette and the image: callers may map many frames in parallel and
    /// hand the results to ``GIFWriter/add(_:delay:)-(IndexedFrame,_)`` in order. Colours in the
    /// palette map exactly to their index. Plot frames are mostly long runs of one colour, so a
    /// pixel equal to its left neighbour reuses its index, and other pixels go through a small
    /// direct-mapped cache before the nearest-colour search.
    ///
    /// - Precondition: `image.pixels.count == image.width * image.height`.
    public func indices(for image: RGBImage, dither: GIFDither = .none) -> IndexedFrame {
        let count = image.width * image.height
        precondition(image.pixels.count == count,
                     "RGBImage has \(image.pixels.count) pixels, expected \(image.width) × \(image.height)")
        var out = [UInt8](repeating: 0, count: count)
        switch dither {
        case .none: mapNearest(image.pixels, into: &out)
        case .ordered: mapOrdered(image.pixels, width: image.width, into: &out)
        }
        return IndexedFrame(width: image.width, height: image.height, indices: out)
    }

    /// Cache slots: 4,096 keeps the cache in L1/L2 and is plenty for the few thousand distinct
    /// anti-aliasing colours of a plot frame.
    private static let cacheBits = 12

    /// Maps `pixels` to their nearest entries into `out`, through a cache of the colours met
    /// (runs of one colour are looked up once), and returns how many pixels map to each index
    /// and the offsets of the pixels whose colour is in `marked` (the local tables' pass:
    /// ``indices(for:dither:protecting:tolerance:)``). Both are taken at the end of each run,
    /// so the per-pixel work is only the store.
    @discardableResult
    func mapNearest(_ pixels: [UInt32], into out: inout [UInt8], marking marked: Set<UInt32> = [])
        -> (usage: [Int], marked: [Int32]) {
        let mask = (1 << Self.cacheBits) - 1
        var keys = [UInt32](repeating: .max, count: mask + 1)  // .max never equals a masked pixel
        var values = [UInt16](repeating: 0, count: mask + 1)  // the index, plus 0x100 if marked
        var usage = [Int](repeating: 0, count: 256)
        var found: [Int32] = []
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                keys.withUnsafeMutableBufferPointer { keys in
                    values.withUnsafeMutableBufferPointer { values in
                        var last: UInt32 = .max
                        var lastValue: UInt16 = 0
                        var lastIndex: UInt8 = 0
                        var runStart = 0
                        func endRun(at i: Int) {
                            usage[Int(lastIndex)] += i - runStart
                            if lastValue > 0xFF { found += (runStart ..< i).map { Int32($0) } }
                            runStart = i
                        }
                        for i in 0..<src.count {
                            let p = src[i] & 0xFF_FFFF
                            if p != last {
                                endRun(at: i)
                                let slot = Int((p &* 0x9E37_79B1) >> (32 - UInt32(Self.cacheBits))) & mask
                                if keys[slot] == p {
                                    lastValue = values[slot]
                                } else {
                                    lastValue = UInt16(grid.nearest(p).index) | (marked.contains(p) ? 0x100 : 0)
                                    keys[slot] = p
                                    values[slot] = lastValue
                                }
                                lastIndex = UInt8(truncatingIfNeeded: lastValue)
                                last = p
                            }
                            dst[i] = lastIndex
                        }
                        endRun(at: src.count)
                    }
                }
            }
        }
        return (usage, found)
    }

    /// 4 × 4 Bayer thresholds, 0...15.
    private static let bayer: [Int32] = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5]

    private func mapOrdered(_ pixels: [UInt32], width: Int, into out: inout [UInt8]) {
        guard width > 0 else { return }
        // The dither amplitude: ±8 levels per channel spans the typical gap between
        // neighbouring palette colours without visibly tinting flat areas.
        let spread: Int32 = 16
        for i in pixels.indices {
            let p = pixels[i] & 0xFF_FFFF
            let exact = grid.nearest(p)
            if exact.distance == 0 {
                out[i] = exact.index
                continue
            }
            let x = i % width, y = i / width
            let offset = (Self.bayer[(y & 3) * 4 + (x & 3)] * 2 - 15) * spread / 32
            func channel(_ shift: UInt32) -> Int32 {
                min(255, max(0, Int32((p >> shift) & 0xFF) + offset))
            }
            out[i] = grid.nearest(r: channel(16), g: channel(8), b: channel(0)).index
        }
    }
}
import GMMImage
