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
