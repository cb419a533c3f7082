extension GIFPalette {
    /// Builds one global palette for an animation.
    ///
    /// In order, until the table is full:
    /// 1. `seeds`, the exact colours the scene uses (background, component colours, text, axes),
    ///    each kept exactly and first, so index `i` is `seeds[i]` (after removing duplicates);
    /// 2. if every distinct colour of `samples` fits, all of them (the palette is then exact);
    /// 3. the most frequent sampled colours (at least 0.05 % of the pixels: flat fills, white),
    ///    exactly, up to a quarter of the free entries;
    /// 4. the blends anti-aliasing makes between those colours (`PaletteBlends`), up to half
    ///    of what is left;
    /// 5. median cut in Oklab of the sampled colours still far from the palette, refined by two
    ///    rounds of k-means (Lloyd) in sRGB with the exact entries held fixed.
    ///
    /// - Parameters:
    ///   - seeds: colours that must map exactly, `0x00RRGGBB`.
    ///   - samples: a few representative frames (say the first, a middle and the last).
    ///   - maxColors: table entries to use at most, 2...256, the transparent one included.
    ///   - minimumPSNR: if given (and there are samples), the palette is the smallest table of
    ///     16, 32, 64, 128 or 256 entries (up to `maxColors`) whose PSNR on `samples` reaches
    ///     this many dB. Fewer colours mean fewer anti-aliasing shades, so longer LZW strings,
    ///     smaller changed rectangles and narrower codes: on plot animations 64 colours make the
    ///     GIF about 25 % smaller than 256 at about 47 dB. The default, 45 dB, keeps a 5 dB
    ///     margin over the 40 dB the project asks of whole animations, for frames unlike the
    ///     samples. `nil`: always use `maxColors`. Tables too small for all seeds are skipped.
    ///   - reserveTransparent: keep one index for unchanged pixels.
    public static func build(seeds: [UInt32], samples: [RGBImage], maxColors: Int = 256,
                             minimumPSNR: Double? = 45, reserveTransparent: Bool = true) -> GIFPalette {
        let largest = min(256, max(2, maxColors))
        let histogram = ColorHistogram(samples: samples)
        var palette: GIFPalette
        if let minimumPSNR, !samples.isEmpty {
            // Only tables with room for every seed, since seeds must stay exact.
            let entriesForSeeds = Set(seeds.map { $0 & 0xFF_FFFF }).count + (reserveTransparent ? 1 : 0)
            let sizes = [16, 32, 64, 128].filter { $0 < largest && $0 >= entriesForSeeds } + [largest]
            palette = build(seeds: seeds, samples: samples, histogram: histogram, tableLimit: sizes[0],
                            reserveTransparent: reserveTransparent)
            for size in sizes.dropFirst() where palette.psnr(for: samples) < minimumPSNR {
                palette = build(seeds: seeds, samples: samples, histogram: histogram, tableLimit: size,
                                reserveTransparent: reserveTransparent)
            }
        } else {
            palette = build(seeds: seeds, samples: samples, histogram: histogram, tableLimit: largest,
                            reserveTransparent: reserveTransparent)
        }
        palette.sampleUsage = [Int](repeating: 0, count: palette.colors.count)
        for (color, count) in zip(histogram.colors, histogram.counts) {
            palette.sampleUsage[Int(palette.grid.nearest(color).index)] += count
        }
        return palette
    }

    /// One palette of at most `tableLimit` entries, transparent included (steps 1–5 above), from
    /// `samples` and their `histogram`.
    private static func build(seeds: [UInt32], samples: [RGBImage], histogram: ColorHistogram, tableLimit: Int,
                              reserveTransparent: Bool) -> GIFPalette {
        let limit = tableLimit - (reserveTransparent ? 1 : 0)
        var colors: [UInt32] = []
        var present = Set<UInt32>()
        func add(_ color: UInt32) {
            let c = color & 0xFF_FFFF
            if colors.count < limit, present.insert(c).inserted { colors.append(c) }
        }
        seeds.forEach(add)
        let missing = histogram.colors.indices.filter { !present.contains(histogram.colors[$0]) }
            .sorted { histogram.counts[$0] != histogram.counts[$1]
                ? histogram.counts[$0] > histogram.counts[$1] : $0 < $1 }

        if samples.isEmpty {
            // Nothing to measure: the theoretical anti-aliasing blends between the seeds.
            PaletteBlends.find(anchors: Array(colors.prefix(24)), histogram: histogram,
                               excluding: present, budget: limit - colors.count).forEach(add)
        } else if missing.count <= limit - colors.count {
            missing.forEach { add(histogram.colors[$0]) }
        } else {
            let frequent = max(1, histogram.total / 2000)
            let frequentCap = (limit - colors.count) / 4
            for i in missing.prefix(frequentCap) where histogram.counts[i] >= frequent {
                add(histogram.colors[i])
            }
            let blends = PaletteBlends.find(anchors: Array(colors.prefix(24)), histogram: histogram,
                                            excluding: present, budget: (limit - colors.count) / 2)
            blends.forEach(add)
            fillByMedianCut(&colors, present: &present, histogram: histogram, limit: limit)
        }
        if colors.isEmpty { colors = [0xFF_FFFF] }
        return GIFPalette(checkedColors: colors, reserveTransparent: reserveTransparent)
    }

    /// Fills `colors` up to `limit` from the sampled colours the palette does not yet cover.
    private static func fillByMedianCut(_ colors: inout [UInt32], present: inout Set<UInt32>,
                                        histogram: ColorHistogram, limit: Int) {
        guard colors.count < limit, !colors.isEmpty || !histogram.colors.isEmpty else { return }
        // Colours within 2 levels per channel of an entry are covered already.
        let covered: Int32 = 12
        var residual: [UInt32] = []
        var weights: [Int] = []
        let grid = colors.isEmpty ? nil : NearestColorGrid(colors: colors)
        for (k, c) in histogram.colors.enumerated() where (grid?.nearest(c).distance ?? .max) > covered {
            residual.append(c)
            weights.append(histogram.counts[k])
        }
        let fixedCount = colors.count
        for c in MedianCut.reduce(colors: residual, weights: weights, to: limit - colors.count)
        where present.insert(c).inserted {
            colors.append(c)
        }
        refine(&colors, fixedCount: fixedCount, histogram: histogram, rounds: 2)
    }

    /// Lloyd iterations: each entry from `fixedCount` on moves to the weighted sRGB mean of the
    /// sampled colours nearest to it; the earlier (exact) entries stay.
    private static func refine(_ colors: inout [UInt32], fixedCount: Int, histogram: ColorHistogram,
                               rounds: Int) {
        guard colors.count > fixedCount else { return }
        for _ in 0..<rounds {
            let grid = NearestColorGrid(colors: colors)
            var sums = [SIMD4<Int>](repeating: .zero, count: colors.count)
            for (k, c) in histogram.colors.enumerated() {
                let i = Int(grid.nearest(c).index)
                guard i >= fixedCount else { continue }
                let w = histogram.counts[k]
                sums[i] &+= SIMD4(Int((c >> 16) & 0xFF) * w, Int((c >> 8) & 0xFF) * w, Int(c & 0xFF) * w, w)
            }
            for i in fixedCount..<colors.count where sums[i].w > 0 {
                let s = sums[i], w = s.w
                colors[i] = UInt32((s.x + w / 2) / w) << 16 | UInt32((s.y + w / 2) / w) << 8
                    | UInt32((s.z + w / 2) / w)
            }
        }
    }
}
import GMMImage
