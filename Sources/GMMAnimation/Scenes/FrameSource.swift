import GMM
import GMMRender

/// The stage that makes an animation's frames: builds each timeline frame's scene (with each
/// snapshot's responsibilities computed once, ``ResponsibilityCache``) and has it drawn.
///
/// A value shared read-only by every worker; each call builds its own scene and surface.
struct FrameSource: Sendable {
    let builder: SceneBuilder
    let renderer: FrameRenderer
    let timeline: Timeline
    let cache: ResponsibilityCache

    init(builder: SceneBuilder, renderer: FrameRenderer, timeline: Timeline) {
        self.builder = builder
        self.renderer = renderer
        self.timeline = timeline
        cache = ResponsibilityCache(builder: builder)
    }

    /// The scene of timeline frame `index`.
    func scene(ofFrame index: Int) throws -> Scene {
        try builder.scene(for: timeline.frames[index].content) { try cache.responsibilities(at: $0) }
    }

    /// Timeline frame `index`, drawn with the parts `contents` asks for.
    func frame(_ index: Int, contents: FrameContents) throws -> AnimationFrame {
        let scene = try scene(ofFrame: index)
        return AnimationFrame(index: index, entry: timeline.frames[index], scene: scene,
                              rendered: try renderer.frame(scene, contents: contents))
    }

    /// The facts every output receives at its start.
    func facts(workers: Workers) -> AnimationFacts {
        let options = renderer.options
        let palette = RenderPalette(theme: options.theme)
        let k = builder.history.components
        return AnimationFacts(
            timeline: timeline, size: FrameSize(options), title: options.title, history: builder.history,
            pointCount: builder.points.count, drawsPointDiscs: renderer.drawsPointDiscs(count: max(1, builder.points.count)),
            axisLabels: builder.axisLabels, componentColors: palette.colors(forComponents: k),
            exactColors: palette.exactColors(components: k), workers: workers, source: self)
    }
}
