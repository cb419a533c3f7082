import GMM
import GMMAnimation
import Testing
import TestSupport

/// `Timing.auto`: each iteration's time follows its log-likelihood gain, within stated bounds.
@Suite("Timing")
struct TimingTests {
    typealias Options = Timeline.Options

    static let demo: FitHistory = {
        do {
            return try GaussianMixture(components: 3).fit(try Demo.data(), initialization: .means(Demo.initialMeans)).history
        } catch {
            fatalError("the demo fit failed: \(error)")
        }
    }()

    static var logLikelihoods: [Double] { demo.snapshots.map(\.logLikelihood) }

    @Test func autoHoldsTheDemosFirstStepAtLeastTwiceItsLast() {
        let n = Self.demo.iterations
        let auto = Timeline(iterations: n, options: Options(), logLikelihoods: Self.logLikelihoods)
        let constant = Timeline(iterations: n, options: Options(timing: .constant), logLikelihoods: Self.logLikelihoods)
        #expect(auto.frames.count == constant.frames.count)
        // Frame 0 is the initial model (held 1 s); frame 1 is iteration 1, the first step.
        let first = auto.frames[1].delay
        // The last step's own delay, before the final frame's hold extends it.
        let unheld = Timeline(iterations: n, options: Options(holdFirst: 0, holdLast: 0), logLikelihoods: Self.logLikelihoods)
        let lastStep = unheld.frames[n].delay
        #expect(first >= 2 * lastStep, "first step \(first), last step \(lastStep)")
        #expect(first >= 2 * auto.frames[n - 1].delay)
        // The total stays within ±30 % of the constant timing's.
        let ratio = Double(auto.duration) / Double(constant.duration)
        #expect(ratio >= 0.7 && ratio <= 1.3, "auto \(auto.duration) vs constant \(constant.duration)")
        #expect(constant.duration == 100 + (n - 1) * 50 + 200)
        #expect(auto.frames.first?.delay == 100 && auto.frames.last?.delay == 200)
    }

    /// Every step lasts between half and three times the base, the largest step exactly three
    /// times, and a step's delay never falls as its gain grows.
    @Test func delaysAreBoundedAndMonotoneInTheGain() {
        let ll: [Double] = [-10, -6, -5.5, -5.4, -5.39, -5.389, -5.3889]
        let t = Timeline(iterations: 6, options: Options(delay: 40, holdFirst: 0, holdLast: 0), logLikelihoods: ll)
        let steps = Array(t.frames.dropFirst().map(\.delay))
        #expect(steps.first == 120)
        #expect(steps.allSatisfy { $0 >= 20 && $0 <= 120 })
        #expect(steps == steps.sorted(by: >))
        #expect(steps.last == 21)
    }

    @Test func constantTimingAndMissingLikelihoodsKeepTheDelay() {
        let flat = Timeline(iterations: 4, options: Options(holdFirst: 0, holdLast: 0))
        #expect(flat.frames.map(\.delay) == [50, 50, 50, 50, 50])
        let unknown = Timeline(iterations: 2, options: Options(holdFirst: 0, holdLast: 0), logLikelihoods: [-3, .nan, -2])
        #expect(unknown.frames.map(\.delay) == [50, 50, 50])
        let still = Timeline(iterations: 2, options: Options(holdFirst: 0, holdLast: 0), logLikelihoods: [-3, -3, -3])
        #expect(still.frames.map(\.delay) == [50, 50, 50])
    }

    /// With tweens, every real iteration is held before the motion moves on; tweened frames keep
    /// the short delay.
    @Test func tweensHoldEveryRealIteration() {
        let n = Self.demo.iterations
        let constant = Timeline(iterations: n, options: Options(tween: 5, timing: .constant), logLikelihoods: Self.logLikelihoods)
        for (i, frame) in constant.frames.enumerated() where i > 0 && i < constant.frames.count - 1 {
            #expect(frame.delay == (frame.content.isKeyFrame ? Options.defaultHoldIteration : 4))
        }
        let auto = Timeline(iterations: n, options: Options(tween: 5, holdIteration: 30), logLikelihoods: Self.logLikelihoods)
        let holds = auto.frames.dropFirst().dropLast().filter(\.content.isKeyFrame).map(\.delay)
        #expect(holds.count == n - 1)
        #expect(holds.first == 90)                      // the largest gain: 3 × the hold
        #expect(holds.allSatisfy { $0 >= 15 && $0 <= 90 })
        #expect(auto.frames.filter { !$0.content.isKeyFrame }.allSatisfy { $0.delay == 4 })
    }

    /// E-step and M-step frames of one iteration share that iteration's delay.
    @Test func emStepsShareTheirIterationsDelay() {
        let t = Timeline(iterations: 3, options: Options(steps: .em, holdFirst: 0, holdLast: 0), logLikelihoods: [-9, -5, -4, -3.9])
        #expect(t.frames.map(\.delay) == [50, 150, 150, 88, 88, 45, 45])
    }

    /// One numbering: a frame is named by its iteration of n, then by its step, and an E-step
    /// carries the number of the iteration it starts (not of the snapshot whose ellipses it draws).
    @Test func labelsNameWhatEachFrameShows() {
        let t = Timeline(iterations: 18, options: Options(steps: .em, tween: 1))
        #expect(t.label(.snapshot(5)) == "iteration 5 of 18")
        #expect(t.label(.snapshot(0)) == "iteration 0 of 18 · initial model")
        #expect(t.label(.eStep(5)) == "iteration 5 of 18 · E-step")
        #expect(t.label(.mStep(5)) == "iteration 5 of 18 · M-step")
        #expect(t.label(.initial) == "iteration 0 of 18 · initial model")
        #expect(t.label(.tween(from: 4, to: 5, fraction: 0.5)) == "iteration 4 → 5 of 18")
        // In an E/M timeline each iteration's E-step and M-step share its number.
        for frame in t.frames {
            guard case let .eStep(i) = frame.content else { continue }
            #expect(t.frames.contains { $0.content == .mStep(i) })
            #expect(t.label(frame.content).hasPrefix("iteration \(i) of 18"))
        }
    }

    @Test func aHoldOfZeroIsRejected() {
        #expect(throws: AnimationError.outOfRange(.holdIteration, value: 0, allowed: 1 ... 65535)) {
            try Options(tween: 2, holdIteration: 0).validate()
        }
    }
}
