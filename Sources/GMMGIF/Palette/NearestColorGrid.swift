/// Nearest-colour search over a palette in RGB, by Heckbert's locally sorted search.
///
/// The RGB cube is cut into 16 × 16 × 16 cells of 16 levels per channel. For each cell we keep
/// only the palette entries that can be the nearest colour of some point inside it: an entry
/// whose smallest distance to the cell exceeds the smallest *largest* distance of any entry to
/// the cell can never win. The candidates are sorted by that smallest distance so the search
/// stops as soon as no remaining candidate can beat the best one found. A query costs a handful
/// of distance evaluations instead of 256.
///
/// The metric is squared Euclidean distance in 8-bit sRGB, the metric PSNR is measured in, so the
/// mapped frame is the best a given palette can do; an exact palette colour has distance 0 and
/// maps to itself.
struct NearestColorGrid: Sendable {
    private static let cellBits = 4
    private static let cellsPerAxis = 1 << cellBits
    private static let cellSize = 256 / cellsPerAxis

    /// One palette entry as a candidate of one cell: its colour, its index, and its smallest
    /// squared distance to the cell. The colour is copied into every cell that lists it, so the
    /// inner loop reads one contiguous run of candidates and nothing else.
    private struct Candidate {
        let red: Int32
        let green: Int32
        let blue: Int32
        let bound: Int32
        let index: UInt8
    }

    /// `cellStart[c] ..< cellStart[c + 1]` is the range of cell `c`'s candidates.
    private let cellStart: [Int32]
    /// Candidates, per cell, sorted by their smallest distance to the cell, then by index.
    private let candidates: [Candidate]

    /// `colors`: 1 to 256 colours, `0x00RRGGBB`.
    init(colors: [UInt32]) {
        precondition(!colors.isEmpty && colors.count <= 256)
        let red = colors.map { Int32(($0 >> 16) & 0xFF) }
        let green = colors.map { Int32(($0 >> 8) & 0xFF) }
        let blue = colors.map { Int32($0 & 0xFF) }
        let n = Self.cellsPerAxis
        var starts: [Int32] = [0]
        starts.reserveCapacity(n * n * n + 1)
        var cands: [Candidate] = []
        var near = [(Int32, Int)]()
        near.reserveCapacity(colors.count)
        for cr in 0..<n {
            for cg in 0..<n {
                for cb in 0..<n {
                    let lo = (Int32(cr * Self.cellSize), Int32(cg * Self.cellSize), Int32(cb * Self.cellSize))
                    let hi = (lo.0 + Int32(Self.cellSize - 1), lo.1 + Int32(Self.cellSize - 1),
                              lo.2 + Int32(Self.cellSize - 1))
                    var threshold = Int32.max
                    near.removeAll(keepingCapacity: true)
                    for i in colors.indices {
                        let (mn0, mx0) = Self.span(red[i], lo.0, hi.0)
                        let (mn1, mx1) = Self.span(green[i], lo.1, hi.1)
                        let (mn2, mx2) = Self.span(blue[i], lo.2, hi.2)
                        threshold = min(threshold, mx0 + mx1 + mx2)
                        near.append((mn0 + mn1 + mn2, i))
                    }
                    near.removeAll { $0.0 > threshold }
                    near.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                    for (bound, i) in near {
                        cands.append(Candidate(red: red[i], green: green[i], blue: blue[i], bound: bound, index: UInt8(i)))
                    }
                    starts.append(Int32(cands.count))
                }
            }
        }
        cellStart = starts
        candidates = cands
    }

    /// Smallest and largest squared distance from `v` to the interval `lo...hi`.
    private static func span(_ v: Int32, _ lo: Int32, _ hi: Int32) -> (Int32, Int32) {
        let mn: Int32 = v < lo ? lo - v : (v > hi ? v - hi : 0)
        let mx = max(abs(v - lo), abs(hi - v))
        return (mn * mn, mx * mx)
    }

    /// The index of the nearest palette colour to (`r`, `g`, `b`), each 0...255, and its squared
    /// distance. Ties go to the lowest index.
    ///
    /// The scan stops at the first candidate whose bound exceeds the best distance: it and all
    /// after it are farther. A bound *equal* to the best distance is still scanned, since that
    /// candidate may lie exactly as near and have a lower index.
    @inline(__always)
    func nearest(r: Int32, g: Int32, b: Int32) -> (index: UInt8, distance: Int32) {
        let cell = Int((r >> 4) << 8 | (g >> 4) << 4 | (b >> 4))
        let start = Int(cellStart[cell]), end = Int(cellStart[cell + 1])
        return candidates.withUnsafeBufferPointer { cands in
            var best: UInt8 = 0
            var bestD = Int32.max
            for k in start ..< end {
                let c = cands[k]
                if c.bound > bestD { break }
                let dr = c.red - r, dg = c.green - g, db = c.blue - b
                let d = dr * dr + dg * dg + db * db
                if d < bestD || (d == bestD && c.index < best) {
                    bestD = d
                    best = c.index
                }
            }
            return (best, bestD)
        }
    }

    @inline(__always)
    func nearest(_ color: UInt32) -> (index: UInt8, distance: Int32) {
        nearest(r: Int32((color >> 16) & 0xFF), g: Int32((color >> 8) & 0xFF), b: Int32(color & 0xFF))
    }
}
