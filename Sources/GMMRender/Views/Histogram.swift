import Foundation

/// Equal-width bins over one column, as densities: bin i covers [start + i·width, start + (i+1)·width)
/// (the last bin also holds its right edge) and its height is countᵢ / (N · width), so the bars
/// enclose area 1 and sit on the same axis as the mixture density.
public struct Histogram: Sendable, Equatable {
    /// Left edge of the first bin.
    public var start: Double
    /// Width of every bin (> 0).
    public var width: Double
    /// One density per bin.
    public var densities: [Double]

    /// The most bins drawn, whatever the rule asks for.
    static let maxBins = 200

    /// Bins by numpy's and matplotlib's `"auto"` rule: the larger of two bin counts, the
    /// Freedman–Diaconis rule's (width 2 · IQR · N^(−1/3), which adapts to the spread without
    /// being pulled by outliers) and Sturges' (⌈log₂ N⌉ + 1). Freedman–Diaconis alone draws too
    /// few bins for well-separated clusters — exactly the data a mixture is fitted to — because
    /// their gap inflates the interquartile range. Between 1 and `maxBins` bins over the
    /// values' range; non-finite values are ignored.
    public init(values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let lo = sorted.first, let hi = sorted.last else {
            start = 0
            width = 1
            densities = []
            return
        }
        let n = Double(sorted.count)
        let span = hi - lo
        guard span > 0, span.isFinite else {
            // One value: a single bin of width 1 centred on it.
            start = lo - 0.5
            width = 1
            densities = [1]
            return
        }
        let iqr = Self.quantile(sorted, 0.75) - Self.quantile(sorted, 0.25)
        var bins = Int(log2(n).rounded(.up)) + 1
        if iqr > 0 {
            bins = max(bins, Int((span / (2 * iqr / cbrt(n))).rounded(.up)))
        }
        bins = min(max(bins, 1), Self.maxBins)
        let w = span / Double(bins)
        var counts = [Double](repeating: 0, count: bins)
        for v in sorted {
            counts[min(bins - 1, max(0, Int((v - lo) / w)))] += 1
        }
        start = lo
        width = w
        densities = counts.map { $0 / (n * w) }
    }

    /// The q-quantile of ascending `sorted` values, interpolating linearly between order
    /// statistics (numpy's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let i = Int(position.rounded(.down)), f = position - Double(i)
        return i + 1 < sorted.count ? sorted[i] + f * (sorted[i + 1] - sorted[i]) : sorted[i]
    }

    /// The tallest bar.
    public var maxDensity: Double { densities.max() ?? 0 }
}
