/// The look of every point: its fill, the responsibility-weighted blend of the component
/// colours in Oklab (``ResponsibilityBlender``), the same blend darkened for the thin rim that
/// separates overlapping points, and its size step for its uncertainty (``PointSize``). Points
/// of a scene whose responsibilities are not assigned yet (``Scene/pointsAssigned``) are all
/// hollow grey rings.
struct PointColors {
    /// N fill colours (for a hollow point, the colour of its ring).
    let fills: [RGB]
    /// N size steps, ``PointSize/hollow`` for a point drawn as an empty ring.
    let levels: [UInt8]

    /// Darkening of the rim relative to the fill.
    static let rimFactor = 0.6

    init(scene: Scene, componentColors: [UInt32]) {
        let k = scene.componentCount
        let blender = ResponsibilityBlender(componentColors: componentColors)
        let n = scene.points.count
        guard k > 0, scene.pointsAssigned else {
            fills = Array(repeating: blender.unassigned, count: n)
            levels = Array(repeating: PointSize.hollow, count: n)
            return
        }
        var fills = [RGB](repeating: blender.unassigned, count: n)
        var levels = [UInt8](repeating: 0, count: n)
        scene.responsibilities.withUnsafeBufferPointer { r in
            fills.withUnsafeMutableBufferPointer { f in
                levels.withUnsafeMutableBufferPointer { v in
                    for i in 0 ..< n {
                        (f[i], v[i]) = blender.look(UnsafeBufferPointer(rebasing: r[(i * k) ..< ((i + 1) * k)]))
                    }
                }
            }
        }
        self.fills = fills
        self.levels = levels
    }

    /// The point indices in drawing order: hollow points first, then by increasing size step
    /// (a counting sort, stable within a step), so the large uncertain points lie on top.
    var drawingOrder: [Int] {
        var counts = [Int](repeating: 0, count: PointSize.levels + 1)
        func slot(_ level: UInt8) -> Int { level == PointSize.hollow ? 0 : Int(level) + 1 }
        for level in levels { counts[slot(level)] += 1 }
        var starts = [Int](repeating: 0, count: counts.count)
        for s in 1 ..< counts.count { starts[s] = starts[s - 1] + counts[s - 1] }
        var order = [Int](repeating: 0, count: levels.count)
        for (i, level) in levels.enumerated() {
            let s = slot(level)
            order[starts[s]] = i
            starts[s] += 1
        }
        return order
    }

    /// The distinct 8-bit colours of `scene`'s points — each fill and its darker rim, or a
    /// hollow point's ring — with how many points have each, most frequent first (ties by
    /// colour): what a GIF palette must keep for the points to keep their meaning. Rims count
    /// because in a dense cloud a point's centre is often covered by a neighbour's rim.
    static func distinctFills(scene: Scene, componentColors: [UInt32]) -> [ColorCount] {
        var counts = [UInt32: Int]()
        let colors = PointColors(scene: scene, componentColors: componentColors)
        for (fill, level) in zip(colors.fills, colors.levels) {
            counts[fill.packed, default: 0] += 1
            if level != PointSize.hollow { counts[fill.scaled(rimFactor).packed, default: 0] += 1 }
        }
        return counts.map { ColorCount(color: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.color < $1.color }
    }
}
