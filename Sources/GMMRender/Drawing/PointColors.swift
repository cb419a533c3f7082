/// The fill and rim colour of every point: the responsibility-weighted blend of the component
/// colours, and the same blend darkened for the thin rim that separates overlapping points.
struct PointColors {
    /// N fill colours.
    let fills: [RGB]

    /// Darkening of the rim relative to the fill.
    static let rimFactor = 0.6

    init(scene: Scene, componentColors: [UInt32]) {
        let k = scene.componentCount
        let colors = componentColors.map(RGB.init)
        let n = scene.points.count
        guard k > 0 else {
            fills = Array(repeating: RGB(red: 0.5, green: 0.5, blue: 0.5), count: n)
            return
        }
        fills = scene.responsibilities.withUnsafeBufferPointer { r in
            (0 ..< n).map { i in RGB.blend(ArraySlice(r[(i * k) ..< ((i + 1) * k)]), colors: colors) }
        }
    }
}
