extension SceneBuilder {
    /// Fills in `scene`'s effective counts Nₖ = N·πₖ from snapshot `index` (N the fitted
    /// samples) and the components whose count is below ``Scene/starvationThreshold(dimension:)``.
    func markStarved(_ scene: inout Scene, index: Int) {
        let n = Double(history.samples)
        let counts = history.snapshots[index].parameters.weights.map { $0 * n }
        let threshold = Scene.starvationThreshold(dimension: history.dimensions)
        scene.effectiveCounts = counts
        scene.starved = counts.indices.filter { counts[$0] < threshold }
    }
}
