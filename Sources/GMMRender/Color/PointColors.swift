/// The fill and rim colour of every point: the responsibility-weighted blend of the component
/// colours in Oklab (``ResponsibilityBlender``), and the same blend darkened for the thin rim
/// that separates overlapping points. Points of a scene whose responsibilities are not assigned
/// yet (``Scene/pointsAssigned``) are all neutral grey.
struct PointColors {
    /// N fill colours.
    let fills: [RGB]

    /// Darkening of the rim relative to the fill.
    static let rimFactor = 0.6

    init(scene: Scene, componentColors: [UInt32]) {
        let k = scene.componentCount
        let blender = ResponsibilityBlender(componentColors: componentColors)
        let n = scene.points.count
        guard k > 0, scene.pointsAssigned else {
            fills = Array(repeating: blender.unassigned, count: n)
            return
        }
        fills = scene.responsibilities.withUnsafeBufferPointer { r in
            (0 ..< n).map { i in blender.color(UnsafeBufferPointer(rebasing: r[(i * k) ..< ((i + 1) * k)])) }
        }
    }

    /// The distinct 8-bit colours of `scene`'s points — each fill and its darker rim — with how
    /// many points have each, most frequent first (ties by colour): what a GIF palette must keep
    /// for the points to keep their meaning. Rims count because in a dense cloud a point's
    /// centre is often covered by a neighbour's rim.
    static func distinctFills(scene: Scene, componentColors: [UInt32]) -> [ColorCount] {
        var counts = [UInt32: Int]()
        for fill in PointColors(scene: scene, componentColors: componentColors).fills {
            counts[fill.packed, default: 0] += 1
            counts[fill.scaled(rimFactor).packed, default: 0] += 1
        }
        return counts.map { ColorCount(color: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.color < $1.color }
    }
}
