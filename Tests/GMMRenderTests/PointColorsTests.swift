import GMMColor
import Foundation
import GMM
import Testing
@testable import GMMRender

/// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear-light sRGB.
private let deuteranopia: [[Double]] = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
private let protanopia: [[Double]] = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]


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
