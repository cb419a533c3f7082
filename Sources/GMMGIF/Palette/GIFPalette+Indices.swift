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

    private func mapNearest(_ pixels: [UInt32], into out: inout [UInt8]) {
        let mask = (1 << Self.cacheBits) - 1
        var keys = [UInt32](repeating: .max, count: mask + 1)  // .max never equals a masked pixel
        var values = [UInt8](repeating: 0, count: mask + 1)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                keys.withUnsafeMutableBufferPointer { keys in
                    values.withUnsafeMutableBufferPointer { values in
                        var last: UInt32 = .max
                        var lastIndex: UInt8 = 0
                        for i in 0..<src.count {
                            let p = src[i] & 0xFF_FFFF
                            if p != last {
                                let slot = Int((p &* 0x9E37_79B1) >> (32 - UInt32(Self.cacheBits))) & mask
                                if keys[slot] == p {
                                    lastIndex = values[slot]
                                } else {
                                    lastIndex = grid.nearest(p).index
                                    keys[slot] = p
                                    values[slot] = lastIndex
                                }
                                last = p
                            }
                            dst[i] = lastIndex
                        }
                    }
                }
            }
        }
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
