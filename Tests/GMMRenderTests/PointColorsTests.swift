import GMMColor
import Foundation
import GMM
import Testing
@testable import GMMRender

/// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear-light sRGB.
private let deuteranopia: [[Double]] = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
private let protanopia: [[Double]] = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]

/// The Oklab colour of `packed` as seen through `matrix` (nil: normal vision), straight from
/// Ottosson's published formulas, independently of ``OklabColor``.
private func seen(_ packed: UInt32, _ matrix: [[Double]]?) -> (Double, Double, Double) {
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

private func deltaE(_ x: UInt32, _ y: UInt32, _ matrix: [[Double]]?) -> Double {
    let a = seen(x, matrix), b = seen(y, matrix)
    return ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)).squareRoot()
}

/// The colours points get: the component palette, the Oklab blend of a responsibility row, and the
/// neutral grey of points not yet assigned, checked against Ottosson's formulas under normal
/// vision and two colour-vision deficiencies.
@Suite struct PointColorsTests {
    /// The smallest ΔE_ok allowed between component colours, and between a 50/50 blend and
    /// either of its parents, under normal vision, deuteranopia and protanopia: 0.05, about 2.5
    /// just-noticeable differences (ΔE_ok ≈ 0.02).
    static let minimumDeltaE = 0.05

    @Test func componentsAndBlendsStayApartUnderColourBlindness() throws {
        for k in [3, 4] {
            let colors = RenderPalette().colors(forComponents: k)
            let blender = ResponsibilityBlender(componentColors: colors)
            for i in 0 ..< k {
                for j in (i + 1) ..< k {
                    var row = [Double](repeating: 0, count: k)
                    row[i] = 0.5
                    row[j] = 0.5
                    let half = row.withUnsafeBufferPointer { blender.color($0) }.packed
                    for (name, matrix) in [("normal", nil), ("deuteranopia", deuteranopia), ("protanopia", protanopia)] as [(String, [[Double]]?)] {
                        let pair = deltaE(colors[i], colors[j], matrix)
                        #expect(pair >= Self.minimumDeltaE, "\(name): components \(i + 1), \(j + 1) ΔE \(pair)")
                        let toI = deltaE(half, colors[i], matrix), toJ = deltaE(half, colors[j], matrix)
                        #expect(min(toI, toJ) >= Self.minimumDeltaE, "\(name): 50/50 of \(i + 1), \(j + 1) = \(hex(half)): ΔE \(toI), \(toJ)")
                    }
                }
            }
        }
    }

    @Test func fiftyFiftyIsNotMud() throws {
        // Orange and bluish green: the sRGB mean is olive (115,159,58 → darker than both in
        // Oklab); the Oklab mix keeps a lightness between the parents'.
        let colors: [UInt32] = [0xE69F00, 0x009E73]
        let blender = ResponsibilityBlender(componentColors: colors)
        let half = [0.5, 0.5].withUnsafeBufferPointer { blender.color($0) }.packed
        let l = seen(half, nil).0, l0 = seen(colors[0], nil).0, l1 = seen(colors[1], nil).0
        #expect(abs(l - (l0 + l1) / 2) < 0.01)
    }

    @Test func unassignedPointsAreNeutral() throws {
        let (data, history) = demoFit
        let builder = try SceneBuilder(history: history, data: data, options: RenderOptions())
        var scene = try builder.scene(at: 0)
        scene.pointsAssigned = false
        let fills = PointColors(scene: scene, componentColors: RenderPalette().colors(forComponents: 3)).fills
        for fill in Set(fills.map(\.packed)) {
            let lab = seen(fill, nil)
            #expect((lab.1 * lab.1 + lab.2 * lab.2).squareRoot() < 0.02, "\(hex(fill))")
        }
    }
}
