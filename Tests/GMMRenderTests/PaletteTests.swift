import GMMColor
import Testing
@testable import GMMRender

@Suite struct PaletteTests {
    @Test func firstEightAreOkabeIto() {
        let colors = RenderPalette().colors(forComponents: 8)
        #expect(colors == [0xD55E00, 0x0072B2, 0x009E73, 0xE69F00, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x000000])
        // On the dark theme black would vanish: it becomes a light grey.
        #expect(RenderPalette(theme: .dark).colors(forComponents: 8)[7] == 0xD0D0D0)
    }

    @Test func twentyComponentsGetTwentyDistinctDeterministicColours() {
        let a = RenderPalette().colors(forComponents: 20), b = RenderPalette().colors(forComponents: 20)
        #expect(a == b)
        #expect(Set(a).count == 20)
        #expect(a.allSatisfy { $0 <= 0xFFFFFF })
        // Generated hues are far from one another.
        for i in 8 ..< 20 { for j in 8 ..< i { #expect(channelDistance(a[i], a[j]) >= 20, "\(i) vs \(j)") } }
    }

    @Test func exactColoursHoldTheThemeAndTheComponents() {
        for theme in Theme.allCases {
            let palette = RenderPalette(theme: theme)
            let exact = palette.exactColors(components: 5)
            #expect(exact.contains(theme.colors.background))
            #expect(exact.contains(theme.colors.text))
            #expect(exact.contains(theme.colors.grid))
            #expect(palette.colors(forComponents: 5).allSatisfy(exact.contains))
            #expect(Set(exact).count == exact.count)
        }
    }

    @Test func blendIsTheResponsibilityWeightedMeanInOklab() {
        let blender = ResponsibilityBlender(componentColors: [0xFF0000, 0x0000FF])
        func mix(_ row: [Double]) -> UInt32 { row.withUnsafeBufferPointer { blender.color($0) }.packed }
        // Ottosson's reference: the Oklab midpoint of red and blue is (0.5399, 0.0948, −0.0936)
        // in Lab, sRGB (140, 83, 162).
        let mid = OklabColor(mix([0.5, 0.5]))
        let red = OklabColor(0xFF0000), blue = OklabColor(0x0000FF)
        #expect(abs(mid.l - (red.l + blue.l) / 2) < 0.004)
        #expect(abs(mid.a - (red.a + blue.a) / 2) < 0.004)
        #expect(abs(mid.b - (red.b + blue.b) / 2) < 0.004)
        #expect(mix([1, 0]) == 0xFF0000)
        // Not a distribution: neutral grey, never a crash.
        #expect(mix([0, 0]) == ResponsibilityBlender.unassignedColor)
        // A NaN responsibility counts as 0.
        #expect(mix([.nan, 1]) == 0x0000FF)
    }
}
