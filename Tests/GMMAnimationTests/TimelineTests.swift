import GMM
import GMMAnimation
import GMMRender
import Testing
import TestSupport

/// The animation's timeline: frame counts, contents and delays for every mode.
@Suite("Timeline")
struct TimelineTests {
    typealias Options = Timeline.Options

    @Test func defaultIsOneFramePerSnapshotFromTheInitialModel() {
        let t = Timeline(iterations: 18, options: Options())
        #expect(t.frames.count == 19)
        #expect(t.frames.map(\.content) == (0 ... 18).map { .snapshot($0) })
        #expect(t.frames.first?.delay == 100)          // the initial model held 1 s
        #expect(t.frames.last?.delay == 200)           // the final one 2 s
        #expect(t.frames.dropFirst().dropLast().allSatisfy { $0.delay == 50 })
        #expect(t.duration == 100 + 17 * 50 + 200)
    }

    @Test func emStepsShowTwoFramesPerIteration() {
        let t = Timeline(iterations: 3, options: Options(steps: .em, delay: 70))
        #expect(t.frames.map(\.content) == [.initial, .eStep(1), .mStep(1), .eStep(2), .mStep(2), .eStep(3), .mStep(3)])
        #expect(t.frames.map(\.delay) == [100, 70, 70, 70, 70, 70, 200])
    }

    @Test func tweensInsertEasedFramesBetweenSnapshots() {
        let t = Timeline(iterations: 2, options: Options(tween: 3))
        #expect(t.frames.count == 1 + 2 * 4)
        #expect(t.frames.allSatisfy { $0.delay >= 4 })
        #expect(t.frames[1 ... 3].allSatisfy { $0.delay == 4 })
        let fractions = t.frames.compactMap { frame -> Double? in
            if case let .tween(0, 1, f) = frame.content { return f }
            return nil
        }
        // Smoothstep at 1/4, 2/4, 3/4.
        #expect(fractions == [0.15625, 0.5, 0.84375])
        #expect(t.frames[4].content == .snapshot(1))
        #expect(t.frames.last?.content == .snapshot(2))
    }

    @Test func holdsAndDelaysAreOptions() {
        let t = Timeline(iterations: 4, options: Options(delay: 10, holdFirst: 0, holdLast: 500))
        #expect(t.frames.map(\.delay) == [10, 10, 10, 10, 500])
    }

    @Test func maxFramesSamplesEvenlyKeepingFirstAndLast() {
        let t = Timeline(iterations: 100, options: Options(maxFrames: 11))
        #expect(t.frames.count == 11)
        #expect(t.snapshots == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        #expect(t.frames.first?.content == .snapshot(0))
        #expect(t.frames.last?.content == .snapshot(100))

        let odd = Timeline(iterations: 7, options: Options(maxFrames: 4))
        #expect(odd.frames.count <= 4 && odd.snapshots.first == 0 && odd.snapshots.last == 7)

        let em = Timeline(iterations: 50, options: Options(steps: .em, maxFrames: 21))
        #expect(em.frames.count <= 21 && em.frames.count >= 19)
        #expect(em.frames.last?.content == .mStep(50))

        // A cap above the natural count changes nothing.
        #expect(Timeline(iterations: 5, options: Options(maxFrames: 100)).frames.count == 6)
    }

    /// A fit that converged early has fewer snapshots; nothing is repeated after convergence.
    @Test func earlyConvergenceRepeatsNothing() throws {
        let h = try GaussianMixture(components: 3, options: FitOptions(maxIterations: 100))
            .fit(try Demo.data(), initialization: .means(Demo.initialMeans)).history
        #expect(h.converged && h.iterations < 100)
        let t = Timeline(iterations: h.iterations, options: Options())
        #expect(t.frames.count == h.iterations + 1)
        let contents = t.frames.map(\.content)
        #expect(Set(contents.map { "\($0)" }).count == contents.count)
    }

    @Test func badOptionsAreRejected() {
        for o in [Options(tween: -1), Options(delay: 0), Options(holdLast: -5), Options(maxFrames: 1), Options(delay: 70000)] {
            #expect(throws: AnimationError.self) { try o.validate() }
        }
    }

    /// Interpolated covariances stay symmetric positive definite all along the path, also
    /// between very different shapes (a thin ellipse turning by 90°).
    @Test func interpolatedCovariancesStayPositiveDefinite() throws {
        let a = MixtureParameters(weights: [0.2, 0.8], means: [[0, 0], [1, 1]],
                                  covariances: [[[9, 0], [0, 0.01]], [[1, 0.99], [0.99, 1]]])
        let b = MixtureParameters(weights: [0.6, 0.4], means: [[3, -2], [0, 0]],
                                  covariances: [[[0.01, 0], [0, 9]], [[1, -0.99], [-0.99, 1]]])
        for step in 0 ... 100 {
            let t = Double(step) / 100
            let p = try a.interpolated(to: b, fraction: t)
            #expect(abs(p.weights.reduce(0, +) - 1) < 1e-12)
            for cov in p.covariances {
                #expect(cov[0][1] == cov[1][0])
                #expect(cov[0][0] > 0 && cov[0][0] * cov[1][1] - cov[0][1] * cov[0][1] > 0)
            }
        }
        // The ends are the snapshots themselves (to round-off of L·Lᵀ).
        let start = try a.interpolated(to: b, fraction: 0)
        let end = try a.interpolated(to: b, fraction: 1)
        #expect(Numerics.relativeError(Numerics.flat(start.covariances), Numerics.flat(a.covariances)) < 1e-14)
        #expect(Numerics.relativeError(Numerics.flat(end.covariances), Numerics.flat(b.covariances)) < 1e-14)
        #expect(end.means == b.means)
    }

    /// E- and M-step frames show what each step changes: the E-step frame has the old ellipses
    /// and new colours, the M-step frame the new ellipses and the same colours.
    @Test func emFramesSeparateWhatEachStepChanges() throws {
        let h = try GaussianMixture(components: 3).fit(try Demo.data(), initialization: .means(Demo.initialMeans)).history
        let builder = try SceneBuilder(history: h, data: try Demo.data(), options: RenderOptions())
        let e2 = try builder.scene(for: .eStep(2)), m2 = try builder.scene(for: .mStep(2))
        let s1 = try builder.scene(for: .snapshot(1)), s2 = try builder.scene(for: .snapshot(2))
        #expect(e2.components == s1.components)                 // ellipses not yet moved
        #expect(e2.responsibilities == s1.responsibilities)     // coloured by the E-step under snapshot 1
        #expect(m2.components == s2.components)                 // ellipses moved
        #expect(m2.responsibilities == e2.responsibilities)     // colours kept from the E-step
        let initial = try builder.scene(for: .initial)
        #expect(initial.responsibilities.allSatisfy { abs($0 - 1.0 / 3) < 1e-15 })
    }
}

/// The frame-count cap: counted without building the timeline, checked before any work.
@Suite("Timeline limits")
struct TimelineLimitTests {
    @Test func frameCountMatchesTheTimeline() {
        for steps in Timeline.Steps.allCases {
            for n in [0, 1, 2, 7, 40] {
                for tween in [0, 1, 3] {
                    for cap in [nil, 2, 3, 5, 17, 1000] as [Int?] {
                        let o = Timeline.Options(steps: steps, tween: tween, maxFrames: cap)
                        #expect(Timeline.frameCount(iterations: n, options: o) == Timeline(iterations: n, options: o).frames.count,
                                "\(steps) n=\(n) tween=\(tween) cap=\(String(describing: cap))")
                    }
                }
            }
        }
    }

    /// Every combination of steps, tweens and caps either stays within the cap or is refused
    /// before any frame is drawn, naming the frames the shortest timeline needs.
    @Test func maxFramesHoldsForEveryTimelineOption() throws {
        for steps in Timeline.Steps.allCases {
            for tween in [0, 1, 3, 24, 500] {
                for cap in [2, 3, 5, 50, 600] {
                    for iterations in [0, 1, 2, 18, 99] {
                        let options = Timeline.Options(steps: steps, tween: tween, maxFrames: cap)
                        let count = Timeline(iterations: iterations, options: options).frames.count
                        #expect(count == Timeline.frameCount(iterations: iterations, options: options))
                        if count <= cap {
                            try Timeline.checkLength(iterations: iterations, options: options)
                        } else {
                            // Refused only when not even one step fits: the first frame, then
                            // one iteration's E/M frames and tweens.
                            let oneStep = 1 + (steps == .em ? 2 : 1) + tween
                            #expect(count == oneStep && oneStep > cap, "\(steps) tween \(tween) cap \(cap) n \(iterations)")
                            #expect(throws: AnimationError.maxFramesTooSmall(maxFrames: cap, needed: count)) {
                                try Timeline.checkLength(iterations: iterations, options: options)
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func longAnimationsNeedMaxFrames() throws {
        let long = Timeline.Options(tween: 200)
        #expect(Timeline.frameCount(iterations: 99, options: long) == 1 + 99 * 201)
        #expect(throws: AnimationError.tooManyFrames(frames: 1 + 99 * 201, iterations: 99, limit: Timeline.frameLimit)) {
            try Timeline.checkLength(iterations: 99, options: long)
        }
        var capped = long
        capped.maxFrames = 10_000
        try Timeline.checkLength(iterations: 99, options: capped)
        #expect(Timeline.frameCount(iterations: 99, options: capped) <= Timeline.frameLimit)
        #expect(throws: AnimationError.outOfRange(.maxFrames, value: 10_001, allowed: 2 ... Timeline.frameLimit)) {
            try Timeline.Options(maxFrames: 10_001).validate()
        }
    }
}
