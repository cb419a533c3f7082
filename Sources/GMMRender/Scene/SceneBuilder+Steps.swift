import GMM

extension SceneBuilder {
    /// Where a step scene takes the N × K responsibilities under snapshot `i` from: computed
    /// now (``responsibilities(at:)``), or from a ``ResponsibilityCache`` shared by many frames.
    public typealias Responsibilities = (_ snapshot: Int) throws -> [Double]

    /// N × K responsibilities of the data under snapshot `index`, computed now.
    public func responsibilities(at index: Int) throws -> [Double] {
        guard history.snapshots.indices.contains(index) else {
            throw RenderError.invalidScene("snapshot \(index) does not exist; the history holds snapshots 0…\(history.snapshots.count - 1)")
        }
        return try GMM.responsibilities(of: data, under: history.snapshots[index].parameters)
    }

    /// Snapshot `i` as it is, points coloured by its own responsibilities, with the note of
    /// what its iteration did.
    public func snapshotScene(_ i: Int, responsibilities: Responsibilities) throws -> Scene {
        var scene = try defersResponsibilities
            ? deferredScene(index: i, parameters: history.snapshots[i].parameters, colouring: deferred(i))
            : scene(at: i, responsibilities: responsibilities(i))
        scene.note = iterationNote(at: i)
        scene.stage = .snapshot(i)
        return scene
    }

    /// The initial model before any E-step: ellipses placed, every point grey, belonging to no
    /// component yet.
    public func initialScene() throws -> Scene {
        var scene: Scene
        if defersResponsibilities {
            scene = try deferredScene(index: 0, parameters: history.snapshots[0].parameters, colouring: nil)
        } else {
            let k = history.components
            scene = try self.scene(at: 0, responsibilities: [Double](repeating: 1 / Double(k), count: data.count * k))
            scene.pointsAssigned = false
        }
        scene.note = initialNote()
        scene.stage = .initial
        return scene
    }

    /// Iteration `i`'s E-step (i ≥ 1): snapshot i − 1's ellipses, points coloured by the
    /// responsibilities under snapshot i − 1, and from the second E-step on the points whose
    /// responsibilities changed since the E-step before ringed.
    public func eStepScene(_ i: Int, responsibilities: Responsibilities) throws -> Scene {
        try checkIndex(i - 1)
        let r = try responsibilities(i - 1)
        var scene = try scene(at: i - 1, responsibilities: r)
        scene.stage = .eStep(i)
        if i >= 2 {
            scene.responsibilityChange = Self.largestChange(from: try responsibilities(i - 2), to: r,
                                                            components: history.components)
            scene.note = eStepNote(changed: scene.markedPoints.count)
        } else {
            // No earlier E-step to compare with: no rings, but the frame belongs to the
            // E/M sequence (the key lists the step marks).
            scene.responsibilityChange = [Double](repeating: 0, count: data.count)
            scene.note = eStepNote(changed: nil)
        }
        return scene
    }

    /// Iteration `i`'s M-step (i ≥ 1): snapshot i's ellipses, points still coloured by the
    /// E-step's responsibilities (under snapshot i − 1), the model before drawn as ghosts.
    public func mStepScene(_ i: Int, responsibilities: Responsibilities) throws -> Scene {
        try checkIndex(i - 1)
        var scene = try defersResponsibilities
            ? deferredScene(index: i, parameters: history.snapshots[i].parameters, colouring: deferred(i - 1))
            : scene(at: i, responsibilities: responsibilities(i - 1))
        scene.stage = .mStep(i)
        scene.ghostComponents = components(of: history.snapshots[i - 1].parameters)
        scene.note = mStepNote(at: i)
        return scene
    }

    /// Between snapshots `a` and `b` at eased fraction `fraction` ∈ (0, 1): parameters and
    /// responsibilities interpolated linearly between the two snapshots'.
    public func tweenScene(from a: Int, to b: Int, fraction f: Double, responsibilities: Responsibilities) throws -> Scene {
        try checkIndex(a)
        try checkIndex(b)
        let pa = history.snapshots[a].parameters, pb = history.snapshots[b].parameters
        let parameters = try pa.interpolated(to: pb, fraction: f)
        if defersResponsibilities {
            return try tweenScene(from: a, to: b, fraction: f, parameters: parameters,
                                  colouring: DeferredResponsibilities(data: data, parameters: pa, toward: (pb, f)))
        }
        let ra = try responsibilities(a), rb = try responsibilities(b)
        let r = zip(ra, rb).map { $0 + ($1 - $0) * f }
        return try tweenScene(from: a, to: b, fraction: f, parameters: parameters, responsibilities: r)
    }

    /// The responsibilities under snapshot `i`, computed when the frame is drawn.
    func deferred(_ i: Int) throws -> DeferredResponsibilities {
        try checkIndex(i)
        return try DeferredResponsibilities(data: data, parameters: history.snapshots[i].parameters)
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
}
