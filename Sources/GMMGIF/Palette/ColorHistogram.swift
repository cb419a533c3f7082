/// Exact colour counts over a few sample frames, sorted by colour so the palette built from it
/// does not depend on hashing order (the same frames always give the same palette).
struct ColorHistogram: Sendable {
    /// Distinct colours, `0x00RRGGBB`, ascending.
    var colors: [UInt32] = []
    /// `counts[i]` pixels have colour `colors[i]`.
    var counts: [Int] = []
    /// Pixels counted.
    var total = 0

    init(samples: [RGBImage]) {
        var table: [UInt32: Int] = [:]
        for image in samples {
            // Plot frames are long runs of one colour: count runs, not pixels, in the table.
            var last: UInt32 = .max
            var run = 0
            for pixel in image.pixels {
                let p = pixel & 0xFF_FFFF
                if p == last {
                    run += 1
                } else {
                    if run > 0 { table[last, default: 0] += run }
                    last = p
                    run = 1
                }
            }
            if run > 0 { table[last, default: 0] += run }
            total += image.pixels.count
        }
        for (color, count) in table.sorted(by: { $0.key < $1.key }) {
            colors.append(color)
            counts.append(count)
        }
    }
}
import GMMImage
