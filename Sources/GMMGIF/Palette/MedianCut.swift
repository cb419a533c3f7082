/// Median cut in Oklab: repeatedly split the colour box with the largest weighted variance, along
/// its axis of largest variance, at the weighted median; each final box becomes the weighted mean
/// of its colours in sRGB (the mean minimises the squared sRGB error PSNR measures, while the
/// perceptual split decides which colours share an entry).
enum MedianCut {
    /// `colors` (`0x00RRGGBB`) with `weights` (> 0), reduced to at most `count` colours.
    static func reduce(colors: [UInt32], weights: [Int], to count: Int) -> [UInt32] {
        guard count > 0, !colors.isEmpty else { return [] }
        if colors.count <= count { return colors }
        let labs = colors.map(Oklab.init)
        var order = Array(colors.indices)
        var boxes = [Box(start: 0, end: colors.count)]
        boxes[0].measure(order, labs, weights)
        while boxes.count < count {
            guard let pick = boxes.indices.filter({ boxes[$0].end - boxes[$0].start > 1 })
                .max(by: { boxes[$0].score < boxes[$1].score }) else { break }
            let box = boxes[pick]
            let axis = box.axis
            order[box.start..<box.end].sort {
                labs[$0][axis] != labs[$1][axis] ? labs[$0][axis] < labs[$1][axis] : $0 < $1
            }
            var half = 0
            for k in box.start..<box.end { half += weights[order[k]] }
            half /= 2
            var split = box.start + 1
            var acc = weights[order[box.start]]
            while split < box.end - 1 && acc < half {
                acc += weights[order[split]]
                split += 1
            }
            var low = Box(start: box.start, end: split)
            var high = Box(start: split, end: box.end)
            low.measure(order, labs, weights)
            high.measure(order, labs, weights)
            boxes[pick] = low
            boxes.append(high)
        }
        return boxes.map { $0.meanColor(order, colors, weights) }
    }

    private struct Box {
        var start: Int
        var end: Int
        var score: Float = 0
        var axis = 0

        mutating func measure(_ order: [Int], _ labs: [Oklab], _ weights: [Int]) {
            var w: Float = 0
            var sum = (Float(0), Float(0), Float(0))
            var sq = (Float(0), Float(0), Float(0))
            for k in start..<end {
                let i = order[k], wi = Float(weights[i]), c = labs[i]
                w += wi
                sum.0 += wi * c.l; sum.1 += wi * c.a; sum.2 += wi * c.b
                sq.0 += wi * c.l * c.l; sq.1 += wi * c.a * c.a; sq.2 += wi * c.b * c.b
            }
            guard w > 0 else { return }
            let v = (max(0, sq.0 - sum.0 * sum.0 / w), max(0, sq.1 - sum.1 * sum.1 / w),
                     max(0, sq.2 - sum.2 * sum.2 / w))
            score = v.0 + v.1 + v.2
            axis = v.0 >= v.1 && v.0 >= v.2 ? 0 : (v.1 >= v.2 ? 1 : 2)
        }

        func meanColor(_ order: [Int], _ colors: [UInt32], _ weights: [Int]) -> UInt32 {
            var w = 0, r = 0, g = 0, b = 0
            for k in start..<end {
                let i = order[k], c = colors[i], wi = weights[i]
                w += wi
                r += wi * Int((c >> 16) & 0xFF); g += wi * Int((c >> 8) & 0xFF); b += wi * Int(c & 0xFF)
            }
            guard w > 0 else { return colors[order[start]] }
            return UInt32((r + w / 2) / w) << 16 | UInt32((g + w / 2) / w) << 8 | UInt32((b + w / 2) / w)
        }
    }
}
