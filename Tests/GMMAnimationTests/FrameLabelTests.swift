import GMM
import GMMAnimation
import GMMRender
import Testing

@Suite("Frame labels")
struct FrameLabelTests {
    /// The header of every frame draws the timeline's label of that frame, the one the deck and
    /// the player print; an E-step frame draws the previous snapshot's model but is named by the
    /// iteration it starts.
    @Test(arguments: [Timeline.Steps.iterations, .em])
    func eachHeaderDrawsItsTimelineLabel(steps: Timeline.Steps) throws {
        let animation = try Animation(history: demo.history, data: demo.data,
                                      timeline: Timeline.Options(steps: steps, tween: 1))
        let timeline = animation.timeline
        for frame in timeline.frames {
            let scene = try animation.builder.scene(for: frame.content)
            let header = scene.stageLabel.map(\.text).joined()
            #expect(header == timeline.label(frame.content), "\(frame.content)")
            #expect(header.hasPrefix("iteration "))
            if case let .eStep(i) = frame.content {
                #expect(scene.iteration == i - 1)
                #expect(header.hasPrefix("iteration \(i) of \(demo.history.iterations)"))
            }
        }
    }
}
