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

    @Test func blendIsTheResponsibilityWeightedMean() {
        let colors = [RGB(0xFF0000), RGB(0x0000FF)]
        #expect(RGB.blend([0.5, 0.5], colors: colors).packed == 0x800080)
        #expect(RGB.blend([1, 0], colors: colors).packed == 0xFF0000)
        // Not a distribution: grey, never a crash.
        #expect(RGB.blend([0, 0], colors: colors).packed == 0x808080)
        // A NaN responsibility counts as 0.
        #expect(RGB.blend([.nan, 1], colors: colors).packed == 0x0000FF)
    }
}
