/// The colours an animation's GIF must keep, and the frames its palette is built from.
///
/// One global palette serves every frame (``GIFPalette``): the scene's exact colours first,
/// then the colours of the points — which carry the lesson, how sure each point is of its
/// component — then what a few sampled frames contain. Frames whose point centres the global
/// palette cannot keep close enough get a local table
/// (``GIFPalette/indices(for:dither:protecting:tolerance:)``).
public enum ProtectedColors {
    /// How many levels a channel of a point's centre pixel may move in the GIF. The centre is
    /// where the eye reads a point's colour, whatever is drawn across the point's edge; a
    /// frame whose centres the global palette cannot keep this close gets a local colour table.
    public static let centreTolerance = 8

    /// How near, in sRGB levels (Euclidean), every point fill of the animation stays to some
    /// palette entry. Nearest-colour mapping then moves no channel of a point's colour by more
    /// than this.
    public static let fillTolerance = 7

    /// The most fill colours kept exact, so anti-aliasing keeps at least a third of the table.
    public static let maxFillSeeds = 168

    /// The PSNR the palette must reach on the sampled frames. Animations are held to 45 dB as a
    /// whole; frames between the samples (uncertain points, moving ellipses) come out about
    /// 2 dB lower than the samples, so the palette is sized for 47.
    public static let minimumPSNR = 47.0

    /// The frames of an animation of `count` frames whose pixels the palette is built from:
    /// the first, a middle and the last, in increasing order.
    public static func sampleFrames(count: Int) -> [Int] {
        guard count > 0 else { return [] }
        return Array(Set([0, count / 2, count - 1])).sorted()
    }

    /// The frames whose point fills the palette keeps: every frame when the animation is short,
    /// or up to 32 evenly spaced ones (fewer for large data: at most about 4 million points in
    /// all), always including `samples`; in increasing order.
    public static func fillFrames(count: Int, points: Int, including samples: [Int]) -> [Int] {
        guard count > 0 else { return [] }
        let budget = min(count, max(samples.count, min(32, 4_000_000 / max(1, points))))
        let spaced = (0 ..< budget).map { budget == 1 ? 0 : $0 * (count - 1) / (budget - 1) }
        return Set(spaced + samples).sorted()
    }

    /// A set of at most ``maxFillSeeds`` colours that lies within ``fillTolerance`` of every
    /// colour of `fills` (`0x00RRGGBB` → how many points have it): the most common fills are
    /// taken first (ties by colour), and a fill becomes a seed only when no seed lies within the
    /// tolerance yet — a greedy cover.
    public static func fillSeeds(_ fills: [UInt32: Int]) -> [UInt32] {
        let ranked = fills.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let radius = fillTolerance * fillTolerance
        var seeds = [SIMD3<Int>]()
        var chosen = [UInt32]()
        for (color, _) in ranked where chosen.count < maxFillSeeds {
            let c = SIMD3(Int((color >> 16) & 0xFF), Int((color >> 8) & 0xFF), Int(color & 0xFF))
            let covered = seeds.contains { s in
                let d = s &- c
                return (d &* d).wrappedSum() <= radius
            }
            if !covered {
                seeds.append(c)
                chosen.append(color)
            }
        }
        return chosen
    }
}
