/// Decides how to write a frame's changed rectangle, given the indices already on screen.
///
/// Inside the rectangle, a pixel that did not change may be written either as its own index or
/// as the transparent index (the decoder then keeps what is there, disposal "do not dispose").
/// Three candidates are costed with ``LZWCostModel`` and the smallest wins:
/// - **opaque**: every pixel as its index (no transparency in the GCE);
/// - **transparent**: every unchanged pixel as the transparent index;
/// - **greedy**: each unchanged pixel takes whichever of the two values extends the current LZW
///   match (its own index first, as it continues runs of the surrounding colour), and the
///   transparent index when neither does, so static detail (text, axes) becomes runs.
///
/// The greedy candidate is usually smallest; the other two guard against its bad cases.
enum FramePlanner {
    struct Plan: Equatable {
        /// `rect.width × rect.height` indices to write, row-major.
        var pixels: [UInt8]
        /// Whether `pixels` contains the transparent index as "unchanged".
        var usesTransparency: Bool
        /// The cost model's estimate of the LZW data size, in bytes.
        var estimatedBytes: Int
    }

    /// `current` and `previous`: full frames of `width` columns, row-major.
    static func plan(current: [UInt8], previous: [UInt8], width: Int, rect: FrameRect,
                     transparent: UInt8?, bitsPerPixel: Int) -> Plan {
        var opaque = [UInt8](repeating: 0, count: rect.area)
        var opaqueCost = LZWCostModel(bitsPerPixel: bitsPerPixel)
        var k = 0
        for y in rect.y..<(rect.y + rect.height) {
            let row = y * width
            for x in rect.x..<(rect.x + rect.width) {
                let p = current[row + x]
                opaque[k] = p
                opaqueCost.push(p)
                k += 1
            }
        }
        var best = Plan(pixels: opaque, usesTransparency: false, estimatedBytes: opaqueCost.finishedByteCount())
        guard let t = transparent else { return best }

        var masked = [UInt8](repeating: 0, count: rect.area)
        var greedy = [UInt8](repeating: 0, count: rect.area)
        var maskedCost = LZWCostModel(bitsPerPixel: bitsPerPixel)
        var greedyCost = LZWCostModel(bitsPerPixel: bitsPerPixel)
        var anyUnchanged = false
        k = 0
        for y in rect.y..<(rect.y + rect.height) {
            let row = y * width
            for x in rect.x..<(rect.x + rect.width) {
                let p = current[row + x]
                if p == previous[row + x] {
                    anyUnchanged = true
                    masked[k] = t
                    maskedCost.push(t)
                    let g = greedyCost.extends(p) ? p : t
                    greedy[k] = g
                    greedyCost.push(g)
                } else {
                    masked[k] = p
                    maskedCost.push(p)
                    greedy[k] = p
                    greedyCost.push(p)
                }
                k += 1
            }
        }
        guard anyUnchanged else { return best }
        let maskedBytes = maskedCost.finishedByteCount()
        let greedyBytes = greedyCost.finishedByteCount()
        if greedyBytes < best.estimatedBytes && greedyBytes <= maskedBytes {
            best = Plan(pixels: greedy, usesTransparency: true, estimatedBytes: greedyBytes)
        } else if maskedBytes < best.estimatedBytes {
            best = Plan(pixels: masked, usesTransparency: true, estimatedBytes: maskedBytes)
        }
        return best
    }
}
