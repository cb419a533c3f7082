@testable import GMMGIF
import Testing

/// The grid search against a brute-force scan of the whole palette: same index (ties to the
/// lowest index, as documented) and same squared distance.
@Suite struct NearestColorGridTests {
    /// The nearest colour by scanning every entry in index order, keeping the first of equals.
    static func bruteForce(_ colors: [UInt32], _ query: UInt32) -> (index: UInt8, distance: Int32) {
        func channels(_ c: UInt32) -> (Int32, Int32, Int32) {
            (Int32((c >> 16) & 0xFF), Int32((c >> 8) & 0xFF), Int32(c & 0xFF))
        }
        let q = channels(query)
        var best = (index: UInt8(0), distance: Int32.max)
        for (i, c) in colors.enumerated() {
            let p = channels(c)
            let d = (p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1) + (p.2 - q.2) * (p.2 - q.2)
            if d < best.distance { best = (UInt8(i), d) }
        }
        return best
    }

    /// (0, 0, 15) is 15 from both (15, 0, 15), in its own cell, and (0, 0, 30), in the next
    /// cell. The candidate in the cell is visited first; the other, with the lower index, has a
    /// cell bound equal to the best distance found and must still be looked at.
    @Test func tieGoesToTheLowerIndexAcrossCells() {
        let colors: [UInt32] = [0x00001E, 0x0F000F]
        let grid = NearestColorGrid(colors: colors)
        #expect(grid.nearest(0x00000F) == (0, 225))
        #expect(Self.bruteForce(colors, 0x00000F) == (0, 225))
    }

    /// A lattice palette in scrambled order, queried halfway between lattice points, is all ties.
    @Test func latticeTiesMatchTheBruteForceScan() {
        var colors = [UInt32]()
        for r in stride(from: 0, through: 240, by: 48) {
            for g in stride(from: 0, through: 240, by: 48) {
                for b in stride(from: 0, through: 240, by: 48) { colors.append(UInt32(r << 16 | g << 8 | b)) }
            }
        }
        colors = colors.enumerated().sorted { ($0.offset * 97) % colors.count < ($1.offset * 97) % colors.count }.map(\.element)
        let grid = NearestColorGrid(colors: colors)
        var mismatches = 0
        for r in stride(from: 0, through: 255, by: 8) {
            for g in stride(from: 0, through: 255, by: 8) {
                for b in stride(from: 0, through: 255, by: 8) {
                    let query = UInt32(r << 16 | g << 8 | b)
                    if grid.nearest(query) != Self.bruteForce(colors, query) { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// Random palettes and random queries, seeded.
    @Test func randomPalettesMatchTheBruteForceScan() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt32 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt32(truncatingIfNeeded: state >> 40) & 0xFF_FFFF
        }
        for size in [1, 2, 7, 64, 256] {
            let colors = (0..<size).map { _ in next() }
            let grid = NearestColorGrid(colors: colors)
            for _ in 0..<2000 {
                let query = next()
                let (got, want) = (grid.nearest(query), Self.bruteForce(colors, query))
                #expect(got == want, "palette of \(size), query \(query)")
                if got != want { return }
            }
        }
    }
}
