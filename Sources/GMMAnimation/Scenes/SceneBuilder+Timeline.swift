import GMM
import GMMRender

extension SceneBuilder {
    /// The scene of one timeline frame.
    ///
    /// Responsibilities are recomputed from the snapshots and the data (a few milliseconds even
    /// for 100,000 points), so frames can be built independently and in parallel. An
    /// ``Animation`` builds its frames through a cache instead, so that each snapshot's
    /// responsibilities are computed once however many frames show them.
    public func scene(for content: Timeline.Content) throws -> Scene {
        try scene(for: content) { try responsibilities(at: $0) }
    }

    /// The scene of one timeline frame, taking the N × K responsibilities under snapshot `i`
    /// from `responsibilities(i)`.
    func scene(for content: Timeline.Content, responsibilities: (Int) throws -> [Double]) throws -> Scene {
        switch content {
        case let .snapshot(i):
            var scene = try scene(at: i, responsibilities: responsibilities(i))
            scene.note = iterationNote(at: i)
            return scene
        case .initial:
            // Before the first E-step no point belongs to any component yet: drawn grey.
            let k = history.components
            let r = [Double](repeating: 1 / Double(k), count: data.count * k)
            var scene = try scene(at: 0, responsibilities: r, caption: "initial model")
            scene.pointsAssigned = false
            scene.note = "Initial model: ellipses placed, no point assigned to a component yet"
            return scene
        case let .eStep(i):
            let r = try responsibilities(i - 1)
            var scene = try scene(at: i - 1, responsibilities: r, caption: "E-step \(i)")
            if i >= 2 {
                scene.responsibilityChange = Self.largestChange(from: try responsibilities(i - 2), to: r,
                                                                components: history.components)
                let marked = scene.markedPoints.count
                scene.note = "E-step: each point's shares recomputed under the current ellipses; "
                    + "\(marked) point\(marked == 1 ? "" : "s") changed by more than \(Scene.changeThreshold) (ringed)"
            } else {
                // No earlier E-step to compare with: no rings, but the frame belongs to the
                // E/M sequence (the key lists the step marks).
                scene.responsibilityChange = [Double](repeating: 0, count: data.count)
                scene.note = "E-step: each point coloured by its share in each component under the initial ellipses"
            }
            return scene
        case let .mStep(i):
            var scene = try scene(at: i, responsibilities: responsibilities(i - 1), caption: "M-step \(i)")
            scene.ghostComponents = components(of: history.snapshots[i - 1].parameters)
            scene.note = mStepNote(at: i)
            return scene
        case let .tween(a, b, f):
            let pa = history.snapshots[a].parameters, pb = history.snapshots[b].parameters
            let parameters = try pa.interpolated(to: pb, fraction: f)
            let ra = try responsibilities(a), rb = try responsibilities(b)
            let r = zip(ra, rb).map { $0 + ($1 - $0) * f }
            return try tweenScene(from: a, to: b, fraction: f, parameters: parameters, responsibilities: r)
        }
    }

    /// For each of the N points, max over k of |new − old| between two N × K responsibility
    /// matrices.
    static func largestChange(from old: [Double], to new: [Double], components k: Int) -> [Double] {
        let n = k > 0 ? new.count / k : 0
        return (0 ..< n).map { i in
            var m = 0.0
            for j in 0 ..< k { m = max(m, abs(new[i * k + j] - old[i * k + j])) }
            return m
        }
    }

    /// N × K responsibilities of the data under snapshot `index`.
    func responsibilities(at index: Int) throws -> [Double] {
        guard history.snapshots.indices.contains(index) else {
            throw RenderError.invalidScene("snapshot \(index) does not exist; the history holds snapshots 0…\(history.snapshots.count - 1)")
        }
        return try GMM.responsibilities(of: data, under: history.snapshots[index].parameters)
    }
}
