import Foundation
import GMM
import Testing
import TestSupport

/// Lloyd's k-means, iteration by iteration, against scikit-learn's `KMeans(init=centres,
/// n_init=1, algorithm="lloyd")` fitted with `max_iter` = 1, 2, … (`Fixtures/sklearn-kmeans.json`,
/// written by `scripts/make-kmeans-fixtures.py`).
@Suite("k-means history against scikit-learn")
struct KMeansHistoryTests {
    /// Every iteration's centres to 1e-9 absolute, the labels exactly and the inertia to 1e-12
    /// relative, and the iteration count exactly. scikit-learn centres the data before it runs
    /// (subtracting the column means and adding them back), which changes the centres only by
    /// round-off of the column means' size (about 1e-14 on Old Faithful's waiting times of ≈ 70),
    /// so 1e-9 is far looser than the expected agreement; the inertia sums N squared distances
    /// in a different order, a relative error of a few ε·log N.
    @Test(arguments: try Fixtures.caseNames(in: "sklearn-kmeans"))
    func everyIterationMatches(_ name: String) throws {
        let c = try Fixtures.testCase(name, in: "sklearn-kmeans")
        let data = try Dataset(rows: try c.matrix("data"))
        guard let steps = c["steps"] as? [[String: Any]], let first = steps.first else { throw FixtureError("steps") }
        let history = try KMeansHistory(data: data, centres: try first.matrix("centres"), tolerance: try c.number("tol"))
        #expect(history.iterations == (try c.int("n_iter")))
        #expect(history.converged)
        #expect(history.steps.count == steps.count)
        for (step, reference) in zip(history.steps, steps) {
            let centres = Numerics.flat(try reference.matrix("centres"))
            let err = zip(step.centres, centres).map { abs($0 - $1) }.max() ?? .nan
            #expect(step.centres.count == centres.count)
            #expect(err < 1e-9, "\(name) iteration \(step.iteration): max |Δc| = \(err)")
            guard let labels = reference["labels"] as? [NSNumber] else { throw FixtureError("labels") }
            #expect(step.labels == labels.map(\.intValue), "\(name) iteration \(step.iteration): labels")
            #expect(Numerics.relativeError(step.inertia, try reference.number("inertia")) < 1e-12,
                    "\(name) iteration \(step.iteration): inertia")
        }
    }

    /// The fixture's demo cases were fitted on the output of `gmmviz generate`: the demo's data,
    /// to the last bit or two (Foundation's JSON reader is not always correctly rounded).
    @Test func demoCasesHoldTheDemoData() throws {
        let demo = try Demo.data()
        let c = try Fixtures.testCase("demo-notebook-start", in: "sklearn-kmeans")
        let values = Numerics.flat(try c.matrix("data"))
        #expect(values.count == demo.values.count)
        #expect(Numerics.relativeError(values, demo.values) < 1e-15)
    }

    /// Invariants of any run: the inertia never rises from one step to the next (each half of
    /// Lloyd's iteration can only lower it), and every step's labels are its centres' nearest.
    @Test func inertiaNeverRisesAndLabelsAreNearest() throws {
        let data = try Dataset(rows: try Fixtures.testCase("faithful-k2-rows-0-1", in: "sklearn-kmeans").matrix("data"))
        let history = try KMeansHistory(data: data, centres: [[1.6, 90], [5.1, 45], [3, 70]], tolerance: 0)
        for (a, b) in zip(history.steps, history.steps.dropFirst()) {
            #expect(b.inertia <= a.inertia * (1 + 1e-12), "iteration \(b.iteration)")
        }
        let d = data.dimension
        for step in history.steps {
            for i in stride(from: 0, to: data.count, by: 17) {
                let x = Array(data.values[i * d ..< (i + 1) * d])
                let distances = (0 ..< history.components).map { c in
                    zip(x, step.centre(c, dimension: d)).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                }
                #expect(distances[step.labels[i]] == distances.min(), "sample \(i), iteration \(step.iteration)")
            }
        }
    }

    /// A run stopped by the iteration limit is not converged and holds exactly that many updates.
    @Test func iterationLimitStopsTheRun() throws {
        let c = try Fixtures.testCase("demo-bunched-start-tol0", in: "sklearn-kmeans")
        guard let steps = c["steps"] as? [[String: Any]] else { throw FixtureError("steps") }
        let history = try KMeansHistory(data: try Dataset(rows: try c.matrix("data")),
                                        centres: try steps[0].matrix("centres"), maxIterations: 3, tolerance: 0)
        #expect(history.iterations == 3)
        #expect(!history.converged)
        let err = zip(history.final.centres, Numerics.flat(try steps[3].matrix("centres"))).map { abs($0 - $1) }.max() ?? .nan
        #expect(err < 1e-9)
    }

    /// Bad starts are typed errors naming what was wrong.
    @Test func badStartsAreRefused() throws {
        let data = try Demo.data()
        #expect(throws: FitError.invalidInitialModel(.meanDimension(mean: 1, coordinates: 3, dimension: 2))) {
            try KMeansHistory(data: data, centres: [[0, 0], [1, 2, 3]])
        }
        #expect(throws: FitError.invalidInitialModel(.meanNotFinite(mean: 0))) {
            try KMeansHistory(data: data, centres: [[.nan, 0], [1, 2]])
        }
        #expect(throws: FitError.outOfRange(.maxIterations, value: 0, allowed: 1 ... Int.max)) {
            try KMeansHistory(data: data, centres: [[0, 0]], maxIterations: 0)
        }
        #expect(throws: FitError.notFiniteNonNegative(.tolerance, value: -1)) {
            try KMeansHistory(data: data, centres: [[0, 0]], tolerance: -1)
        }
    }
}
