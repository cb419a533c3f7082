/// Decides how to write a frame's changed rectangle, given the indices already on screen.
///
/// Inside the rectangle, a pixel that did not change may be written either as its own index or
/// as the transparent index (the decoder then keeps what is there, disposal "do not dispose").
/// Two candidates are costed with ``LZWCostModel`` and the smaller wins:
/// - **opaque**: every pixel as its index (no transparency in the GCE);
/// - **masked**: every unchanged pixel as the transparent index.
///
/// On plot frames masked usually wins by 30–50 %: static detail inside the rectangle (grid,
/// axes, points that kept their colour) becomes runs of one index. Opaque wins when nearly every
/// pixel changed. A greedy per-pixel choice (whichever value extends the current LZW match) was
/// tried and lost to both: the string table learns what was written, so it keeps reproducing the
/// old image instead of building runs.
///
/// Rectangles above ``sampleThreshold`` pixels are costed on sampled rows (one band of 8 rows in
/// every `n`, `n` up to 8, so about 64 K pixels are costed), the same rows for both candidates:
/// planning then costs about a quarter of giflib's own compression of a full frame.
final class FramePlanner {
    struct Plan: Equatable {
        /// `rect.width × rect.height` indices to write, row-major.
        var pixels: [UInt8]
        /// Whether `pixels` contains the transparent index as "unchanged".
        var usesTransparency: Bool
    }

    /// Rectangles with more pixels are costed on sampled rows.
    static let sampleThreshold = 65_536

    private let opaqueCost: LZWCostModel
    private let maskedCost: LZWCostModel

    init(bitsPerPixel: Int) {
        opaqueCost = LZWCostModel(bitsPerPixel: bitsPerPixel)
        maskedCost = LZWCostModel(bitsPerPixel: bitsPerPixel)
    }

    /// `current` and `previous`: full frames of `width` columns, row-major.
    func plan(current: [UInt8], previous: [UInt8], width: Int, rect: FrameRect, transparent: UInt8?) -> Plan {
        var opaque = [UInt8](repeating: 0, count: rect.area)
        var masked = [UInt8](repeating: 0, count: transparent == nil ? 0 : rect.area)
        var anyUnchanged = false
        let t = transparent ?? 0
        current.withUnsafeBufferPointer { cur in
            previous.withUnsafeBufferPointer { prev in
                opaque.withUnsafeMutableBufferPointer { opaque in
                    masked.withUnsafeMutableBufferPointer { masked in
                        var k = 0
                        for y in rect.y..<(rect.y + rect.height) {
                            let row = y * width
                            for x in rect.x..<(rect.x + rect.width) {
                                opaque[k] = cur[row + x]
                                k += 1
                            }
                            guard transparent != nil else { continue }
                            k -= rect.width
                            for x in rect.x..<(rect.x + rect.width) {
                                let p = cur[row + x]
                                let same = p == prev[row + x]
                                anyUnchanged = anyUnchanged || same
                                masked[k] = same ? t : p
                                k += 1
                            }
                        }
                    }
                }
            }
        }
        guard anyUnchanged else { return Plan(pixels: opaque, usesTransparency: false) }
        let opaqueBytes = cost(of: opaque, rect: rect, model: opaqueCost)
        let maskedBytes = cost(of: masked, rect: rect, model: maskedCost)
        return maskedBytes < opaqueBytes
            ? Plan(pixels: masked, usesTransparency: true)
            : Plan(pixels: opaque, usesTransparency: false)
    }

    /// The modelled LZW size of `pixels` (`rect.width` columns), on sampled rows if large.
    private func cost(of pixels: [UInt8], rect: FrameRect, model: LZWCostModel) -> Int {
        model.reset()
        let every = max(1, min(8, rect.area / Self.sampleThreshold))
        pixels.withUnsafeBufferPointer { px in
            for y in 0..<rect.height where (y >> 3) % every == 0 {
                let row = y * rect.width
                for x in 0..<rect.width { model.push(px[row + x]) }
            }
        }
        return model.finishedByteCount()
    }
}
