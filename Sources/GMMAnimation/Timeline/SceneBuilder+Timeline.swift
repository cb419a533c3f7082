import GMM
import GMMRender

extension SceneBuilder {
    /// The scene of one timeline frame.
    ///
    /// Responsibilities are recomputed from the snapshots and the data (a few milliseconds even
    /// for 100,000 points), so frames can be built independently and in parallel.
    public func scene(for content: Timeline.Content) throws -> Scene {
        switch content {
        case let .snapshot(i):
            return try scene(at: i)
        case .initial:
            // Before the first E-step no point belongs to any component yet: equal shares.
            let k = history.components
            let r = [Double](repeating: 1 / Double(k), count: data.count * k)
            return try scene(at: 0, responsibilities: r, caption: "initial model")
        case let .eStep(i):
            return try scene(at: i - 1, responsibilities: responsibilities(at: i - 1),
                             caption: "E-step \(i): recolour points")
        case let .mStep(i):
            return try scene(at: i, responsibilities: responsibilities(at: i - 1),
                             caption: "M-step \(i): move ellipses")
        case let .tween(a, b, f):
            let pa = history.snapshots[a].parameters, pb = history.snapshots[b].parameters
            let parameters = try pa.interpolated(to: pb, fraction: f)
            let ra = try responsibilities(at: a), rb = try responsibilities(at: b)
            let r = zip(ra, rb).map { $0 + ($1 - $0) * f }
            let progress = Double(history.snapshots[a].iteration)
                + (Double(history.snapshots[b].iteration) - Double(history.snapshots[a].iteration)) * f
            return try scene(at: a, parameters: parameters, responsibilities: r, progress: progress)
        }
    }

    /// N × K responsibilities of the data under snapshot `index`.
    private func responsibilities(at index: Int) throws -> [Double] {
        guard history.snapshots.indices.contains(index) else {
            throw RenderError.invalidScene("snapshot \(index) does not exist; the history holds snapshots 0…\(history.snapshots.count - 1)")
        }
        return try GMM.responsibilities(of: data, under: history.snapshots[index].parameters)
    }
}
