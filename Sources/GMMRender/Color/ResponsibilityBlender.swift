import GMMColor

/// Turns a point's responsibilities into its colour: Σₖ rₖ · colourₖ taken in Oklab, so the
/// mix of two components is perceptually half-way between them (see ``OklabColor``).
///
/// Built once per frame from the K component colours. The mix is linear in Oklab, so it is K
/// multiply-adds per point followed by one conversion back to sRGB; the conversion's last step,
/// the sRGB transfer function, goes through a 4096-entry table so a million points cost a few
/// milliseconds. The table's step is 1/4095 of linear light: near black, where the transfer
/// curve is steepest (slope 12.92), that is 0.8 of an 8-bit level, below the rounding to 8 bits.
struct ResponsibilityBlender {
    /// K component colours in Oklab.
    let labs: [OklabColor]
    /// The colour of a point not yet assigned to any component, or whose row is not a
    /// distribution (all zero, NaN): a neutral grey, so that it matches no component.
    let unassigned: RGB

    /// Neutral grey for unassigned points: Oklab L = 0.62 (sRGB 140, 140, 140), about mid-way
    /// between the light background and the text, a = b = 0.
    static let unassignedColor: UInt32 = 0x8C8C8C

    init(componentColors: [UInt32]) {
        labs = componentColors.map(OklabColor.init)
        unassigned = RGB(Self.unassignedColor)
    }

    /// The colour of one point's row of K responsibilities; the row is renormalised.
    func color(_ row: UnsafeBufferPointer<Double>) -> RGB { look(row).color }

    /// The colour of one point's row (its components' Oklab colours averaged by the
    /// renormalised row), and its size step (``PointSize``) from
    /// the same pass over the row.
    func look(_ row: UnsafeBufferPointer<Double>) -> (color: RGB, level: UInt8) {
        var l = 0.0, a = 0.0, b = 0.0, total = 0.0, largest = 0.0
        for k in 0 ..< min(row.count, labs.count) {
            let w = row[k]
            guard w > 0 else { continue }
            l += w * labs[k].l
            a += w * labs[k].a
            b += w * labs[k].b
            total += w
            largest = max(largest, w)
        }
        guard total.isFinite, total > 0 else { return (unassigned, PointSize.hollow) }
        return (rgb(OklabColor(l: l / total, a: a / total, b: b / total)), PointSize.level(uncertainty: 1 - largest / total))
    }

    /// The sRGB colour of an Oklab colour through the encoding table.
    func rgb(_ lab: OklabColor) -> RGB {
        let c = lab.linearRGB
        return RGB(red: Self.encode(c.red), green: Self.encode(c.green), blue: Self.encode(c.blue))
    }

    private static let table: [Double] = (0 ... 4095).map { OklabColor.encoded(Double($0) / 4095) }

    private static func encode(_ v: Double) -> Double {
        guard v > 0 else { return 0 }
        guard v < 1 else { return 1 }
        let x = v * 4095
        let i = Int(x)
        let f = x - Double(i)
        return i >= 4095 ? 1 : Self.table[i] + f * (Self.table[i + 1] - Self.table[i])
    }
}
