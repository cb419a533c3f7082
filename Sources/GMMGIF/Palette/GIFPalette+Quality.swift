import Foundation
import GMMImage

extension GIFPalette {
    /// The peak signal-to-noise ratio, in dB, of `images` mapped to this palette (no dither)
    /// against the images themselves, over all pixels and the three channels:
    /// `10 log10(255² / MSE)`. `.infinity` when every pixel maps exactly.
    public func psnr(for images: [RGBImage]) -> Double {
        var squared = 0.0
        var count = 0
        for image in images {
            let mapped = indices(for: image).indices
            var sum = 0
            for (p, i) in zip(image.pixels, mapped) {
                let q = colors[Int(i)]
                let dr = Int((p >> 16) & 0xFF) - Int((q >> 16) & 0xFF)
                let dg = Int((p >> 8) & 0xFF) - Int((q >> 8) & 0xFF)
                let db = Int(p & 0xFF) - Int(q & 0xFF)
                sum += dr * dr + dg * dg + db * db
            }
            squared += Double(sum)
            count += 3 * image.pixels.count
        }
        guard count > 0, squared > 0 else { return .infinity }
        return 10 * log10(255 * 255 / (squared / Double(count)))
    }
}
