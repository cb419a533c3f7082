import Foundation
import GMM
@testable import GMMRender
import TestSupport
import GMMImage

/// Small frames with every element hidden, so a test sees only what it turns on.
func bareOptions(width: Int = 400, height: Int = 300) -> RenderOptions {
    var o = RenderOptions.bare
    o.width = width
    o.height = height
    return o
}

/// The demo fit (the notebook's experiment), computed once.
let demoFit: (data: Dataset, history: FitHistory) = {
    do {
        let data = try Demo.data(seed: 0)
        let fit = try GaussianMixture(components: 3).fit(data, initialization: .means(Demo.initialMeans))
        return (data, fit.history)
    } catch {
        fatalError("the demo fit failed: \(error)")
    }
}()

/// Per-channel largest absolute difference between two 0x00RRGGBB colours.
func channelDistance(_ a: UInt32, _ b: UInt32) -> Int {
    [16, 8, 0].map { abs(Int((a >> $0) & 0xFF) - Int((b >> $0) & 0xFF)) }.max() ?? 0
}

func hex(_ c: UInt32) -> String { String(format: "#%06X", c) }

/// A scene of one component and no points.
func singleComponentScene(mean: Point2, covariance: Covariance2, weight: Double = 1) throws -> Scene {
    try Scene(points: [], responsibilities: [], components: [SceneComponent(weight: weight, mean: mean, covariance: covariance)])
}

extension RGBImage {
    /// `bytes` read back by Cairo's PNG decoder (libpng), which shares no code with the
    /// renderer's own PNG encoder.
    static func decodePNG(_ bytes: [UInt8]) throws -> RGBImage {
        let decoded = try PNGDecoding.decode(bytes)
        return RGBImage(width: decoded.width, height: decoded.height, pixels: decoded.pixels)
    }
}

/// The Oklab colour of `packed` as seen through `matrix` (nil: normal vision), straight from
/// Ottosson's published formulas, independently of ``OklabColor``.
func seen(_ packed: UInt32, _ matrix: [[Double]]?) -> (Double, Double, Double) {
    func lin(_ v: UInt32) -> Double {
        let c = Double(v) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    var rgb = [lin((packed >> 16) & 0xFF), lin((packed >> 8) & 0xFF), lin(packed & 0xFF)]
    if let m = matrix {
        rgb = m.map { row in min(max(row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2], 0), 1) }
    }
    let l = cbrt(0.4122214708 * rgb[0] + 0.5363325363 * rgb[1] + 0.0514459929 * rgb[2])
    let m = cbrt(0.2119034982 * rgb[0] + 0.6806995451 * rgb[1] + 0.1073969566 * rgb[2])
    let s = cbrt(0.0883024619 * rgb[0] + 0.2817188376 * rgb[1] + 0.6299787005 * rgb[2])
    return (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s)
}

/// The Oklab distance between two colours as seen through `matrix` (nil: normal vision).
func deltaE(_ x: UInt32, _ y: UInt32, _ matrix: [[Double]]?) -> Double {
    let a = seen(x, matrix), b = seen(y, matrix)
    return ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)).squareRoot()
}
