/// The colours anti-aliasing makes between two scene colours.
///
/// Cairo composites in sRGB without gamma, so an edge pixel of colour `b` drawn over `a` with
/// coverage `t` is `a + t (b − a)`: it lies on the segment from `a` to `b`. We bucket the sampled
/// colours lying near such a segment by pair and by `t` in sixteenths, and return the heaviest
/// buckets' mean colours. Without samples we fall back to the theoretical midpoints and quarters.
enum PaletteBlends {
    /// Squared sRGB distance from the segment within which a colour counts as a blend.
    static let tolerance: Int = 48
    /// Buckets per segment: `t` in sixteenths.
    static let steps = 16

    /// Up to `budget` blend colours between the `anchors`, weighted by `histogram`, excluding
    /// colours in `present`.
    static func find(anchors: [UInt32], histogram: ColorHistogram, excluding present: Set<UInt32>,
                     budget: Int) -> [UInt32] {
        guard budget > 0, anchors.count >= 2 else { return [] }
        var pairs: [(a: SIMD3<Float>, d: SIMD3<Float>, len2: Float)] = []
        for i in anchors.indices {
            for j in anchors.indices where j > i {
                let a = rgb(anchors[i]), d = rgb(anchors[j]) - rgb(anchors[i])
                let len2 = (d * d).sum()
                if len2 >= 3 * 16 * 16 { pairs.append((a, d, len2)) }
            }
        }
        guard !pairs.isEmpty else { return [] }
        if histogram.colors.isEmpty { return theoretical(pairs, budget: budget) }

        var weight: [Int: Int] = [:]
        var sums: [Int: SIMD3<Int>] = [:]
        for (k, color) in histogram.colors.enumerated() where !present.contains(color) {
            let c = rgb(color)
            var best = Float(tolerance)
            var bestKey = -1
            for (p, pair) in pairs.enumerated() {
                let t = ((c - pair.a) * pair.d).sum() / pair.len2
                guard t > 0, t < 1 else { continue }
                let off = c - pair.a - t * pair.d
                let dist = (off * off).sum()
                if dist <= best {
                    best = dist
                    bestKey = p * steps + Int((t * Float(steps)).rounded())
                }
            }
            guard bestKey >= 0 else { continue }
            let w = histogram.counts[k]
            weight[bestKey, default: 0] += w
            let v = SIMD3<Int>(Int((color >> 16) & 0xFF), Int((color >> 8) & 0xFF), Int(color & 0xFF))
            sums[bestKey, default: .zero] &+= v &* w
        }
        let chosen = weight.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(budget)
        return chosen.map { key, w in
            let s = sums[key, default: .zero]
            let m = (s &+ SIMD3(repeating: w / 2)) / SIMD3(repeating: w)
            return UInt32(m.x) << 16 | UInt32(m.y) << 8 | UInt32(m.z)
        }
    }

    private static func theoretical(_ pairs: [(a: SIMD3<Float>, d: SIMD3<Float>, len2: Float)],
                                    budget: Int) -> [UInt32] {
        var out: [UInt32] = []
        for t: Float in [0.5, 0.25, 0.75] {
            for pair in pairs where out.count < budget {
                let c = (pair.a + t * pair.d).rounded(.toNearestOrAwayFromZero)
                out.append(UInt32(c.x) << 16 | UInt32(c.y) << 8 | UInt32(c.z))
            }
        }
        return out
    }

    private static func rgb(_ c: UInt32) -> SIMD3<Float> {
        SIMD3(Float((c >> 16) & 0xFF), Float((c >> 8) & 0xFF), Float(c & 0xFF))
    }
}
